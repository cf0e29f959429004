// Platform administration loads on first visit, in its own chunk (issue #14).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyAdmin = lazy(() => import('./admin-page').then((m) => ({ default: m.AdminPage })));

export function AdminPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyAdmin />
    </Suspense>
  );
}
