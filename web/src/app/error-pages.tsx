import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isNetworkFailure, useRetryWhenOnline } from '../shared/online';
import { Page } from '../shared/page';
import { texts } from '../shared/texts';

export function NotFoundPage() {
  return (
    <Page title={texts.errors.notFoundTitle}>
      <p>{texts.errors.notFoundBody}</p>
      <p>
        <Link to="/">{texts.errors.backHome}</Link>
      </p>
    </Page>
  );
}

export function ErrorPage() {
  return (
    <Page title={texts.errors.errorTitle}>
      <p>{texts.errors.generic}</p>
      <p>
        <a href="/">{texts.errors.backHome}</a>
      </p>
    </Page>
  );
}

/**
 * A query failed and there is nothing to show: without a connection it says so in Spanish and runs `retry` by
 * itself when the connection comes back; otherwise the network error.
 */
export function QueryErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  useRetryWhenOnline(retry);
  return <p role="alert">{isNetworkFailure(error) ? texts.offline.page : texts.errors.network}</p>;
}

/** The same as a whole page, titled «Sin conexión» when offline, with a button to try again now. */
export function QueryErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Page title={isNetworkFailure(error) ? texts.offline.title : texts.errors.errorTitle}>
      <QueryErrorMessage error={error} retry={retry} />
      <button type="button" className="button-secondary" onClick={retry}>
        {texts.errors.retry}
      </button>
    </Page>
  );
}

/**
 * A page that throws while rendering shows the Spanish error page instead of a blank screen; offline (a page's
 * code that could not be downloaded) it shows the offline page and loads the address again when the connection
 * is back.
 */
export class PageErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failed: boolean; offline: boolean }
> {
  override state = { failed: false, offline: false };

  static getDerivedStateFromError(): { failed: boolean; offline: boolean } {
    return { failed: true, offline: !navigator.onLine };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // Navigating elsewhere gives the next page a fresh start.
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  // React keeps a lazy page's failed download: only loading the address again fetches its code.
  private readonly retry = () => window.location.reload();

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return this.state.offline ? <QueryErrorPage error={null} retry={this.retry} /> : <ErrorPage />;
  }
}
