// npm run bench:rounds — 100 two-round challenges whose 200 rounds close over 20 s, one worker in this
// process; prints how late each round closed (closesAt → closed_at) next to a plain setTimeout baseline
// firing at the same instants. Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
import pg from 'pg';
import { createWorker, loadConfig, prepareInfrastructure } from '../src/bootstrap.js';
import { createPublishedChallenge } from '../test/support/challenge-factory.js';
import { benchEnvironment } from './support/bench-environment.js';

const CHALLENGES = 100;
const SPREAD_MS = 10_000;
const LEAD_MS = 8_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const line = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(28)} n=${sorted.length}  p50=${percentile(sorted, 50)} ms  p99=${percentile(sorted, 99)} ms  max=${sorted[sorted.length - 1]} ms`;
};

const { env, dropAll } = benchEnvironment();
const config = loadConfig(env);
await prepareInfrastructure(config);
const worker = await createWorker(config);
const sql = new pg.Client(env.DATABASE_URL);
await sql.connect();

try {
  const base = Date.now() + LEAD_MS;
  const instants: number[] = [];
  for (let i = 0; i < CHALLENGES; i++) {
    const first = base + Math.round((i * SPREAD_MS) / CHALLENGES);
    const second = first + SPREAD_MS;
    instants.push(first, second);
    await createPublishedChallenge(sql, [
      { kind: 'SUBMISSION', opensAt: new Date(base - LEAD_MS), closesAt: new Date(first) },
      { kind: 'VOTING', opensAt: new Date(first), closesAt: new Date(second) },
    ]);
  }
  const baseline = Promise.all(
    instants.map((at) => new Promise<number>((resolve) => setTimeout(() => resolve(Date.now() - at), at - Date.now()))),
  );
  for (;;) {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM challenges WHERE status <> 'FINISHED'`);
    if (rows[0].n === 0) break;
    if (Date.now() > base + 2 * SPREAD_MS + 60_000) throw new Error(`${rows[0].n} challenges still not finished`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { rows } = await sql.query(
    `SELECT (extract(epoch FROM closed_at - closes_at) * 1000)::int AS late FROM rounds`,
  );
  process.stdout.write(
    'measured: one worker started inside this bench process (same event loop as the baseline timers), ' +
      'not a separate process as `npm run start:worker` runs it\n',
  );
  process.stdout.write(
    `${line(
      'round close lateness',
      rows.map((r) => r.late),
    )}\n${line('baseline setTimeout', await baseline)}\n`,
  );
} finally {
  await sql.end();
  await worker.close();
  await dropAll();
}
