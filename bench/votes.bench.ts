// npm run bench:votes — votes per second through GraphQL (castVote) with 200 concurrent voters against one API
// process, p50/p99 latency, next to a raw PostgreSQL baseline that stores the same rows the same way (quota upsert +
// vote insert in one transaction per vote, 20 pooled connections like the app). Needs PostgreSQL and Redis as for
// the tests; uses a throwaway database. BENCH_VOTERS / BENCH_VOTES_PER_VOTER change the load.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startBenchApi } from './support/bench-api.js';
import { createVoters, createVotingChallenge } from '../test/support/voting-fixtures.js';

const CAST = `mutation($id: ID!) { castVote(proposalId: $id) { id createdAt } }`;

const VOTERS = Number(process.env.BENCH_VOTERS ?? 200);
const VOTES_PER_VOTER = Number(process.env.BENCH_VOTES_PER_VOTER ?? 5);
const PROPOSALS = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function report(label: string, latencies: number[], wallMs: number): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const perSecond = (latencies.length / wallMs) * 1000;
  return `${label.padEnd(34)} n=${sorted.length}  ${perSecond.toFixed(0).padStart(6)} votes/s  p50=${percentile(sorted, 50).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms`;
}

/** Runs `concurrency` clients at once, each doing its own list of operations in order; returns per-operation latencies and wall time. */
async function run(clients: (() => Promise<void>)[][]): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    clients.map(async (ops) => {
      for (const op of ops) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - start };
}

const bench = await startBenchApi();
const { url, sql, config } = bench;
const pool = new pg.Pool({ connectionString: bench.databaseUrl, max: 20 });

try {
  const settings = { votingMethod: 'MULTIPLE', maxVotesPerVoter: VOTES_PER_VOTER };
  const [api, raw, warm] = [
    await createVotingChallenge(sql, { settings, proposals: PROPOSALS }),
    await createVotingChallenge(sql, { settings, proposals: PROPOSALS }),
    await createVotingChallenge(sql, { settings, proposals: PROPOSALS }),
  ];
  const voters = await createVoters(sql, config, VOTERS);
  const pick = (v: number, i: number) => (v * 7 + i) % PROPOSALS; // each voter: VOTES_PER_VOTER distinct proposals
  const cast = (token: string, id: string) => async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CAST, variables: { id } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

  // Warm-up: one vote per voter on a third challenge (JIT, pool, prepared plans).
  await run(voters.map((v, i) => [cast(v.token, warm.proposalIds[i % PROPOSALS])]));

  const graphql = await run(
    voters.map((voter, v) =>
      Array.from({ length: VOTES_PER_VOTER }, (_, i) => cast(voter.token, api.proposalIds[pick(v, i)])),
    ),
  );
  const rawRound = raw.rounds[1].id;
  const baseline = await run(
    voters.map((voter, v) =>
      Array.from({ length: VOTES_PER_VOTER }, (_, i) => async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            'INSERT INTO vote_quotas (round_id, voter_id, allowed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [rawRound, voter.id, VOTES_PER_VOTER],
          );
          await client.query(
            'INSERT INTO votes (round_id, proposal_id, voter_id, created_at) VALUES ($1, $2, $3, now())',
            [rawRound, raw.proposalIds[pick(v, i)], voter.id],
          );
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    ),
  );

  const { rows } = await sql.query(
    `SELECT round_id, count(*)::int AS n FROM votes WHERE round_id = ANY($1) GROUP BY 1`,
    [[api.rounds[1].id, rawRound]],
  );
  const stored = Object.fromEntries(rows.map((r) => [r.round_id, r.n]));
  const expected = VOTERS * VOTES_PER_VOTER;
  if (stored[api.rounds[1].id] !== expected || stored[rawRound] !== expected)
    throw new Error(`stored ${JSON.stringify(stored)}, expected ${expected} each`);
  process.stdout.write(
    [
      `${VOTERS} concurrent voters × ${VOTES_PER_VOTER} votes each (${expected} votes), one API process, pg pool 20`,
      report('castVote through GraphQL', graphql.latencies, graphql.wallMs),
      report('raw PostgreSQL (same rows, same tx)', baseline.latencies, baseline.wallMs),
    ].join('\n') + '\n',
  );
} finally {
  await pool.end();
  await bench.close();
}
