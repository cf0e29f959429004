// npm run bench:votes — castVote against the framework's ceiling, measured honestly (issue #17): the API runs as its own
// process as `npm start` runs it (NODE_ENV=production, logs at warn, workers apart), and so does a minimal NestJS +
// Fastify + Apollo + TypeORM app whose one mutation inserts one row (bench/baseline). This process only generates the
// load: the same client and concurrency for both. Prints both rates, the ratio, p50/p99 latency and CPU time per
// operation of each server process. Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
// BENCH_VOTES (5000) and BENCH_CONCURRENCY (50) change the load.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/bootstrap.js';
import { createVoters, createVotingChallenge } from '../test/support/voting-fixtures.js';
import { benchEnvironment } from './support/bench-environment.js';
import { startBenchProcess, type BenchProcess } from './support/bench-process.js';

const CAST = `mutation($id: ID!) { castVote(proposalId: $id) { id createdAt } }`;
const INSERT = `mutation($v: ID!) { insertRow(value: $v) { id createdAt } }`;

const VOTES = Number(process.env.BENCH_VOTES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const VOTES_PER_VOTER = 5;
const PROPOSALS = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Measured {
  perSecond: number;
  line: string;
}

/** Runs `ops` with CONCURRENCY clients pulling the next one from a shared list; rate, latency and server CPU per op. */
async function measure(label: string, server: BenchProcess, ops: (() => Promise<void>)[]): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = server.cpuSeconds();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ops.length) {
        const op = ops[next++];
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wallMs = performance.now() - start;
  const cpuMs = ((server.cpuSeconds() - cpuBefore) * 1000) / ops.length;
  const sorted = latencies.sort((a, b) => a - b);
  const perSecond = (ops.length / wallMs) * 1000;
  return {
    perSecond,
    line:
      `${label.padEnd(40)} n=${ops.length}  ${perSecond.toFixed(0).padStart(5)}/s  p50=${percentile(sorted, 50).toFixed(1)} ms  ` +
      `p99=${percentile(sorted, 99).toFixed(1)} ms  server CPU ${cpuMs.toFixed(2)} ms/op`,
  };
}

/** One GraphQL POST as a browser sends it; any error fails the bench. */
const post = (url: string, query: string, variables: Record<string, unknown>, token?: string) => async () => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};

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
  const api = await startBenchProcess('src/main.ts', env, '/health/ready');
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
  const voters = await createVoters(sql, config, Math.ceil(VOTES / VOTES_PER_VOTER));
  // The i-th vote of every voter before anyone's (i+1)-th, each voter on distinct proposals.
  const votes = (challenge: typeof warm, count: number) =>
    Array.from({ length: count }, (_, n) => {
      const [v, i] = [n % voters.length, Math.floor(n / voters.length)];
      return post(api.url, CAST, { id: challenge.proposalIds[(v * 7 + i) % PROPOSALS] }, voters[v].token);
    });
  const inserts = (count: number) =>
    Array.from({ length: count }, (_, n) => post(baseline.url, INSERT, { v: String(n) }));

  // Warm-up of both servers (JIT, pools, prepared plans), then the measured runs.
  await measure('warm-up', api, votes(warm, Math.min(voters.length, 1000)));
  await measure('warm-up', baseline, inserts(1000));
  const load = loadavg();
  const ceiling = await measure('baseline: insert one row (framework)', baseline, inserts(VOTES));
  const cast = await measure('castVote', api, votes(measured, VOTES));

  const {
    rows: [{ n }],
  } = await sql.query('SELECT count(*)::int AS n FROM votes WHERE round_id = $1', [measured.rounds[1].id]);
  if (n !== VOTES) throw new Error(`stored ${n} votes, expected ${VOTES}`);
  process.stdout.write(
    [
      `${VOTES} operations each, ${CONCURRENCY} concurrent clients in this process; each server its own process`,
      `(NODE_ENV=production, LOG_LEVEL=warn, pg pool 20); load average before: ${load.map((l) => l.toFixed(2)).join(' ')}`,
      ceiling.line,
      cast.line,
      `castVote at ${((cast.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the framework ceiling`,
    ].join('\n') + '\n',
  );
} finally {
  await sql.end().catch(() => undefined);
  for (const server of servers) await server.stop();
  await dropAll();
}
