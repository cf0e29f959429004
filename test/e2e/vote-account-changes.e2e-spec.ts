import type pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { CAST, RETRACT, createVoters, createVotingChallenge } from '../support/voting-fixtures.js';

const ACCOUNT_BY_EMAIL = `query($email: String!) { accountByEmail(email: $email) { id } }`;

/**
 * Issue #17: a vote, a retraction or a ballot is authenticated with the account's facts this process last read, and
 * its statement checks them as it writes. Whatever was changed in the account before a request takes effect on that
 * very request, through the HTTP API and its real authenticator.
 */
describe('a vote right after a change to the account', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const votesOf = async (voterId: string) =>
    (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM votes WHERE voter_id = $1', [voterId])).rows[0].n;
  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    response.errors?.[0]?.extensions?.code;

  it('after a sign-out everywhere, the next vote and retraction are UNAUTHENTICATED and change nothing', async () => {
    const { proposalIds } = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
    });
    const [voter] = await createVoters(sql, api.config, 1);
    expect((await api.gql(CAST, { id: proposalIds[0] }, voter.token)).errors).toBeUndefined();

    await sql.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [voter.id]);

    expect(codeOf(await api.gql(CAST, { id: proposalIds[1] }, voter.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(RETRACT, { id: proposalIds[0] }, voter.token))).toBe('UNAUTHENTICATED');
    expect(await votesOf(voter.id)).toBe(1);
  });

  it('a CURP verification withdrawn refuses the next vote; verified again, the next one counts', async () => {
    const { proposalIds } = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, requireCurp: true },
    });
    const [voter] = await createVoters(sql, api.config, 1, { curp: true });
    expect((await api.gql(CAST, { id: proposalIds[0] }, voter.token)).errors).toBeUndefined();

    await sql.query('UPDATE users SET curp_verified_at = NULL WHERE id = $1', [voter.id]);
    const refused = await api.gql(CAST, { id: proposalIds[1] }, voter.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CURP_REQUIRED' });
    expect(await votesOf(voter.id)).toBe(1);

    await sql.query('UPDATE users SET curp_verified_at = now() WHERE id = $1', [voter.id]);
    expect((await api.gql(CAST, { id: proposalIds[1] }, voter.token)).errors).toBeUndefined();
    expect(await votesOf(voter.id)).toBe(2);
  });

  it('a role change takes effect on the next request, with votes in between', async () => {
    const { proposalIds } = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const lookUp = () => api.gql(ACCOUNT_BY_EMAIL, { email: 'nadie@ejemplo.mx' }, voter.token);
    expect((await api.gql(CAST, { id: proposalIds[0] }, voter.token)).errors).toBeUndefined();

    await sql.query(`UPDATE users SET platform_role = 'ADMIN' WHERE id = $1`, [voter.id]);
    expect((await lookUp()).errors).toBeUndefined();
    expect((await api.gql(CAST, { id: proposalIds[1] }, voter.token)).errors).toBeUndefined();

    await sql.query(`UPDATE users SET platform_role = 'CITIZEN' WHERE id = $1`, [voter.id]);
    expect(codeOf(await lookUp())).toBe('FORBIDDEN');
    expect((await api.gql(CAST, { id: proposalIds[2] }, voter.token)).errors).toBeUndefined();
    expect(await votesOf(voter.id)).toBe(3);
  });
});
