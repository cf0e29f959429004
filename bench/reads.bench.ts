// npm run bench:reads — the public challenge list as the web app's home page asks for it (issue #17): the `Challenges`
// query of web/src/features/challenges/challenges-page.tsx with its card fragment (unit, state, municipality, phase,
// current round, proposal count), first 20, anonymous, against the framework's ceiling for a query, `{ hello }` of
// bench/baseline. Both servers run as their own processes as in bench:votes (NODE_ENV=production, logs at warn,
// workers apart); this process only generates the load. Prints both rates, the ratio, p50/p99 latency and CPU time
// per operation of each server process. Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
// BENCH_READS (5000), BENCH_CHALLENGES (30) and BENCH_CONCURRENCY (50) change the load.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { CHALLENGES_PAGE, HOME_PAGE_VARIABLES } from '../test/support/challenges-page-query.js';
import { createVotingChallenge } from '../test/support/voting-fixtures.js';
import { benchEnvironment } from './support/bench-environment.js';
import { startBenchProcess, startCompiledProcess, type BenchProcess } from './support/bench-process.js';
import { CONCURRENCY, measure, measureAlternating, post, ratio } from './support/load.js';

const HELLO = `query { hello }`;

const READS = Number(process.env.BENCH_READS ?? 5000);
const CHALLENGES = Number(process.env.BENCH_CHALLENGES ?? 30);

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
  // Published challenges in their VOTING round, 10 submitted proposals each, each from its own unit.
  for (let i = 0; i < CHALLENGES; i++) await createVotingChallenge(sql, { proposals: 10 });
  await sql.query('ANALYZE');

  const list = (count: number) =>
    Array.from({ length: count }, () => post(api.url, CHALLENGES_PAGE, HOME_PAGE_VARIABLES));
  const hellos = (count: number) => Array.from({ length: count }, () => post(baseline.url, HELLO, {}));

  await measure('warm-up', api, list(1000));
  await measure('warm-up', baseline, hellos(1000));
  const load = loadavg();
  const [ceiling, challenges] = await measureAlternating(
    { label: 'baseline: { hello } (framework)', server: baseline, ops: hellos(READS) },
    { label: 'challenges(first: 20), home page', server: api, ops: list(READS) },
  );
  const loadAfter = loadavg();
  process.stdout.write(
    [
      `${READS} operations each, ${CONCURRENCY} concurrent clients in this process; each server its own process`,
      `(NODE_ENV=production, LOG_LEVEL=warn, pg pool 20); ${CHALLENGES} published challenges; ` +
        `load average before: ${load.map((l) => l.toFixed(2)).join(' ')}, after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
      ceiling.line,
      challenges.line,
      ratio('challenges(first: 20)', challenges, ceiling),
    ].join('\n') + '\n',
  );
} finally {
  await sql.end().catch(() => undefined);
  for (const server of servers) await server.stop();
  await dropAll();
}
