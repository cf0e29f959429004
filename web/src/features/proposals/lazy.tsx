// The proposal pages load on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense, type ReactNode } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyNewProposalPage = lazy(() => import('./new-proposal-page').then((m) => ({ default: m.NewProposalPage })));
const LazyProposalsPage = lazy(() => import('./proposals-page').then((m) => ({ default: m.ProposalsPage })));
const LazyProposalPage = lazy(() => import('./proposal-page').then((m) => ({ default: m.ProposalPage })));
const LazyEditProposalPage = lazy(() => import('./edit-proposal-page').then((m) => ({ default: m.EditProposalPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Page title={texts.loading} />}>{children}</Suspense>;
}

export function NewProposalPage() {
  return (
    <Loading>
      <LazyNewProposalPage />
    </Loading>
  );
}

export function ProposalsPage() {
  return (
    <Loading>
      <LazyProposalsPage />
    </Loading>
  );
}

export function ProposalPage() {
  return (
    <Loading>
      <LazyProposalPage />
    </Loading>
  );
}

export function EditProposalPage() {
  return (
    <Loading>
      <LazyEditProposalPage />
    </Loading>
  );
}
