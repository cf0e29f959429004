import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { AppConfig } from '../../src/config/app-config.js';
import { createPublishedChallenge, type CreatedChallenge, type RoundSpec } from './challenge-factory.js';
import { sqlClient } from './test-database.js';
import { startTestApp, type TestApp } from './test-app.js';
import { createVoters, tokenFor } from './voting-fixtures.js';

/**
 * Jury fixtures through SQL (accounts, criteria, proposals, round states as the clock records them), so
 * the tests drive the jury API itself: addJuror, declareConflict, submitEvaluation, closeRoundNow, results.
 */

export interface Person {
  id: string;
  email: string;
  token: string;
}

export async function createPeople(sql: pg.Client, config: AppConfig, count: number): Promise<Person[]> {
  const voters = await createVoters(sql, config, count);
  const { rows } = await sql.query('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [voters.map((v) => v.id)]);
  const emails = new Map(rows.map((r: { id: string; email: string }) => [r.id, r.email]));
  return voters.map((v) => ({ id: v.id, email: emails.get(v.id)!, token: v.token }));
}

export interface CriterionRow {
  id: string;
  weight: number;
  maxScore: number;
}

export interface JuryChallenge extends CreatedChallenge {
  adminToken: string;
  criteria: CriterionRow[];
  /** In submission order. */
  proposalIds: string[];
  authorId: string;
}

const HOUR = 3600_000;

/**
 * A published challenge whose round `openPosition` is OPEN now (earlier ones CLOSED), with SUBMITTED proposals
 * in it (stage = openPosition), the given criteria and settings; later rounds are SCHEDULED an hour apart.
 */
export async function createJuryChallenge(
  sql: pg.Client,
  config: AppConfig,
  options: {
    kinds: RoundSpec['kind'][];
    advance?: (number | null)[];
    openPosition: number;
    proposals: number;
    settings: Record<string, unknown>;
    criteria: [number, number][];
  },
): Promise<JuryChallenge> {
  const now = Date.now();
  const o = options.openPosition - 1;
  // Closed rounds an hour each before the open one, which runs from an hour ago to an hour from now; later ones follow hourly.
  const rounds: RoundSpec[] = options.kinds.map((kind, i) => ({
    kind,
    opensAt: new Date(i <= o ? now - (o - i + 1) * HOUR : now + (i - o) * HOUR),
    closesAt: new Date(i < o ? now - (o - i) * HOUR : now + (i - o + 1) * HOUR),
    advanceCount: options.advance?.[i] ?? null,
  }));
  const created = await createPublishedChallenge(sql, rounds);
  await sql.query(`UPDATE challenges SET settings = settings || $2::jsonb WHERE id = $1`, [
    created.challengeId,
    JSON.stringify(options.settings),
  ]);
  const criteria: CriterionRow[] = [];
  for (const [index, [weight, maxScore]] of options.criteria.entries()) {
    const {
      rows: [row],
    } = await sql.query(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, description, weight, max_score) VALUES ($1, $2, $3, NULL, $4, $5) RETURNING id`,
      [created.challengeId, index + 1, `Criterio ${index + 1}`, weight, maxScore],
    );
    criteria.push({ id: row.id, weight, maxScore });
  }
  const {
    rows: [author],
  } = await sql.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at) VALUES ($1, 'x', 'Autora Visible', now()) RETURNING id`,
    [`autora-${randomBytes(4).toString('hex')}@ejemplo.mx`],
  );
  const { rows } = await sql.query(
    `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, stage, submitted_at)
     SELECT $1, $2, 'Propuesta ' || i, 'Resumen de la propuesta ' || i, 'Cuerpo de la propuesta número ' || i || ' con detalle.',
            'SUBMITTED', $3, now() - interval '2 hours' + i * interval '1 second'
     FROM generate_series(1, $4) AS i ORDER BY i RETURNING id`,
    [created.challengeId, author.id, options.openPosition, options.proposals],
  );
  for (const round of created.rounds) {
    if (round.position < options.openPosition)
      await sql.query(
        `UPDATE rounds SET status = 'CLOSED', opened_at = opens_at, closed_at = closes_at WHERE id = $1`,
        [round.id],
      );
    if (round.position === options.openPosition)
      await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [round.id]);
  }
  return {
    ...created,
    adminToken: await tokenFor(config, created.adminId),
    criteria,
    proposalIds: rows.map((r: { id: string }) => r.id),
    authorId: author.id,
  };
}

export const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status } }`;
export const ADD_JUROR = `mutation($c: ID!, $email: String!, $chair: Boolean) { addJuror(challengeId: $c, email: $email, isChair: $chair) { id isChair user { id displayName } } }`;
export const REMOVE_JUROR = `mutation($c: ID!, $u: ID!) { removeJuror(challengeId: $c, userId: $u) }`;
export const DECLARE = `mutation($p: ID!, $reason: String!) { declareConflict(proposalId: $p, reason: $reason) { id conflicts { id } } }`;
export const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { id total comment scores { score criterion { id } } proposal { id } juror { id } } }`;
export const ASSIGNMENTS = `query($c: ID!) { myEvaluationAssignments(challengeId: $c) { proposal { id author { id } coAuthors { id } } evaluation { id total } } }`;

/**
 * Lets the next round open when the given OPEN round is closed now: its opensAt moves to the present
 * (what waiting would do), then the unit ADMIN closes the open round through the API.
 */
export async function advanceTo(
  sql: pg.Client,
  api: { gql: (q: string, v?: Record<string, unknown>, t?: string) => Promise<any> },
  challenge: JuryChallenge,
  closing: number,
): Promise<void> {
  const next = challenge.rounds.find((r) => r.position === closing + 1);
  if (next) await sql.query(`UPDATE rounds SET opens_at = now() - interval '1 second' WHERE id = $1`, [next.id]);
  const round = challenge.rounds.find((r) => r.position === closing)!;
  const res = await api.gql(CLOSE_NOW, { roundId: round.id }, challenge.adminToken);
  if (res.errors) throw new Error(`closeRoundNow failed: ${JSON.stringify(res.errors)}`);
}

/** Boots the API (no workers) and a SQL client for one test file; `ok` runs an operation and fails the test on errors. */
export function juryHarness() {
  const h = {} as {
    api: TestApp;
    sql: pg.Client;
    ok: (query: string, variables: Record<string, unknown>, token?: string) => Promise<any>;
  };
  beforeAll(async () => {
    h.api = await startTestApp();
    h.sql = await sqlClient(h.api.env.DATABASE_URL);
    h.ok = async (query, variables, token) => {
      const res = await h.api.gql(query, variables, token);
      if (res.errors) throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(res.errors)}`);
      return res.data;
    };
  }, 60_000);
  afterAll(async () => {
    await h.sql?.end();
    await h.api?.close();
  });
  return h;
}
