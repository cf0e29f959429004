// The browser session: the refresh token lives in an HttpOnly cookie the page never sees (set by the API on
// login/register/refreshSession); the short access token lives only in memory. A reload restores the session
// by calling refreshSession without a token, which the API answers from the cookie.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { graphql } from '../gql';
import type { SessionFieldsFragment } from '../gql/graphql';
import { createGraphqlClient } from './graphql-client';

export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    viewer {
      id
      displayName
      emailVerified
      platformRole
    }
  }
`);

const RestoreSession = graphql(`
  mutation RestoreSession {
    refreshSession {
      ...SessionFields
    }
  }
`);

const EndSession = graphql(`
  mutation EndSession {
    logout
  }
`);

export type SessionViewer = SessionFieldsFragment['viewer'];

export interface Session {
  /** Null while signed out; `ready` is false until the first restore attempt answers. */
  viewer: SessionViewer | null;
  ready: boolean;
  /** Call with the AuthPayload of login or register (selected with `...SessionFields`). */
  start(payload: SessionFieldsFragment): void;
  end(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The access token, read by the GraphQL client on every request: renewing it needs no new client. */
class AccessTokenHolder {
  private value: string | null = null;
  read = (): string | null => this.value;
  set(value: string | null): void {
    this.value = value;
  }
}

/** Renew this long before the access token expires. */
const RENEW_MARGIN_MS = 60_000;

// Shared by every mount: the refresh token rotates on use, so two concurrent restores would spend it twice.
let restoring: Promise<SessionFieldsFragment | null> | null = null;

function restoreOnce(): Promise<SessionFieldsFragment | null> {
  restoring ??= acrossTabs(() =>
    createGraphqlClient(() => null)
      .mutation(RestoreSession, {})
      .toPromise()
      .then((result) => result.data?.refreshSession ?? null),
  ).finally(() => {
    restoring = null;
  });
  return restoring;
}

/**
 * Tabs share the cookie, so two tabs reloading at once would present the same refresh token twice, which the
 * API treats as theft and ends the session. A Web Lock makes them take turns: the second tab presents the
 * token the first one received. Browsers without Web Locks keep the old behaviour.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  return navigator.locks.request('retos-publicos-sesion', work);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token] = useState(() => new AccessTokenHolder());
  const viewerIdRef = useRef<string | null>(null);
  const [auth, setAuth] = useState<SessionFieldsFragment | null>(null);
  const [ready, setReady] = useState(false);
  const applyRef = useRef<(payload: SessionFieldsFragment | null) => void>(() => undefined);
  const [renew] = useState(() => () => restoreOnce().then((payload) => applyRef.current(payload)));
  const [client, setClient] = useState(() => createGraphqlClient(token.read, renew));

  const apply = useCallback(
    (payload: SessionFieldsFragment | null) => {
      token.set(payload?.accessToken ?? null);
      const viewerId = payload?.viewer.id ?? null;
      // A new client whenever the person changes (not when the token is only renewed): no cached data crosses sessions.
      if (viewerIdRef.current !== viewerId) setClient(createGraphqlClient(token.read, renew));
      viewerIdRef.current = viewerId;
      setAuth(payload);
      setReady(true);
    },
    [token, renew],
  );
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);

  useEffect(() => {
    let live = true;
    void restoreOnce().then((payload) => live && apply(payload));
    return () => {
      live = false;
    };
  }, [apply]);

  useEffect(() => {
    if (!auth) return;
    const wait = new Date(auth.accessTokenExpiresAt).getTime() - Date.now() - RENEW_MARGIN_MS;
    const timer = window.setTimeout(() => void renew(), Math.max(wait, 5_000));
    return () => window.clearTimeout(timer);
  }, [auth, renew]);

  const end = useCallback(async () => {
    await client.mutation(EndSession, {}).toPromise();
    apply(null);
  }, [client, apply]);

  const session = useMemo<Session>(
    () => ({ viewer: auth?.viewer ?? null, ready, start: apply, end }),
    [auth, ready, apply, end],
  );
  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
