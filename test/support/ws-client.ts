import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../setup/test-run.js';
import type { TestApp } from './test-app.js';
import { waitFor } from './wait.js';

/** A graphql-ws client on the app's /graphql, signed in through connectionParams.authorization when given a token. */
export function wsClient(api: TestApp, token?: string): Client {
  return createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription's messages as they arrive, and its end (error or completion). */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const messages: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }[] = [];
  let ended: unknown = null;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (m) => void messages.push(m as never),
      error: (e) => void (ended = e ?? 'error'),
      complete: () => void (ended = ended ?? 'complete'),
    },
  );
  return { messages, dispose, ended: () => ended };
}

/** Waits until some process subscribed to the live channel (the server subscribes to Redis asynchronously). */
export async function channelSubscribed(prefix: string, kind: 'notification' | 'tally', id: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const channel = `${prefix}:live:${kind}:${id}`;
    await waitFor(
      `a subscriber on ${channel}`,
      async () => {
        const [, n] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        return Number(n) > 0;
      },
      20_000,
    );
  } finally {
    redis.disconnect();
  }
}
