// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyVotingPage = lazy(() => import('./voting-page').then((m) => ({ default: m.VotingPage })));

export function VotingPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyVotingPage />
    </Suspense>
  );
}
