// One urql client per session: a new sign-in starts with an empty cache, so nothing of the previous person shows.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';
import { trackedFetch } from './online';

const GRAPHQL_PATH = '/graphql';

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

/** The API closes a WebSocket whose session ended or whose access token expired (like HTTP 401). */
const SESSION_ENDED_CLOSE_CODE = 4401;

const isSessionEnded = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === SESSION_ENDED_CLOSE_CODE;

/**
 * `accessToken` is read on every request, so a refreshed token is used without rebuilding the client.
 * `renewSession`, when given, is called when the API ends a subscription's session (its token expired): the
 * subscription then carries on over a socket opened with the renewed token, so live counts never go quiet.
 */
export function createGraphqlClient(accessToken: () => string | null, renewSession?: () => Promise<void>): Client {
  const authorization = (): Record<string, string> => {
    const token = accessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  // graphql-ws loads with the first subscription, not with the first page: it is not needed to read a challenge.
  let websocket: Promise<WsClient> | null = null;
  const connect = () =>
    (websocket ??= import('graphql-ws').then(({ createClient }) =>
      createClient({ url: websocketUrl(), lazy: true, connectionParams: authorization }),
    ));
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    fetch: trackedFetch,
    fetchOptions: () => ({ headers: authorization(), credentials: 'same-origin' }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let stop: (() => void) | null = null;
            let cancelled = false;
            const start = (): void => {
              connect().then(
                (ws) => {
                  if (cancelled) return;
                  stop = ws.subscribe(
                    { ...request, query: request.query ?? '' },
                    {
                      next: (value) => sink.next(value as Parameters<typeof sink.next>[0]),
                      complete: () => sink.complete(),
                      error: (error) => {
                        if (renewSession && isSessionEnded(error) && !cancelled) void renewSession().then(start);
                        else sink.error(error);
                      },
                    },
                  );
                },
                (error: unknown) => sink.error(error),
              );
            };
            start();
            return {
              unsubscribe: () => {
                cancelled = true;
                stop?.();
              },
            };
          },
        }),
      }),
    ],
  });
}
