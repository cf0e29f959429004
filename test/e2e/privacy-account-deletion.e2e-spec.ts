import type pg from 'pg';
import { LOGIN, registerAndLogin, type TestAccount } from '../support/identity.js';
import { HIDE_PROPOSAL } from '../support/proposals.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';
import {
  CAST,
  createVoters,
  createVotingChallenge,
  tokenFor,
  type VotingChallenge,
} from '../support/voting-fixtures.js';

const DELETE = `mutation($password: String!) { deleteMyAccount(password: $password) }`;
const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status } }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { targetId } }`;
const VIEWER = `{ viewer { id } }`;
const OUTCOME = `query($id: ID) { challenge(id: $id) { status participantCount
  rounds { id position tally { votes rank share proposal { id voteCount } } }
  results { totalVoters totalVotes budgetUsed method entries { rank votes voteScore juryScore finalScore isWinner proposal { id } } } } }`;
const AUTHOR = `query($id: ID!) { proposal(id: $id) { id author { id displayName } } }`;
const OPEN_DATA = ['tallies.csv', 'tallies.json', 'results.csv', 'results.json', 'evaluations.csv'];

/** Every text-like column of every table, for searching a person's data anywhere in the database. */
async function textColumns(sql: pg.Client): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
       AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`,
  );
  return rows;
}

async function whereFound(sql: pg.Client, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns(sql)) {
    const { rows } = await sql.query(`SELECT 1 FROM "${table}" WHERE "${column}"::text ILIKE $1 LIMIT 1`, [
      `%${needle}%`,
    ]);
    if (rows.length) found.push(`${table}.${column}`);
  }
  return found;
}

/**
 * Issue #16, ARCO cancellation: a citizen who proposed, voted and followed deletes the account. Every personal
 * field goes, drafts go, and every count and result stays exactly as it was.
 */
describe('deleting my account', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
    sql = await sqlClient(api.env.DATABASE_URL);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const userRow = async (id: string) => (await sql.query('SELECT * FROM users WHERE id = $1', [id])).rows[0];

  /** A citizen with a real password, residence, CURP, a submitted proposal, a draft, a vote and a follow. */
  async function participant(challenge: VotingChallenge, name: string): Promise<TestAccount> {
    const person = await registerAndLogin(api, { displayName: name, stateCode: '21', municipalityCode: '21114' });
    await sql.query(
      `UPDATE users SET email_verified_at = now(), curp_hash = 'hash-' || id, curp_verified_at = now() WHERE id = $1`,
      [person.id],
    );
    await sql.query(`UPDATE proposals SET author_id = $2 WHERE id = $1`, [challenge.proposalIds[0], person.id]);
    await sql.query(
      `INSERT INTO proposals (challenge_id, author_id, title, summary, body) VALUES ($1, $2, 'Mi borrador secreto', 'Resumen', 'Cuerpo del borrador.')`,
      [challenge.challengeId, person.id],
    );
    const voted = await api.gql(CAST, { id: challenge.proposalIds[1] }, person.accessToken);
    expect(voted.errors).toBeUndefined();
    // The vote makes its voter follow the challenge, after commit (a worker job, within the relay's 1 s poll).
    await waitFor('the voter follows the challenge', async () => {
      const { rows } = await sql.query(
        `SELECT 1 FROM follows WHERE user_id = $1 AND target_type = 'CHALLENGE' AND target_id = $2`,
        [person.id, challenge.challengeId],
      );
      return rows.length > 0;
    });
    const followed = await api.gql(FOLLOW, { input: { targetType: 'STATE', targetId: '21' } }, person.accessToken);
    expect(followed.errors).toBeUndefined();
    await sql.query(
      `INSERT INTO notifications (event_id, recipient_id, type, title, body) VALUES (0, $1, 'ROUND_OPENED', 'Aviso', 'Texto')`,
      [person.id],
    );
    await sql.query(
      `INSERT INTO notification_preferences (user_id, type, channel, enabled) VALUES ($1, 'ROUND_OPENED', 'EMAIL', true)`,
      [person.id],
    );
    return person;
  }

  async function outcome(challengeId: string) {
    const { data, errors } = await api.gql(OUTCOME, { id: challengeId });
    expect(errors).toBeUndefined();
    const files: Record<string, string> = {};
    for (const file of OPEN_DATA) {
      const response = await fetch(`${api.url}/open-data/challenges/${challengeId}/${file}`);
      expect(response.status).toBe(200);
      files[file] = await response.text();
    }
    return { graphql: data, files };
  }

  it('leaves every result and tally identical, erases every personal field and shows «Cuenta eliminada»', async () => {
    const challenge = await createVotingChallenge(sql, { proposals: 3 });
    const name = `Persona Única ${challenge.challengeId.slice(0, 8)}`;
    const person = await participant(challenge, name);
    const voters = await createVoters(sql, api.config, 4);
    for (const [i, voter] of voters.entries()) {
      const voted = await api.gql(CAST, { id: challenge.proposalIds[i % 2 === 0 ? 1 : 2] }, voter.token);
      expect(voted.errors).toBeUndefined();
    }
    const admin = await tokenFor(api.config, challenge.adminId);
    const voting = challenge.rounds.find((r) => r.kind === 'VOTING')!;
    const closed = await api.gql(CLOSE_NOW, { roundId: voting.id }, admin);
    expect(closed.data.closeRoundNow.status).toBe('CLOSED');

    const before = await outcome(challenge.challengeId);
    expect(before.graphql.challenge.results.totalVoters).toBe(5);
    expect((await api.gql(AUTHOR, { id: challenge.proposalIds[0] })).data.proposal.author.displayName).toBe(name);

    const deleted = await api.gql(DELETE, { password: person.password }, person.accessToken);
    expect(deleted).toMatchObject({ data: { deleteMyAccount: true } });

    // Every count and result is the same, public files included.
    expect(await outcome(challenge.challengeId)).toEqual(before);

    // The account is a tombstone with no personal data.
    const row = await userRow(person.id);
    expect(row).toMatchObject({
      display_name: 'Cuenta eliminada',
      password_hash: '',
      curp_hash: null,
      curp_verified_at: null,
      email_verified_at: null,
      state_code: null,
      municipality_code: null,
      anonymous_in_public: false,
      platform_role: 'CITIZEN',
    });
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(row.email).not.toContain(person.email.split('@')[0]);
    for (const [table, column] of [
      ['refresh_tokens', 'user_id'],
      ['account_tokens', 'user_id'],
      ['follows', 'user_id'],
      ['notification_preferences', 'user_id'],
      ['notifications', 'recipient_id'],
      ['email_deliveries', 'recipient_id'],
      ['co_author_invitations', 'invitee_id'],
      ['co_author_invitations', 'inviter_id'],
      ['unit_memberships', 'user_id'],
      ['data_exports', 'user_id'],
    ]) {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [person.id]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    // The draft is gone; the submitted proposal and the vote stay, pointing to the tombstone.
    const proposals = await sql.query(`SELECT title, submitted_at FROM proposals WHERE author_id = $1`, [person.id]);
    expect(proposals.rows.map((p) => p.title)).toEqual(['Propuesta 1']);
    expect((await sql.query(`SELECT count(*)::int AS n FROM votes WHERE voter_id = $1`, [person.id])).rows[0].n).toBe(
      1,
    );
    // Neither the e-mail nor the name is anywhere in the database.
    expect(await whereFound(sql, person.email)).toEqual([]);
    expect(await whereFound(sql, name)).toEqual([]);

    // Public paths show «Cuenta eliminada».
    const author = await api.gql(AUTHOR, { id: challenge.proposalIds[0] });
    expect(author.data.proposal.author).toEqual({ id: person.id, displayName: 'Cuenta eliminada' });
    for (const file of ['proposals.csv', 'proposals.json']) {
      const body = await (await fetch(`${api.url}/open-data/challenges/${challenge.challengeId}/${file}`)).text();
      expect(body).toContain('Cuenta eliminada');
      expect(body).not.toContain(name);
    }

    // Signed out everywhere, and the account can no longer sign in.
    expect((await api.gql(VIEWER, {}, person.accessToken)).data.viewer).toBeNull();
    const login = await api.gql(LOGIN, { input: { email: person.email, password: person.password } });
    expect(login.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');

    // The deletion is audited and announced through the outbox.
    const audit = await sql.query(`SELECT action FROM audit_events WHERE actor_id = $1`, [person.id]);
    expect(audit.rows.map((a) => a.action)).toContain('account.deleted');
    const outbox = await sql.query(`SELECT payload FROM outbox_events WHERE type = 'account.deleted'`);
    expect(outbox.rows.map((o) => o.payload)).toContainEqual({ userId: person.id });
  });

  it('changes nothing with a wrong password, and says so at the password field', async () => {
    const challenge = await createVotingChallenge(sql, { proposals: 2 });
    const person = await participant(challenge, 'Persona con contraseña');
    const counts = async () =>
      (
        await sql.query(
          `SELECT (SELECT count(*) FROM proposals WHERE author_id = $1)::int AS proposals,
                  (SELECT count(*) FROM follows WHERE user_id = $1)::int AS follows,
                  (SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL)::int AS sessions,
                  (SELECT count(*) FROM notifications WHERE recipient_id = $1)::int AS notifications`,
          [person.id],
        )
      ).rows[0];
    const before = { user: await userRow(person.id), counts: await counts() };

    const refused = await api.gql(DELETE, { password: 'no-es-la-contraseña' }, person.accessToken);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: 'La contraseña no es correcta.',
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CREDENTIALS',
        fields: [{ path: 'password', message: 'La contraseña no es correcta.' }],
      },
    });
    expect({ user: await userRow(person.id), counts: await counts() }).toEqual(before);
    expect((await api.gql(VIEWER, {}, person.accessToken)).data.viewer).toEqual({ id: person.id });
    expect((await api.gql(DELETE, { password: person.password })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('notifies nobody at a deleted account: the co-author hears of the moderation, the tombstone does not', async () => {
    const challenge = await createVotingChallenge(sql, { proposals: 2 });
    const person = await participant(challenge, 'Autora que se va');
    const [coAuthor, moderator] = await createVoters(sql, api.config, 2);
    await sql.query(`INSERT INTO proposal_co_authors (proposal_id, user_id) VALUES ($1, $2)`, [
      challenge.proposalIds[0],
      coAuthor.id,
    ]);
    await sql.query(`UPDATE users SET platform_role = 'MODERATOR' WHERE id = $1`, [moderator.id]);
    expect((await api.gql(DELETE, { password: person.password }, person.accessToken)).data).toEqual({
      deleteMyAccount: true,
    });

    const hidden = await api.gql(
      HIDE_PROPOSAL,
      { id: challenge.proposalIds[0], reason: 'Contenido duplicado' },
      moderator.token,
    );
    expect(hidden.errors).toBeUndefined();
    await waitFor('the co-author notification', async () => {
      const { rows } = await sql.query(
        `SELECT 1 FROM notifications WHERE recipient_id = $1 AND type = 'PROPOSAL_HIDDEN'`,
        [coAuthor.id],
      );
      return rows.length > 0;
    });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [
      person.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses the last platform ADMIN and the last ADMIN of a unit, in Spanish', async () => {
    const admin = await registerAndLogin(api, { displayName: 'Única administradora' });
    await sql.query(`UPDATE users SET platform_role = 'CITIZEN' WHERE platform_role = 'ADMIN'`);
    await sql.query(`UPDATE users SET platform_role = 'ADMIN' WHERE id = $1`, [admin.id]);
    const refused = await api.gql(DELETE, { password: admin.password }, admin.accessToken);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('única persona administradora de la plataforma'),
      extensions: { code: 'CONFLICT' },
    });
    expect((await userRow(admin.id)).display_name).toBe('Única administradora');

    const other = await registerAndLogin(api, { displayName: 'Otra administradora' });
    await sql.query(`UPDATE users SET platform_role = 'ADMIN' WHERE id = $1`, [other.id]);
    const { rows } = await sql.query(
      `INSERT INTO government_units (name, level) VALUES ('Secretaría de Pruebas', 'FEDERAL') RETURNING id`,
    );
    await sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [
      rows[0].id,
      admin.id,
    ]);
    const unitRefusal = await api.gql(DELETE, { password: admin.password }, admin.accessToken);
    expect(unitRefusal.errors?.[0]).toMatchObject({
      message: expect.stringContaining('única persona administradora de Secretaría de Pruebas'),
      extensions: { code: 'CONFLICT' },
    });

    await sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [
      rows[0].id,
      other.id,
    ]);
    expect((await api.gql(DELETE, { password: admin.password }, admin.accessToken)).data).toEqual({
      deleteMyAccount: true,
    });
    expect((await sql.query(`SELECT user_id FROM unit_memberships WHERE unit_id = $1`, [rows[0].id])).rows).toEqual([
      { user_id: other.id },
    ]);
  });
});
