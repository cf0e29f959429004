// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyBallotPage = lazy(() => import('./ballot-page').then((m) => ({ default: m.BallotPage })));
const LazyConfirmation = lazy(() =>
  import('./ballot-confirmation-page').then((m) => ({ default: m.BallotConfirmationPage })),
);

export function BallotPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyBallotPage />
    </Suspense>
  );
}

export function BallotConfirmationPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyConfirmation />
    </Suspense>
  );
}
