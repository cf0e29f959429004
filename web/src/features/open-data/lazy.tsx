// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyOpenDataPage = lazy(() => import('./open-data-page').then((m) => ({ default: m.OpenDataPage })));

export function OpenDataPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyOpenDataPage />
    </Suspense>
  );
}
