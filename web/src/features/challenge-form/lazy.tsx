// The challenge form loads on first visit, in its own chunk (issue #14), keeping the public first load small.
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyNew = lazy(() => import('./new-challenge-page').then((m) => ({ default: m.NewChallengePage })));
const LazyEdit = lazy(() => import('./edit-challenge-page').then((m) => ({ default: m.EditChallengePage })));

export function NewChallengePage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyNew />
    </Suspense>
  );
}

export function EditChallengePage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyEdit />
    </Suspense>
  );
}
