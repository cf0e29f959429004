// npm run bench:relay — how long after commit the outbox relay hands a row to BullMQ, one worker in this process.
// BENCH_RELAY_SAMPLES (default 60) one-row transactions, each after a random pause of 0–1 s so the commits land at
// every point of the relay's 1 s poll. Relay latency: the transaction's start → the row's published_at (set once its
// jobs were added to Redis). Baseline, in the same run: the same transaction's start → the NOTIFY of that commit
// reaching a bare `LISTEN outbox_events` client of this process, i.e. the earliest any relay could know of the row.
// Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
import { loadavg } from 'node:os';
import pg from 'pg';
import { createWorker, loadConfig, prepareInfrastructure } from '../src/bootstrap.js';
import { Transactions } from '../src/infrastructure/database/transactions.js';
import { Outbox } from '../src/infrastructure/outbox/outbox.js';
import { benchEnvironment } from './support/bench-environment.js';

const SAMPLES = Number(process.env.BENCH_RELAY_SAMPLES ?? 60);
const TIMEOUT_MS = 10_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const line = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(28)} n=${sorted.length}  p50=${percentile(sorted, 50)} ms  p99=${percentile(sorted, 99)} ms  max=${sorted[sorted.length - 1]} ms`;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const { env, dropAll } = benchEnvironment();
const config = loadConfig(env);
await prepareInfrastructure(config);
const worker = await createWorker(config);
const sql = new pg.Client(env.DATABASE_URL);
const listener = new pg.Client(env.DATABASE_URL);
await sql.connect();
await listener.connect();

try {
  process.stdout.write(`${new Date().toISOString()}  load average (1, 5, 15 min) at start: ${load()}\n`);
  await listener.query('LISTEN outbox_events');
  let notified: (() => void) | null = null;
  listener.on('notification', () => notified?.());

  const relay: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await pause(Math.random() * config.outbox.pollIntervalMs);
    const heard = new Promise<number>((resolve) => (notified = () => resolve(Date.now())));
    const started = Date.now();
    const row = await worker.get(Transactions).run((tx) =>
      worker.get(Outbox).add(tx, 'challenge.cancelled', {
        challengeId: '00000000-0000-4000-8000-000000000001',
        reason: `muestra ${i}`,
      }),
    );
    baseline.push((await heard) - started);
    for (const deadline = Date.now() + TIMEOUT_MS; ;) {
      const { rows } = await sql.query('SELECT published_at FROM outbox_events WHERE id = $1', [row.id]);
      if (rows[0].published_at) {
        relay.push((rows[0].published_at as Date).getTime() - started);
        break;
      }
      if (Date.now() > deadline) throw new Error(`row ${i} not published after ${TIMEOUT_MS} ms`);
      await pause(5); // published_at has no event to await; this probe only reads
    }
  }
  process.stdout.write(
    'measured: one worker started inside this bench process (same event loop as the baseline listener), ' +
      `not a separate process as \`npm run start:worker\` runs it; poll every ${config.outbox.pollIntervalMs} ms ` +
      '(alone it would average half of that)\n',
  );
  process.stdout.write(`${line('outbox relay latency', relay)}\n${line('baseline NOTIFY received', baseline)}\n`);
  process.stdout.write(`load average (1, 5, 15 min) at the end: ${load()}\n`);
} finally {
  await listener.end();
  await sql.end();
  await worker.close();
  await dropAll();
}
