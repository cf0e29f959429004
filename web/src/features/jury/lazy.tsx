// Loaded on first visit, so the public first load stays small (issue #13's budget): only jurors need these pages.
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyEvaluationsPage = lazy(() => import('./evaluations-page').then((m) => ({ default: m.EvaluationsPage })));
const LazyScoringPage = lazy(() => import('./scoring-page').then((m) => ({ default: m.ScoringPage })));

export function EvaluationsPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyEvaluationsPage />
    </Suspense>
  );
}

export function ScoringPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyScoringPage />
    </Suspense>
  );
}
