// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyFollowsPage = lazy(() => import('./follows-page').then((m) => ({ default: m.FollowsPage })));
const LazyFollowToggle = lazy(() => import('./follow-toggle').then((m) => ({ default: m.FollowToggle })));
const LazyPreferencesPage = lazy(() => import('./preferences-page').then((m) => ({ default: m.PreferencesPage })));

export function FollowsPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyFollowsPage />
    </Suspense>
  );
}

export function PreferencesPage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyPreferencesPage />
    </Suspense>
  );
}

/** On the challenge page; renders nothing until loaded, so the page never waits for it. */
export function FollowToggle({ slug }: { slug: string }) {
  return (
    <Suspense fallback={null}>
      <LazyFollowToggle slug={slug} />
    </Suspense>
  );
}
