import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';
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

/** A page that throws while rendering shows the Spanish error page instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // Navigating elsewhere gives the next page a fresh start.
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorPage /> : this.props.children;
  }
}
