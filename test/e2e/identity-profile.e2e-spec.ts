import type pg from 'pg';
import { computeCurpCheckDigit } from '../../src/modules/identity/curp.js';
import {
  DEFAULT_PASSWORD,
  LOGIN,
  REGISTER,
  registerAndLogin,
  uniqueEmail,
  VIEWER_FIELDS,
} from '../support/identity.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const VERIFY_CURP = `mutation ($c: String!) { verifyCurp(curp: $c) { ${VIEWER_FIELDS} } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { ${VIEWER_FIELDS} } }`;
const SET_ROLE = 'mutation ($u: ID!, $r: PlatformRole!) { setPlatformRole(userId: $u, role: $r) { id displayName } }';
const withCheckDigit = (first17: string) => first17 + computeCurpCheckDigit(first17);

const fieldsOf = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
  (response.errors?.[0].extensions?.fields ?? []).map((f: { path: string }) => f.path).sort();

describe('identity: input validation, CURP, residence, roles', () => {
  let api: TestApp;
  let sql: pg.Client;
  const count = async (table: string) =>
    (await sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql.end();
    await api.close();
  });

  describe('register refuses bad input with BAD_USER_INPUT naming the field, and stores nothing', () => {
    const valid = () => ({ email: uniqueEmail(), password: DEFAULT_PASSWORD, displayName: 'Nombre Válido' });
    it.each([
      ['an invalid e-mail', { email: 'no-es-correo' }, ['email']],
      ['an e-mail over 254 characters', { email: `${'a'.repeat(250)}@example.mx` }, ['email']],
      ['an empty e-mail', { email: '   ' }, ['email']],
      ['a 9-character password', { password: '123456789' }, ['password']],
      ['a 201-character password', { password: 'x'.repeat(201) }, ['password']],
      ['an empty display name (after trimming)', { displayName: '   ' }, ['displayName']],
      ['an 81-character display name', { displayName: 'n'.repeat(81) }, ['displayName']],
      ['a control character in the display name', { displayName: 'Ana\u0000López' }, ['displayName']],
      ['a malformed state code', { stateCode: 'PUE' }, ['stateCode']],
      ['an unknown state code', { stateCode: '99' }, ['stateCode']],
      ['an unknown municipality', { stateCode: '21', municipalityCode: '21999' }, ['municipalityCode']],
      ['a municipality outside the state', { stateCode: '09', municipalityCode: '21114' }, ['municipalityCode']],
      [
        'several problems at once',
        { email: 'x', password: 'y', displayName: '' },
        ['displayName', 'email', 'password'],
      ],
    ])('%s', async (_case, override, fields) => {
      const before = {
        users: await count('users'),
        tokens: await count('account_tokens'),
        sessions: await count('refresh_tokens'),
      };
      const response = await api.gql(REGISTER, { input: { ...valid(), ...override } });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual(fields);
      for (const field of response.errors![0].extensions!.fields) expect(field.message).toMatch(/[a-záéíóúñ]/i);
      expect({
        users: await count('users'),
        tokens: await count('account_tokens'),
        sessions: await count('refresh_tokens'),
      }).toEqual(before);
    });

    it('a municipality alone implies its state; codes are trimmed', async () => {
      const { data } = await api.gql(REGISTER, { input: { ...valid(), municipalityCode: ' 21114 ' } });
      expect(data.register.viewer).toMatchObject({ state: { code: '21' }, municipality: { code: '21114' } });
    });

    it('accepts a display name of exactly 2 and of exactly 80 characters', async () => {
      for (const displayName of ['Al', 'n'.repeat(80)]) {
        expect((await api.gql(REGISTER, { input: { ...valid(), displayName } })).errors).toBeUndefined();
      }
    });
  });

  it('login refuses a malformed e-mail as BAD_USER_INPUT', async () => {
    const response = await api.gql(LOGIN, { input: { email: 'sin-arroba', password: 'x' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'email' }] });
    const reset = await api.gql('mutation { requestPasswordReset(email: "sin-arroba") }');
    expect(fieldsOf(reset)).toEqual(['email']);
  });

  describe('updateProfile', () => {
    it('changes the name and replaces the residence; null clears it', async () => {
      const account = await registerAndLogin(api, { stateCode: '21', municipalityCode: '21114' });
      const renamed = await api.gql(UPDATE_PROFILE, { input: { displayName: ' Nuevo Nombre ' } }, account.accessToken);
      expect(renamed.data.updateProfile).toMatchObject({
        displayName: 'Nuevo Nombre',
        state: { code: '21' },
        municipality: { code: '21114' },
      });
      const moved = await api.gql(UPDATE_PROFILE, { input: { stateCode: '09' } }, account.accessToken);
      expect(moved.data.updateProfile).toMatchObject({ state: { code: '09' }, municipality: null });
      const cleared = await api.gql(
        UPDATE_PROFILE,
        { input: { stateCode: null, municipalityCode: null } },
        account.accessToken,
      );
      expect(cleared.data.updateProfile).toMatchObject({
        state: null,
        municipality: null,
        displayName: 'Nuevo Nombre',
      });
    });

    it('refuses a municipality outside the state and an over-long name, changing nothing', async () => {
      const account = await registerAndLogin(api, { stateCode: '21' });
      const outside = await api.gql(
        UPDATE_PROFILE,
        { input: { stateCode: '09', municipalityCode: '21114' } },
        account.accessToken,
      );
      expect(outside.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'municipalityCode', message: 'El municipio no pertenece a la entidad indicada.' }],
      });
      const long = await api.gql(
        UPDATE_PROFILE,
        { input: { displayName: 'n'.repeat(81), stateCode: '09' } },
        account.accessToken,
      );
      expect(fieldsOf(long)).toEqual(['displayName']);
      const { rows } = await sql.query('SELECT display_name, state_code, municipality_code FROM users WHERE id = $1', [
        account.id,
      ]);
      expect(rows[0]).toEqual({ display_name: 'Persona de Prueba', state_code: '21', municipality_code: null });
    });
  });

  describe('verifyCurp', () => {
    it('verifies, stores only a keyed hash, and never shows the CURP', async () => {
      const account = await registerAndLogin(api);
      const curp = 'SABC560626MDFLRN01';
      const response = await api.gql(VERIFY_CURP, { c: ` ${curp.toLowerCase()} ` }, account.accessToken);
      expect(response.data.verifyCurp.curpVerified).toBe(true);
      expect(JSON.stringify(response)).not.toContain(curp);
      const { rows } = await sql.query('SELECT * FROM users WHERE id = $1', [account.id]);
      expect(rows[0].curp_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(curp);
      // Idempotent for the same CURP.
      expect((await api.gql(VERIFY_CURP, { c: curp }, account.accessToken)).errors).toBeUndefined();
    });

    it('INVALID_CURP for a wrong check digit, a bad structure and a birth date in the future', async () => {
      const account = await registerAndLogin(api);
      for (const curp of ['SABC560626MDFLRN02', 'NOESUNACURP', withCheckDigit('GOMA991231HJCRRNB')]) {
        const response = await api.gql(VERIFY_CURP, { c: curp }, account.accessToken);
        expect(response.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CURP',
          fields: [{ path: 'curp' }],
        });
      }
      expect((await sql.query('SELECT curp_hash FROM users WHERE id = $1', [account.id])).rows[0].curp_hash).toBeNull();
    });

    it('CURP_TAKEN at the curp field for a CURP of another account, also when two accounts race for it', async () => {
      const elsewhere = { path: 'curp', message: 'Esa CURP ya está registrada en otra cuenta.' };
      const first = await registerAndLogin(api);
      const second = await registerAndLogin(api);
      const curp = 'BEML920313HMCLNS09';
      expect((await api.gql(VERIFY_CURP, { c: curp }, first.accessToken)).errors).toBeUndefined();
      const taken = await api.gql(VERIFY_CURP, { c: curp }, second.accessToken);
      expect(taken.errors?.[0].extensions).toEqual({ code: 'CONFLICT', reason: 'CURP_TAKEN', fields: [elsewhere] });
      // The first account cannot switch to another CURP either.
      const another = await api.gql(VERIFY_CURP, { c: 'HEGG560427MVZRRL04' }, first.accessToken);
      expect(another.errors?.[0].extensions).toEqual({
        code: 'CONFLICT',
        reason: 'CURP_TAKEN',
        fields: [{ path: 'curp', message: 'Tu cuenta ya tiene verificada otra CURP; solo se admite una por cuenta.' }],
      });

      const racers = await Promise.all(Array.from({ length: 6 }, () => registerAndLogin(api)));
      const results = await Promise.all(
        racers.map((r) => api.gql(VERIFY_CURP, { c: 'BOXW310820HNERXN09' }, r.accessToken)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      for (const r of results.filter((r) => r.errors))
        expect(r.errors![0].extensions).toEqual({ code: 'CONFLICT', reason: 'CURP_TAKEN', fields: [elsewhere] });
    });
  });

  describe('setPlatformRole', () => {
    it('FORBIDDEN for a citizen; a platform ADMIN promotes, and the new role applies at once', async () => {
      const citizen = await registerAndLogin(api);
      const target = await registerAndLogin(api, { displayName: 'Futura Moderadora' });
      const refused = await api.gql(SET_ROLE, { u: target.id, r: 'MODERATOR' }, citizen.accessToken);
      expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
      expect(
        (await sql.query('SELECT platform_role FROM users WHERE id = $1', [target.id])).rows[0].platform_role,
      ).toBe('CITIZEN');

      const admin = await registerAndLogin(api);
      await sql.query(`UPDATE users SET platform_role = 'ADMIN' WHERE id = $1`, [admin.id]);
      const promoted = await api.gql(SET_ROLE, { u: target.id, r: 'MODERATOR' }, admin.accessToken);
      expect(promoted.data.setPlatformRole).toEqual({ id: target.id, displayName: 'Futura Moderadora' });
      expect((await api.gql('{ viewer { platformRole } }', {}, target.accessToken)).data.viewer.platformRole).toBe(
        'MODERATOR',
      );

      const self = await api.gql(SET_ROLE, { u: admin.id, r: 'CITIZEN' }, admin.accessToken);
      expect(self.errors?.[0].extensions?.code).toBe('CONFLICT');
      const missing = await api.gql(
        SET_ROLE,
        { u: '00000000-0000-4000-8000-000000000000', r: 'ADMIN' },
        admin.accessToken,
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const malformed = await api.gql(SET_ROLE, { u: 'no-es-uuid', r: 'ADMIN' }, admin.accessToken);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'userId' }] });
    });
  });

  it('PublicUser exposes only id and displayName', async () => {
    const { data } = await api.gql('{ __type(name: "PublicUser") { fields { name } } }');
    expect(data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['displayName', 'id']);
  });
});

describe('identity: admin bootstrap', () => {
  const password = 'contraseña-de-administración';

  it('creates a verified ADMIN once, even when two API processes start at once, and again is a no-op', async () => {
    const email = uniqueEmail('admin');
    const first = await startTestApp({ env: { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } });
    const env = { DATABASE_URL: first.env.DATABASE_URL, ADMIN_EMAIL: email, ADMIN_PASSWORD: password };
    await first.close();
    // Two at once on a database where it does not exist yet.
    const fresh = await startTestApp({ env: { ADMIN_EMAIL: `otra.${email}`, ADMIN_PASSWORD: password } });
    const freshEnv = { DATABASE_URL: fresh.env.DATABASE_URL, ADMIN_EMAIL: `otra.${email}`, ADMIN_PASSWORD: password };
    await fresh.close();
    const sql = await sqlClient(freshEnv.DATABASE_URL);
    await sql.query('DELETE FROM users');
    const pair = await Promise.all([startTestApp({ env: freshEnv }), startTestApp({ env: freshEnv })]);
    await Promise.all(pair.map((a) => a.close()));
    expect((await sql.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(1);
    await sql.end();

    const again = await startTestApp({ env });
    try {
      const db = await sqlClient(env.DATABASE_URL);
      const { rows } = await db.query(
        'SELECT platform_role, email_verified_at FROM users WHERE lower(email) = lower($1)',
        [email],
      );
      await db.end();
      expect(rows).toHaveLength(1);
      expect(rows[0].platform_role).toBe('ADMIN');
      expect(rows[0].email_verified_at).not.toBeNull();
      const login = await again.gql(LOGIN, { input: { email, password } });
      expect(login.data.login.viewer).toMatchObject({ platformRole: 'ADMIN', emailVerified: true });
    } finally {
      await again.close();
    }
  });

  it('promotes an existing unverified account and takes it over from whoever registered it', async () => {
    const api = await startTestApp();
    const squatter = await registerAndLogin(api);
    await api.close();
    const restarted = await startTestApp({
      env: { DATABASE_URL: api.env.DATABASE_URL, ADMIN_EMAIL: squatter.email, ADMIN_PASSWORD: password },
    });
    try {
      expect(
        (await restarted.gql(LOGIN, { input: { email: squatter.email, password: squatter.password } })).errors?.[0]
          .extensions?.reason,
      ).toBe('INVALID_CREDENTIALS');
      expect(
        (
          await restarted.gql('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
            t: squatter.refreshToken,
          })
        ).errors?.[0].extensions?.reason,
      ).toBe('INVALID_TOKEN');
      const login = await restarted.gql(LOGIN, { input: { email: squatter.email, password } });
      expect(login.data.login.viewer).toMatchObject({ id: squatter.id, platformRole: 'ADMIN', emailVerified: true });
    } finally {
      await restarted.close();
    }
  });
});
