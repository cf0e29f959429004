// npm run bench:notifications — CHALLENGE_PUBLISHED to 100 000 followers of a unit (seeded with SQL); measures from the
// commit of the publication to the last in-app notification stored (notifications/s) and the peak RSS of the worker,
// next to a raw baseline in the same run: one INSERT … SELECT of the same rows into a copy of the table. The worker
// runs as its own process as `npm run start:worker` runs it (compiled first: `node dist/src/worker.js`, NODE_ENV=production,
// LOG_LEVEL=warn); its peak is the kernel's (VmHWM, started over once the worker is ready). Followers have no verified
// e-mail, so no e-mails are sent (in-app only). Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { loadConfig, prepareInfrastructure } from '../src/bootstrap.js';
import { createPublishedChallenge, createUnitWithAdmin } from '../test/support/challenge-factory.js';
import { benchEnvironment } from './support/bench-environment.js';
import { startCompiledProcess, type BenchProcess } from './support/bench-process.js';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 100_000);

const { env, dropAll } = benchEnvironment({
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JWT_SECRET: randomBytes(24).toString('hex'),
});
const config = loadConfig(env);
await prepareInfrastructure(config);
const sql = new pg.Client(env.DATABASE_URL);
await sql.connect();
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
let worker: BenchProcess | null = null;

try {
  const owner = await createUnitWithAdmin(sql);
  await sql.query(
    `WITH u AS (INSERT INTO users (email, password_hash, display_name)
                SELECT 'seguidor-' || i || '@ejemplo.mx', 'x', 'Seguidor ' || i FROM generate_series(1, $1) i RETURNING id)
     INSERT INTO follows (user_id, target_type, target_id) SELECT id, 'UNIT', $2 FROM u`,
    [FOLLOWERS, owner.unitId],
  );
  await sql.query('ANALYZE');

  // Raw baseline: the same rows with one statement, into a copy of the table (same indexes and unique key).
  await sql.query(`CREATE TABLE notifications_baseline (LIKE notifications INCLUDING ALL)`);
  let started = performance.now();
  await sql.query(
    `INSERT INTO notifications_baseline (event_id, recipient_id, type, title, body, challenge_id)
     SELECT 0, user_id, 'CHALLENGE_PUBLISHED', 'Nuevo reto: Agua', 'Se publicó el reto «Agua». Revisa sus rondas y participa.', NULL
     FROM follows WHERE target_type = 'UNIT' AND target_id = $1
     ON CONFLICT DO NOTHING`,
    [owner.unitId],
  );
  const baselineMs = performance.now() - started;

  // The worker is ready once its outbox relay listens (it starts after every queue's worker).
  const relayListening = async () => {
    const { rows } = await sql.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'retos-outbox-relay'`,
    );
    return rows.length > 0;
  };
  worker = await startCompiledProcess('worker', env, relayListening);
  const rssBefore = worker.memory().rss;
  const kernelPeak = worker.resetPeak();
  let sampled = rssBefore;
  const sampler = setInterval(() => (sampled = Math.max(sampled, worker!.memory().rss)), 50);
  const load = loadavg();
  started = performance.now();
  const challenge = await createPublishedChallenge(
    sql,
    [
      { kind: 'SUBMISSION', opensAt: new Date(Date.now() + 3_600_000), closesAt: new Date(Date.now() + 7_200_000) },
      { kind: 'VOTING', opensAt: new Date(Date.now() + 7_200_000), closesAt: new Date(Date.now() + 10_800_000) },
    ],
    owner,
  );
  for (;;) {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM notifications WHERE challenge_id = $1`, [
      challenge.challengeId,
    ]);
    if (rows[0].n >= FOLLOWERS) break;
    if (performance.now() - started > 600_000) throw new Error(`only ${rows[0].n} notifications after 10 min`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const fanoutMs = performance.now() - started;
  clearInterval(sampler);
  const {
    rows: [check],
  } = await sql.query(
    `SELECT count(*)::int AS total, count(DISTINCT recipient_id)::int AS people FROM notifications WHERE challenge_id = $1`,
    [challenge.challengeId],
  );
  const peak = Math.max(sampled, kernelPeak ? worker.memory().peak : 0);
  await worker.stop();
  const rate = (ms: number) => `${Math.round((FOLLOWERS / ms) * 1000).toLocaleString('en-US')} notifications/s`;
  process.stdout.write(
    `followers: ${FOLLOWERS}, stored: ${check.total} (distinct recipients ${check.people}); load average before: ` +
      `${load.map((l) => l.toFixed(2)).join(' ')}, after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n` +
      `fan-out (outbox → relay → ${Math.ceil(FOLLOWERS / 1000)} BullMQ chunks → stored): ${Math.round(fanoutMs)} ms, ${rate(fanoutMs)}, ` +
      `worker process (its own, NODE_ENV=production) peak RSS ${mb(peak)} (${kernelPeak ? 'VmHWM' : 'sampled every 50 ms'}; ` +
      `${mb(rssBefore)} when ready)\n` +
      `baseline one INSERT … SELECT: ${Math.round(baselineMs)} ms, ${rate(baselineMs)}\n`,
  );
} finally {
  await worker?.stop();
  await sql.end();
  await dropAll();
}
