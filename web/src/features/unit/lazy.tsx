// "Mi unidad" is for officials only: its pages load on first visit, in their own chunk, never in the public first load.
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyDashboard = lazy(() => import('./unit-pages').then((m) => ({ default: m.UnitDashboardPage })));
const LazyChallengeAdmin = lazy(() => import('./unit-pages').then((m) => ({ default: m.ChallengeAdminPage })));
const LazyTeam = lazy(() => import('./unit-pages').then((m) => ({ default: m.UnitTeamPage })));

const fallback = <Page title={texts.loading} />;

export function UnitDashboardPage() {
  return (
    <Suspense fallback={fallback}>
      <LazyDashboard />
    </Suspense>
  );
}

export function ChallengeAdminPage() {
  return (
    <Suspense fallback={fallback}>
      <LazyChallengeAdmin />
    </Suspense>
  );
}

export function UnitTeamPage() {
  return (
    <Suspense fallback={fallback}>
      <LazyTeam />
    </Suspense>
  );
}
