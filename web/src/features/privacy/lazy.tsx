// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

const LazyPrivacyNoticePage = lazy(() =>
  import('./privacy-notice-page').then((m) => ({ default: m.PrivacyNoticePage })),
);

export function PrivacyNoticePage() {
  return (
    <Suspense fallback={<Page title={texts.loading} />}>
      <LazyPrivacyNoticePage />
    </Suspense>
  );
}
