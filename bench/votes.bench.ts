// npm run bench:votes — castVote, retractVote and submitBudgetBallot against the framework's ceiling, measured honestly (issue #17): the API runs as its own
// process as `npm start` runs it (NODE_ENV=production, logs at warn, workers apart), and so does a minimal NestJS +
// Fastify + Apollo + TypeORM app whose one mutation inserts one row (bench/baseline). This process only generates the
// load: the same client and concurrency for both, each operation in slices alternating with slices of the ceiling. Prints both rates, the ratio, p50/p99 latency and CPU time per
// operation of each server process. Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
// BENCH_VOTES (5000) and BENCH_CONCURRENCY (50) change the load.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/bootstrap.js';
import { createVoters, createVotingChallenge } from '../test/support/voting-fixtures.js';
import { benchEnvironment } from './support/bench-environment.js';
import { startBenchProcess, startCompiledProcess, type BenchProcess } from './support/bench-process.js';
import { CONCURRENCY, measure, measureAlternating, post, ratio, type Operation } from './support/load.js';

const CAST = `mutation($id: ID!) { castVote(proposalId: $id) { id createdAt } }`;
const RETRACT = `mutation($id: ID!) { retractVote(proposalId: $id) }`;
const BALLOT = `mutation($c: ID!, $ids: [ID!]!) { submitBudgetBallot(challengeId: $c, proposalIds: $ids) { totalCost submittedAt } }`;
const INSERT = `mutation($v: ID!) { insertRow(value: $v) { id createdAt } }`;

const VOTES = Number(process.env.BENCH_VOTES ?? 5000);
const VOTES_PER_VOTER = 5;
const PROPOSALS = 20;
const BALLOT_SIZE = 3;

const { env, dropAll } = benchEnvironment({
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  WORKERS_IN_PROCESS: 'false',
  RATE_LIMIT_PER_MINUTE: '10000000',
  JWT_SECRET: randomBytes(24).toString('hex'),
});
const servers: BenchProcess[] = [];
const sql = new pg.Client(env.DATABASE_URL);
try {
  const api = await startCompiledProcess('main', env, '/health/ready');
  servers.push(api);
  const baseline = await startBenchProcess('bench/baseline/baseline-app.ts', env, '/graphql?query=%7Bhello%7D');
  servers.push(baseline);
  await sql.connect();
  const config = loadConfig(env);

  const settings = { votingMethod: 'MULTIPLE', maxVotesPerVoter: VOTES_PER_VOTER };
  const [warm, measured] = [
    await createVotingChallenge(sql, { settings, proposals: PROPOSALS }),
    await createVotingChallenge(sql, { settings, proposals: PROPOSALS }),
  ];
  const budget = () =>
    createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '1000.00' },
      budget: '100000.00',
      costs: Array.from({ length: PROPOSALS }, (_, i) => `${100 + i}.00`),
    });
  const [warmBudget, measuredBudget] = [await budget(), await budget()];
  const voters = await createVoters(sql, config, Math.ceil(VOTES / VOTES_PER_VOTER));
  // The i-th vote of every voter before anyone's (i+1)-th, each voter on distinct proposals.
  const votes = (challenge: typeof warm, count: number, query = CAST) =>
    Array.from({ length: count }, (_, n) => {
      const [v, i] = [n % voters.length, Math.floor(n / voters.length)];
      return post(api.url, query, { id: challenge.proposalIds[(v * 7 + i) % PROPOSALS] }, voters[v].token);
    });
  // The i-th ballot of every voter replaces their previous one: BALLOT_SIZE proposals, within voterBudget.
  const ballots = (challenge: typeof warm, count: number) =>
    Array.from({ length: count }, (_, n) => {
      const [v, i] = [n % voters.length, Math.floor(n / voters.length)];
      const ids = Array.from({ length: BALLOT_SIZE }, (_, k) => challenge.proposalIds[(v * 7 + i + k * 5) % PROPOSALS]);
      return post(api.url, BALLOT, { c: challenge.challengeId, ids }, voters[v].token);
    });
  const inserts = (count: number) =>
    Array.from({ length: count }, (_, n) => post(baseline.url, INSERT, { v: String(n) }));

  // Warm-up of both servers (JIT, pools, prepared plans), then the measured runs. As long as the measured runs: after
  // only 1 000 requests the baseline still got faster run after run (1 188 → 1 565 → 1 725/s), which flattered
  // the ratio of whichever operation came first.
  await measure('warm-up', api, votes(warm, VOTES));
  await measure('warm-up', api, votes(warm, VOTES, RETRACT));
  await measure('warm-up', api, ballots(warmBudget, VOTES));
  await measure('warm-up', baseline, inserts(2 * VOTES));
  const load = loadavg();
  // Each operation alternates with its own measurement of the ceiling, so a change of load skews no ratio.
  const against = (label: string, ops: Operation[]) =>
    measureAlternating(
      { label: `baseline: insert one row, with ${label.split(' ')[0]}`, server: baseline, ops: inserts(VOTES) },
      { label, server: api, ops },
    );
  const [castCeiling, cast] = await against('castVote', votes(measured, VOTES));

  const count = async () => {
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM votes WHERE round_id = $1', [
      measured.rounds[1].id,
    ]);
    return rows[0].n;
  };
  if ((await count()) !== VOTES) throw new Error(`stored ${await count()} votes, expected ${VOTES}`);
  const [retractCeiling, retract] = await against('retractVote (each vote just cast)', votes(measured, VOTES, RETRACT));
  if ((await count()) !== 0) throw new Error(`${await count()} votes left after retracting them all`);
  const [ballotCeiling, ballot] = await against(
    `submitBudgetBallot (${BALLOT_SIZE} proposals)`,
    ballots(measuredBudget, VOTES),
  );
  const {
    rows: [stored],
  } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM budget_ballots WHERE round_id = $1', [
    measuredBudget.rounds[1].id,
  ]);
  if (stored.n !== voters.length) throw new Error(`stored ${stored.n} ballots, expected ${voters.length}`);
  const loadAfter = loadavg();
  process.stdout.write(
    [
      `${VOTES} operations each, ${CONCURRENCY} concurrent clients in this process; each server its own process`,
      `(NODE_ENV=production, LOG_LEVEL=warn, pg pool 20); load average before: ${load.map((l) => l.toFixed(2)).join(' ')}, ` +
        `after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
      castCeiling.line,
      cast.line,
      retractCeiling.line,
      retract.line,
      ballotCeiling.line,
      ballot.line,
      ratio('castVote', cast, castCeiling),
      ratio('retractVote', retract, retractCeiling),
      ratio('submitBudgetBallot', ballot, ballotCeiling),
    ].join('\n') + '\n',
  );
} finally {
  await sql.end().catch(() => undefined);
  for (const server of servers) await server.stop();
  await dropAll();
}
