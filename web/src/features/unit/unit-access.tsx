// Who may enter "Mi unidad": signed-out people go to sign in (and come back here); signed-in people outside every
// government unit get a clear "No tienes acceso" page, never a blank one.
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitViewerQuery } from '../../gql/graphql';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { unitTexts } from './unit-texts';

export const UnitViewerDocument = graphql(`
  query UnitViewer {
    viewer {
      id
      platformRole
      memberships {
        role
        unit {
          id
          name
          acronym
        }
      }
    }
  }
`);

export type UnitViewer = NonNullable<UnitViewerQuery['viewer']>;

export function NoAccessPage() {
  return (
    <Page title={unitTexts.noAccessTitle}>
      <p>{unitTexts.noAccessBody}</p>
      <p>{unitTexts.noAccessHelp}</p>
      <p>
        <Link to="/">{unitTexts.backToChallenges}</Link>
      </p>
    </Page>
  );
}

export function ErrorMessagePage() {
  return (
    <Page title={texts.errors.errorTitle}>
      <p role="alert">{texts.errors.network}</p>
    </Page>
  );
}

/** Renders `children` with the viewer's units once the person is signed in and belongs to at least one. */
export function UnitGate({ children }: { children: (viewer: UnitViewer) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const [result] = useQuery({ query: UnitViewerDocument, pause: !session.viewer });
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate replace to={`/entrar?volver=${encodeURIComponent(back)}`} />;
  }
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) return <ErrorMessagePage />;
  const viewer = result.data?.viewer;
  if (!viewer || viewer.memberships.length === 0) return <NoAccessPage />;
  return <>{children(viewer)}</>;
}

/** The viewer's role in a unit, or null. */
export function roleIn(viewer: UnitViewer, unitId: string): 'ADMIN' | 'EDITOR' | null {
  return viewer.memberships.find((m) => m.unit.id === unitId)?.role ?? null;
}
