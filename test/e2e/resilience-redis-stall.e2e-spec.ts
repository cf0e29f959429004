import type pg from 'pg';
import { TEST_REDIS_URL } from '../setup/test-run.js';
import { DEFAULT_PASSWORD, LOGIN, REGISTER, uniqueEmail } from '../support/identity.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const REQUEST_RESET = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';
/** Far above the 500 ms command timeout; only a request that waits for Redis itself reaches it. */
const HANG = 20_000;

/**
 * Issue #15 finding 2: with Redis frozen (a proxy that stops forwarding, as SIGSTOP would), GraphQL keeps
 * answering, and register / requestPasswordReset answer at once with their work committed, so a retry never
 * meets EMAIL_TAKEN. Nothing is lost: the account e-mail waits in the outbox.
 */
describe('resilience: a stalled Redis degrades, never hangs', () => {
  const redisUrl = new URL(TEST_REDIS_URL);
  const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  let api: TestApp;
  let sql: pg.Client;

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };

  beforeAll(async () => {
    const port = await proxy.start();
    api = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    proxy.thaw();
    await sql.end();
    await api.close();
    await proxy.stop();
  });

  it('answers queries, sign-ups, sign-ins and reset requests while Redis is frozen', async () => {
    const email = uniqueEmail('congelada');
    proxy.freeze();
    try {
      expect((await gql('{ states { code } }')).data.states).toHaveLength(32);

      const registered = await gql(REGISTER, {
        input: { email, password: DEFAULT_PASSWORD, displayName: 'Durante la falla' },
      });
      expect(registered.errors).toBeUndefined();
      const id = registered.data.register.viewer.id as string;

      const login = await gql(LOGIN, { input: { email, password: DEFAULT_PASSWORD } });
      expect(login.errors).toBeUndefined();
      const wrong = await gql(LOGIN, { input: { email, password: 'no-es-la-contraseña' } });
      expect(wrong.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');

      expect((await gql(REQUEST_RESET, { e: email })).data.requestPasswordReset).toBe(true);

      // Committed, with both e-mails waiting in the outbox for the relay.
      const { rows } = await sql.query(
        `SELECT payload->>'purpose' AS purpose FROM outbox_events
          WHERE type = 'account.mail_requested' AND payload->>'userId' = $1 ORDER BY id`,
        [id],
      );
      expect(rows.map((r) => r.purpose)).toEqual(['EMAIL_VERIFICATION', 'PASSWORD_RESET']);
    } finally {
      proxy.thaw();
    }
    // After Redis comes back, nothing is stuck.
    expect((await gql('{ states { code } }')).data.states).toHaveLength(32);
    const again = await gql(LOGIN, { input: { email, password: DEFAULT_PASSWORD } });
    expect(again.errors).toBeUndefined();
  });
});
