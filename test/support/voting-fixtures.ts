import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { SystemClock } from '../../src/common/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { AccessTokens } from '../../src/modules/identity/access-tokens.js';
import { createPublishedChallenge, type CreatedChallenge, type RoundSpec } from './challenge-factory.js';

/**
 * Voting fixtures written through SQL (accounts, proposals, round states), so tests exercise the voting
 * API without depending on how other features build their data. Access tokens are real JWTs.
 */

const tag = () => randomBytes(4).toString('hex');

export interface Voter {
  id: string;
  token: string;
}

/** Accounts with verified e-mail (unless told otherwise) and a valid access token each. */
export async function createVoters(
  sql: pg.Client,
  config: AppConfig,
  count: number,
  options: { verified?: boolean; curp?: boolean; stateCode?: string | null; municipalityCode?: string | null } = {},
): Promise<Voter[]> {
  const tokens = new AccessTokens(config, new SystemClock());
  const { rows } = await sql.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at, curp_verified_at, curp_hash, state_code, municipality_code)
     SELECT 'votante-' || $1 || '-' || i || '@ejemplo.mx', 'x', 'Votante ' || i,
            CASE WHEN $2 THEN now() END, CASE WHEN $3 THEN now() END, CASE WHEN $3 THEN $1 || '-' || i END, $4, $5
     FROM generate_series(1, $6) AS i RETURNING id`,
    [
      tag(),
      options.verified ?? true,
      options.curp ?? false,
      options.stateCode ?? null,
      options.municipalityCode ?? null,
      count,
    ],
  );
  return Promise.all(
    rows.map(async (row: { id: string }) => ({ id: row.id, token: (await tokens.issue(row.id)).token })),
  );
}

/** A real access token for an existing account (e.g. the unit ADMIN of a factory challenge). */
export async function tokenFor(config: AppConfig, userId: string): Promise<string> {
  return (await new AccessTokens(config, new SystemClock()).issue(userId)).token;
}

export interface VotingChallenge extends CreatedChallenge {
  proposalIds: string[];
}

const HOUR = 3600_000;

/**
 * A published challenge whose SUBMISSION round is over and whose VOTING round(s) follow; by default the
 * first VOTING round is OPEN now (recorded as the clock would) and `proposals` SUBMITTED proposals are in it.
 */
export async function createVotingChallenge(
  sql: pg.Client,
  options: {
    settings?: Record<string, unknown>;
    budget?: string | null;
    proposals?: number;
    /** Estimated cost of each proposal, in order (decimal strings). */
    costs?: string[];
    rounds?: RoundSpec[];
    /** Record the rounds as the clock would have by now (default true). */
    clockCaughtUp?: boolean;
  } = {},
): Promise<VotingChallenge> {
  const now = Date.now();
  const rounds = options.rounds ?? [
    { kind: 'SUBMISSION', opensAt: new Date(now - 2 * HOUR), closesAt: new Date(now - HOUR) },
    { kind: 'VOTING', opensAt: new Date(now - HOUR), closesAt: new Date(now + HOUR) },
  ];
  const created = await createPublishedChallenge(sql, rounds);
  await sql.query(`UPDATE challenges SET settings = settings || $2::jsonb, budget = $3 WHERE id = $1`, [
    created.challengeId,
    JSON.stringify(options.settings ?? {}),
    options.budget ?? null,
  ]);
  const count = options.proposals ?? options.costs?.length ?? 3;
  const {
    rows: [author],
  } = await sql.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at) VALUES ($1, 'x', 'Autora', now()) RETURNING id`,
    [`autora-${tag()}@ejemplo.mx`],
  );
  const caughtUp = options.clockCaughtUp ?? true;
  const firstVoting = created.rounds.find((r) => r.kind === 'VOTING')!;
  const { rows } = await sql.query(
    `INSERT INTO proposals (challenge_id, author_id, title, summary, body, estimated_cost, status, stage, submitted_at)
     SELECT $1, $2, 'Propuesta ' || i, 'Resumen de la propuesta ' || i, 'Cuerpo de la propuesta número ' || i || ' con detalle.',
            ($3::text[])[i]::numeric, 'SUBMITTED', $4, now() - interval '90 minutes' + i * interval '1 millisecond'
     FROM generate_series(1, $5) AS i ORDER BY i RETURNING id`,
    [created.challengeId, author.id, options.costs ?? [], caughtUp ? firstVoting.position : 1, count],
  );
  if (caughtUp) {
    for (const round of created.rounds) {
      if (round.closesAt.getTime() <= now)
        await sql.query(
          `UPDATE rounds SET status = 'CLOSED', opened_at = opens_at, closed_at = closes_at WHERE id = $1`,
          [round.id],
        );
      else if (round.opensAt.getTime() <= now)
        await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [round.id]);
    }
  }
  return { ...created, proposalIds: rows.map((r: { id: string }) => r.id) };
}

export const CAST = `mutation($id: ID!) { castVote(proposalId: $id) { id createdAt proposal { id } round { id position } } }`;
export const RETRACT = `mutation($id: ID!) { retractVote(proposalId: $id) }`;
export const BALLOT = `mutation($c: ID!, $ids: [ID!]!) { submitBudgetBallot(challengeId: $c, proposalIds: $ids) { totalCost submittedAt round { id } proposals { id } } }`;
export const MY_BALLOT = `query($c: ID!) { myBudgetBallot(challengeId: $c) { totalCost proposals { id } } }`;
export const TALLY = `query($id: ID) { challenge(id: $id) { status rounds { id position tally { votes rank share proposal { id voteCount } } } } }`;

/** The error reasons (or "ok") of a batch of GraphQL responses, counted. */
export function outcomes(responses: { errors?: { extensions?: Record<string, unknown> }[] }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.errors ? String(r.errors[0].extensions?.reason ?? r.errors[0].extensions?.code) : 'ok';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
