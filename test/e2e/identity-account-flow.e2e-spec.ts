import type pg from 'pg';
import {
  AUTH_FIELDS,
  DEFAULT_PASSWORD,
  LOGIN,
  REFRESH,
  REGISTER,
  uniqueEmail,
  VIEWER,
  VIEWER_FIELDS,
} from '../support/identity.js';
import { linkToken, readMail } from '../support/mail.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const VERIFY_EMAIL = `mutation ($t: String!) { verifyEmail(token: $t) { ${VIEWER_FIELDS} } }`;
const LOGOUT = 'mutation ($t: String!) { logout(refreshToken: $t) }';
const REQUEST_RESET = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const RESEND = 'mutation { resendEmailVerification }';

describe('identity: the whole account journey, with the mail worker running', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql.end();
    await api.close();
  });

  it('register → e-mail → verify → login → viewer → refresh → reuse revokes the family → logout', async () => {
    const email = uniqueEmail('Ana');
    const registered = await api.gql(REGISTER, {
      input: {
        email,
        password: DEFAULT_PASSWORD,
        displayName: '  Ana López  ',
        stateCode: '21',
        municipalityCode: '21114',
      },
    });
    expect(registered.errors).toBeUndefined();
    const session0 = registered.data.register;
    expect(session0.viewer).toMatchObject({
      email: email.toLowerCase(), // stored in its normalised form
      emailVerified: false,
      displayName: 'Ana López',
      platformRole: 'CITIZEN',
      curpVerified: false,
      state: { code: '21' },
      municipality: { code: '21114' },
    });
    const expiresIn = new Date(session0.accessTokenExpiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);

    // The verification e-mail, in Spanish, with a link built from PUBLIC_URL.
    const mail = await readMail(api.env.MAIL_DIR, email);
    expect(mail.decoded).toContain('Gracias por registrarte en Retos Públicos');
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const token = linkToken(mail, 'verificar-correo');
    expect(mail.decoded).toContain(`${api.config.http.publicUrl}/verificar-correo?token=${token}`);

    // Stored hashed only: neither the password nor any token appears in the database.
    const stored = await sql.query(
      `SELECT u.password_hash, t.token_hash FROM users u JOIN account_tokens t ON t.user_id = u.id WHERE lower(u.email) = lower($1)`,
      [email],
    );
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(stored.rows[0].token_hash).not.toBe(token);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    const verified = await api.gql(VERIFY_EMAIL, { t: token });
    expect(verified.data.verifyEmail.emailVerified).toBe(true);
    const again = await api.gql(VERIFY_EMAIL, { t: token });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TOKEN',
      fields: [{ path: 'token' }],
    });

    // Case-insensitive e-mail at login.
    const login = await api.gql(LOGIN, { input: { email: email.toUpperCase(), password: DEFAULT_PASSWORD } });
    expect(login.errors).toBeUndefined();
    const session1 = login.data.login;

    const viewer = await api.gql(VIEWER, {}, session1.accessToken);
    expect(viewer.data.viewer).toMatchObject({
      id: session0.viewer.id,
      email: email.toLowerCase(),
      emailVerified: true,
    });

    const refreshed = await api.gql(REFRESH, { t: session1.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    const session2 = refreshed.data.refreshSession;
    expect(session2.refreshToken).not.toBe(session1.refreshToken);
    expect((await api.gql(VIEWER, {}, session2.accessToken)).data.viewer.id).toBe(session0.viewer.id);

    // The already-rotated token comes back: TOKEN_REUSED, and the newest token of the family dies with it.
    const reused = await api.gql(REFRESH, { t: session1.refreshToken });
    expect(reused.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REUSED' });
    const newest = await api.gql(REFRESH, { t: session2.refreshToken });
    expect(newest.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });

    // Other sessions (the one from register) are another family and live on; logout ends that one.
    const fromRegister = await api.gql(REFRESH, { t: session0.refreshToken });
    expect(fromRegister.errors).toBeUndefined();
    const session3 = fromRegister.data.refreshSession;
    expect((await api.gql(LOGOUT, { t: session3.refreshToken })).data.logout).toBe(true);
    const afterLogout = await api.gql(REFRESH, { t: session3.refreshToken });
    expect(afterLogout.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    // Logging out twice, or with a token nobody issued, is not an error.
    expect((await api.gql(LOGOUT, { t: session3.refreshToken })).data.logout).toBe(true);
    expect((await api.gql(LOGOUT, { t: 'x'.repeat(43) })).data.logout).toBe(true);
  });

  it('rotation under concurrency: of 10 parallel refreshes with one token exactly one succeeds', async () => {
    const { data } = await api.gql(REGISTER, {
      input: { email: uniqueEmail(), password: DEFAULT_PASSWORD, displayName: 'Paralela' },
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql(REFRESH, { t: data.register.refreshToken })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1', [
      data.register.viewer.id,
    ]);
    expect(rows[0].n).toBe(2); // the original and exactly one successor
  });

  it('resendEmailVerification sends a new link and retires the old one', async () => {
    const email = uniqueEmail('Reenvio');
    const { data } = await api.gql(REGISTER, { input: { email, password: DEFAULT_PASSWORD, displayName: 'Reenvío' } });
    const first = linkToken(await readMail(api.env.MAIL_DIR, email), 'verificar-correo');
    expect((await api.gql(RESEND, {}, data.register.accessToken)).data.resendEmailVerification).toBe(true);
    const second = linkToken(await readMail(api.env.MAIL_DIR, email), 'verificar-correo');
    expect(second).not.toBe(first);
    expect((await api.gql(VERIFY_EMAIL, { t: first })).errors?.[0].extensions?.reason).toBe('INVALID_TOKEN');
    expect((await api.gql(VERIFY_EMAIL, { t: second })).data.verifyEmail.emailVerified).toBe(true);
  });

  it('password reset: always true, single use, new password works, old one and every session stop', async () => {
    const email = uniqueEmail('Reset');
    const { data } = await api.gql(REGISTER, {
      input: { email, password: DEFAULT_PASSWORD, displayName: 'Olvidadiza' },
    });
    await readMail(api.env.MAIL_DIR, email); // the verification e-mail
    const other = (await api.gql(LOGIN, { input: { email, password: DEFAULT_PASSWORD } })).data.login;

    expect((await api.gql(REQUEST_RESET, { e: uniqueEmail('nadie') })).data.requestPasswordReset).toBe(true);
    expect((await api.gql(REQUEST_RESET, { e: email.toUpperCase() })).data.requestPasswordReset).toBe(true);
    const mail = await readMail(api.env.MAIL_DIR, email);
    expect(mail.decoded).toContain('Recibimos una solicitud para restablecer la contraseña');
    const token = linkToken(mail, 'restablecer-contrasena');

    const tooShort = await api.gql(RESET, { t: token, p: 'corta' });
    expect(tooShort.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'newPassword' }],
    });

    expect((await api.gql(RESET, { t: token, p: 'otra-contraseña-larga' })).data.resetPassword).toBe(true);
    const reused = await api.gql(RESET, { t: token, p: 'una-tercera-contraseña' });
    expect(reused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TOKEN',
      fields: [{ path: 'token' }],
    });

    for (const refreshToken of [data.register.refreshToken, other.refreshToken]) {
      expect((await api.gql(REFRESH, { t: refreshToken })).errors?.[0].extensions?.reason).toBe('INVALID_TOKEN');
    }
    expect(
      (await api.gql(LOGIN, { input: { email, password: DEFAULT_PASSWORD } })).errors?.[0].extensions?.reason,
    ).toBe('INVALID_CREDENTIALS');
    const login = await api.gql(LOGIN, { input: { email, password: 'otra-contraseña-larga' } });
    expect(login.data.login.viewer.emailVerified).toBe(true); // the link proved the address
  });

  it('viewer is null when anonymous or with a forged, malformed or expired token', async () => {
    expect((await api.gql(VIEWER)).data).toEqual({ viewer: null });
    expect((await api.gql(VIEWER, {}, 'no-es-un-jwt')).data).toEqual({ viewer: null });
    const { data } = await api.gql(REGISTER, {
      input: { email: uniqueEmail(), password: DEFAULT_PASSWORD, displayName: 'Falsa' },
    });
    const [header, payload] = data.register.accessToken.split('.');
    expect((await api.gql(VIEWER, {}, `${header}.${payload}.firmaFalsa`)).data).toEqual({ viewer: null });
  });

  it('mutations that need an account answer UNAUTHENTICATED when anonymous, and store nothing', async () => {
    for (const query of [
      RESEND,
      'mutation { verifyCurp(curp: "SABC560626MDFLRN01") { id } }',
      'mutation { updateProfile(input: { displayName: "Nadie" }) { id } }',
      'mutation { setPlatformRole(userId: "00000000-0000-4000-8000-000000000000", role: ADMIN) { id } }',
    ]) {
      const response = await api.gql(query);
      expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    expect(AUTH_FIELDS).toContain('viewer');
  });
});
