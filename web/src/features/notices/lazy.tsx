// The Avisos page loads on first visit; only the header bell (notices-bell.tsx) is in the first load.
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyNoticesPage = lazy(() => import('./notices-page').then((m) => ({ default: m.NoticesPage })));

export function NoticesPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyNoticesPage />
    </Suspense>
  );
}
