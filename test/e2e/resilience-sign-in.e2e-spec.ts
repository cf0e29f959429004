import type pg from 'pg';
import { QueryCounter } from '../../src/infrastructure/database/query-counter.js';
import { DEFAULT_PASSWORD, gqlFrom, LOGIN, REGISTER, registerAndLogin, uniqueEmail } from '../support/identity.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const REQUEST_RESET = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';
const LOGOUT = 'mutation ($t: String!) { logout(refreshToken: $t) }';
const REFRESH = 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }';
const SET_ROLE = 'mutation ($u: ID!, $r: PlatformRole!) { setPlatformRole(userId: $u, role: $r) { id } }';
const ADDRESS_LIMIT = 20;

const reasonOf = (r: { errors?: any[] }) => r.errors?.[0].extensions?.reason ?? r.errors?.[0].extensions?.code;

/** Issue #15 (findings 3, 4, 7, 8) and #16 (5): sign-in locks out attackers, not towns. */
describe('resilience: sign-in', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp({ env: { TRUST_PROXY: 'true', LOGIN_FAILURES_PER_ADDRESS: String(ADDRESS_LIMIT) } });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql.end();
    await api.close();
  });

  it('30 people behind one address sign in at once, and all of them get in', async () => {
    const accounts = [];
    for (let i = 0; i < 3; i++)
      accounts.push(...(await Promise.all(Array.from({ length: 10 }, () => registerAndLogin(api)))));
    const logins = await Promise.all(
      accounts.map((a) => gqlFrom(api, '10.50.0.1', LOGIN, { input: { email: a.email, password: DEFAULT_PASSWORD } })),
    );
    expect(logins.map(reasonOf)).toEqual(accounts.map(() => undefined));
  });

  it('only failures count against an address, which is refused after its limit while other addresses are not', async () => {
    const account = await registerAndLogin(api);
    for (let i = 0; i < 15; i++) {
      const ok = await gqlFrom(api, '10.51.0.1', LOGIN, {
        input: { email: account.email, password: DEFAULT_PASSWORD },
      });
      expect(ok.errors).toBeUndefined();
    }
    const guesses = await Promise.all(
      Array.from({ length: ADDRESS_LIMIT }, (_, i) =>
        gqlFrom(api, '10.51.0.1', LOGIN, { input: { email: uniqueEmail(`g${i}`), password: DEFAULT_PASSWORD } }),
      ),
    );
    expect(guesses.map(reasonOf)).toEqual(guesses.map(() => 'INVALID_CREDENTIALS'));
    const afterLimit = await gqlFrom(api, '10.51.0.1', LOGIN, {
      input: { email: account.email, password: DEFAULT_PASSWORD },
    });
    expect(afterLimit.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    const elsewhere = await gqlFrom(api, '10.51.0.2', LOGIN, {
      input: { email: account.email, password: DEFAULT_PASSWORD },
    });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('parallel guesses at one account cannot pass its limit of 10', async () => {
    const account = await registerAndLogin(api);
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        gqlFrom(api, `10.52.0.${i}`, LOGIN, { input: { email: account.email, password: `mala-${i}-contraseña` } }),
      ),
    );
    const reasons = burst.map(reasonOf);
    expect(reasons.filter((r) => r === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(reasons.filter((r) => r === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('a locked account stays locked under every spelling of its address (U+0130, fullwidth, case, spaces)', async () => {
    const email = uniqueEmail('ciudadana40');
    const account = await registerAndLogin(api, { email });
    for (let i = 0; i < 10; i++) {
      await gqlFrom(api, `10.53.0.${i}`, LOGIN, { input: { email, password: `mala-${i}-contraseña` } });
    }
    const dotted = await gqlFrom(api, '10.53.1.1', LOGIN, {
      input: { email: email.replace('ci', 'cİ'), password: DEFAULT_PASSWORD },
    });
    expect(dotted.data).toBeNull();
    expect(dotted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'email' }] });
    for (const variant of [email.replace('c', '\uff43'), ` ${email.toUpperCase()} `]) {
      const r = await gqlFrom(api, '10.53.1.2', LOGIN, { input: { email: variant, password: DEFAULT_PASSWORD } });
      expect(r.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    }
    const again = await api.gql(REGISTER, {
      input: { email: email.replace('c', '\uff43'), password: DEFAULT_PASSWORD, displayName: 'Copia' },
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    const stored = await sql.query('SELECT email FROM users WHERE id = $1', [account.id]);
    expect(stored.rows[0].email).toBe(email.toLowerCase());
  });

  it('the hourly cap on reset e-mails is one cap for every spelling of an address', async () => {
    const account = await registerAndLogin(api);
    const spellings = [account.email, account.email.toUpperCase(), account.email.replace('p', '\uff50')];
    for (let i = 0; i < 9; i++) {
      expect((await api.gql(REQUEST_RESET, { e: spellings[i % 3] })).data.requestPasswordReset).toBe(true);
    }
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1 AND purpose = 'PASSWORD_RESET'`,
      [account.id],
    );
    expect(rows[0].n).toBe(5);
  });

  it('a reset request does the same database work whether or not the address has an account', async () => {
    const account = await registerAndLogin(api);
    const counter = api.app.get(QueryCounter);
    const statementsFor = async (email: string) => {
      const before = counter.count;
      expect((await api.gql(REQUEST_RESET, { e: email })).data.requestPasswordReset).toBe(true);
      return counter.count - before;
    };
    const known = await statementsFor(account.email);
    const unknown = await statementsFor(uniqueEmail('nadie'));
    expect(unknown).toBe(known);
    const events = await sql.query(
      `SELECT payload FROM outbox_events WHERE type = 'account.mail_requested' AND payload->>'purpose' = 'PASSWORD_RESET'
        AND payload->>'userId' = $1`,
      [account.id],
    );
    expect(events.rows).toHaveLength(1);
  });

  it('logout and a password change end the access tokens already issued, at once', async () => {
    const account = await registerAndLogin(api);
    const phone = (await api.gql(LOGIN, { input: { email: account.email, password: DEFAULT_PASSWORD } })).data.login;
    expect((await api.gql('{ viewer { id } }', {}, phone.accessToken)).data.viewer).toEqual({ id: account.id });

    expect((await api.gql(LOGOUT, { t: phone.refreshToken })).data.logout).toBe(true);
    expect((await api.gql('{ viewer { id } }', {}, phone.accessToken)).data.viewer).toBeNull();
    // The other device's access token ends too, but its session lives on: a refresh gives a working token.
    expect((await api.gql('{ viewer { id } }', {}, account.accessToken)).data.viewer).toBeNull();
    const refreshed = (await api.gql(REFRESH, { t: account.refreshToken })).data.refreshSession;
    expect((await api.gql('{ viewer { id } }', {}, refreshed.accessToken)).data.viewer).toEqual({ id: account.id });

    await sql.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [account.id]); // what resetPassword does
    expect((await api.gql('{ viewer { id } }', {}, refreshed.accessToken)).data.viewer).toBeNull();
  });

  it('two platform ADMINs demoting each other at once leave exactly one ADMIN', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([registerAndLogin(api), registerAndLogin(api)]);
      await sql.query(
        `UPDATE users SET platform_role = CASE WHEN id = ANY($1::uuid[]) THEN 'ADMIN' ELSE 'CITIZEN' END`,
        [[a.id, b.id]],
      );
      const results = await Promise.all([
        api.gql(SET_ROLE, { u: b.id, r: 'CITIZEN' }, a.accessToken),
        api.gql(SET_ROLE, { u: a.id, r: 'CITIZEN' }, b.accessToken),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(['CONFLICT', 'FORBIDDEN']).toContain(results.map(reasonOf).find(Boolean));
      const admins = await sql.query(`SELECT count(*)::int AS n FROM users WHERE platform_role = 'ADMIN'`);
      expect(admins.rows[0].n).toBe(1);
    }
  });
});
