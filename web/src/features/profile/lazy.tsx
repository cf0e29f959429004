// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyProfilePage = lazy(() => import('./profile-page').then((m) => ({ default: m.ProfilePage })));

export function ProfilePage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyProfilePage />
    </Suspense>
  );
}
