// The frame of every page: skip link, header with navigation and session, main landmark, footer.
import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useAnnounce } from '../shared/announcer';
import { OfflineNotice } from '../shared/online';
import { requestPageFocus } from '../shared/page';
import { PageErrorBoundary } from './error-pages';
import { juryNavLink } from '../features/jury/jury-nav';
import { NoticesBell } from '../features/notices/notices-bell';
import { useSession } from '../shared/session';
import { texts } from '../shared/texts';

const NavMembershipsDocument = graphql(`
  query NavMemberships {
    viewer {
      id
      memberships {
        role
      }
    }
  }
`);

/** "Mi unidad" appears only for people who belong to a government unit. */
function UnitLink() {
  const session = useSession();
  const [result] = useQuery({ query: NavMembershipsDocument, pause: !session.viewer });
  if (!session.viewer || !result.data?.viewer?.memberships.length) return null;
  return (
    <li>
      <NavLink to="/mi-unidad">{texts.nav.myUnit}</NavLink>
    </li>
  );
}

function SessionMenu() {
  const session = useSession();
  const announce = useAnnounce();
  if (!session.ready) return null;
  if (!session.viewer) {
    return (
      <ul className="session-menu">
        <li>
          <NavLink to="/entrar">{texts.nav.signIn}</NavLink>
        </li>
        <li>
          <NavLink to="/registro">{texts.nav.register}</NavLink>
        </li>
      </ul>
    );
  }
  const signOut = () =>
    void session.end().then(() => {
      announce(texts.account.signedOut);
    });
  return (
    <ul className="session-menu">
      <li>
        <NoticesBell />
      </li>
      <li className="session-name">{texts.nav.signedInAs(session.viewer.displayName)}</li>
      <li>
        <button type="button" className="button-link" onClick={signOut}>
          {texts.nav.signOut}
        </button>
      </li>
    </ul>
  );
}

/** Shown only to platform admins; /admin itself tells everyone else they have no access. */
function AdminLink() {
  const { viewer } = useSession();
  if (viewer?.platformRole !== 'ADMIN') return null;
  return (
    <li>
      <NavLink to="/admin">{texts.nav.admin}</NavLink>
    </li>
  );
}

export function Layout() {
  const session = useSession();
  const location = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    requestPageFocus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#contenido">
        {texts.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="site-name">
            {texts.appName}
          </Link>
          <nav aria-label={texts.nav.label}>
            <ul className="main-nav">
              <li>
                <NavLink to="/" end>
                  {texts.nav.challenges}
                </NavLink>
              </li>
              {session.viewer && (
                <li>
                  <NavLink to="/evaluaciones">{juryNavLink}</NavLink>
                </li>
              )}
              <AdminLink />
              <UnitLink />
            </ul>
          </nav>
          <SessionMenu />
        </div>
        <OfflineNotice />
      </header>
      <main id="contenido" tabIndex={-1}>
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<p>{texts.loading}</p>}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{texts.footer.about}</p>
        <ul>
          <li>
            <Link to="/datos-abiertos">{texts.footer.openData}</Link>
          </li>
          <li>
            <a href="/graphql">{texts.footer.api}</a>
          </li>
          <li>
            <Link to="/privacidad">{texts.footer.privacy}</Link>
          </li>
        </ul>
      </footer>
    </>
  );
}
