// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyResultsPage = lazy(() => import('./results-page').then((m) => ({ default: m.ResultsPage })));

export function ResultsPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyResultsPage />
    </Suspense>
  );
}
