// One urql client per session: a new sign-in starts with an empty cache, so nothing of the previous person shows.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';

const GRAPHQL_PATH = '/graphql';

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

/** `accessToken` is read on every request, so a refreshed token is used without rebuilding the client. */
export function createGraphqlClient(accessToken: () => string | null): Client {
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
    fetchOptions: () => ({ headers: authorization(), credentials: 'same-origin' }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let stop: (() => void) | null = null;
            let cancelled = false;
            connect().then(
              (ws) => {
                if (!cancelled) stop = ws.subscribe({ ...request, query: request.query ?? '' }, sink);
              },
              (error: unknown) => sink.error(error),
            );
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
