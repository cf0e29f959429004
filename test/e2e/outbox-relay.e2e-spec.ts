import { Queue } from 'bullmq';
import { pino } from 'pino';
import { createWorker, loadConfig } from '../../src/bootstrap.js';
import { Transactions } from '../../src/infrastructure/database/transactions.js';
import { Outbox } from '../../src/infrastructure/outbox/outbox.js';
import { OutboxSubscriptions } from '../../src/infrastructure/outbox/outbox-subscriptions.js';
import { TEST_REDIS_URL } from '../setup/test-run.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { testEnvironment } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';

const CHALLENGE_ID = '00000000-0000-4000-8000-000000000001';
const RELAY_FAILED = 'Outbox sin publicar por ahora';

/**
 * One worker (relay + consumers) on its own database and Redis prefix, with a stand-in consumer: one e-mail
 * job per cancelled challenge. How fast the relay publishes is `npm run bench:relay`'s figure, not asserted here.
 */
async function startRelay(env: Record<string, string>, logLines: string[] = []) {
  const config = loadConfig(await testEnvironment(env));
  const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(JSON.parse(line).msg) });
  const worker = await createWorker(config, {}, logger);
  // A stand-in consumer: one e-mail per cancelled challenge, its subject the reason (a declared job of jobs.ts).
  worker.get(OutboxSubscriptions).subscribe('challenge.cancelled', ({ payload }) => [
    {
      name: 'mail.send',
      data: { to: 'relay@example.test', subject: payload.reason, text: payload.reason, html: payload.reason },
    },
  ]);
  const sql = await sqlClient(config.databaseUrl);
  const mail = new Queue('mail', {
    connection: { url: TEST_REDIS_URL },
    prefix: `${config.redis.prefix}:bull`,
  });
  return {
    config,
    worker,
    sql,
    mail,
    /** One transaction that records one `challenge.cancelled` outbox row per reason. */
    record: (...reasons: string[]) =>
      worker.get(Transactions).run(async (tx) => {
        const rows: { id: string }[] = [];
        for (const reason of reasons)
          rows.push(await worker.get(Outbox).add(tx, 'challenge.cancelled', { challengeId: CHALLENGE_ID, reason }));
        return rows;
      }),
    publishedAt: async (id: string) =>
      (await sql.query('SELECT published_at FROM outbox_events WHERE id = $1', [id])).rows[0]
        .published_at as Date | null,
    /** The stand-in's e-mails for these outbox rows. */
    jobsFor: async (rows: { id: string }[]) =>
      (await mail.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(
        (job) => job.name === 'mail.send' && rows.some((row) => job.id?.startsWith(`outbox:${row.id}:`)),
      ),
    async close() {
      await mail.close();
      await sql.end();
      await worker.close();
    },
  };
}

describe('the outbox relay, woken by NOTIFY', () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;

  // A poll due only in an hour: whatever is published during this test was published because the NOTIFY woke the relay.
  beforeAll(async () => {
    relay = await startRelay({ OUTBOX_POLL_INTERVAL_MS: '3600000' });
  });

  afterAll(() => relay?.close());

  it('publishes each committed row without waiting for the poll, exactly once', async () => {
    const rows: { id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await relay.record(`aviso ${i}`);
      rows.push(row);
      await waitFor(`row ${i} published`, () => relay.publishedAt(row.id));
    }
    const jobs = await relay.jobsFor(rows);
    expect(jobs.map((job) => job.data.subject).sort()).toEqual(['aviso 0', 'aviso 1', 'aviso 2']);
  });

  it('holds back an event whose subscriber asks for a job not declared in jobs.ts, and publishes the others', async () => {
    relay.worker
      .get(OutboxSubscriptions)
      .subscribe('results.published', () => [{ name: 'results.unknown', data: {} } as never]);
    const bad = await relay.worker
      .get(Transactions)
      .run((tx) => relay.worker.get(Outbox).add(tx, 'results.published', { challengeId: CHALLENGE_ID, winners: [] }));
    const [good] = await relay.record('después del evento sin trabajo');
    await waitFor('the good row published', () => relay.publishedAt(good.id));
    expect(await relay.publishedAt(bad.id)).toBeNull();
  });
});

describe('the outbox relay while Redis is down', () => {
  const redisUrl = new URL(TEST_REDIS_URL);
  const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  const logLines: string[] = [];
  let relay: Awaited<ReturnType<typeof startRelay>>;

  beforeAll(async () => {
    const port = await proxy.start();
    relay = await startRelay({ REDIS_URL: `redis://127.0.0.1:${port}` }, logLines); // the default 1 s poll
  });

  afterAll(async () => {
    await relay?.close();
    await proxy.stop();
  });

  it('leaves rows unpublished while Redis is down, commits anyway, and publishes each exactly once when it is back', async () => {
    await proxy.stop();
    // The transaction commits while Redis cannot be reached at all: it never waits for Redis (or it would hang here).
    const rows = await relay.record('caída 1', 'caída 2', 'caída 3');
    const { rows: committed } = await relay.sql.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE id = ANY($1)',
      [rows.map((row) => row.id)],
    );
    expect(committed[0].n).toBe(3);

    // A relay pass claims all three rows (they are locked), cannot hand them to Redis, and must leave them unpublished.
    const ids = rows.map((row) => row.id);
    await waitFor('a relay pass holding the three rows', async () => {
      await relay.sql.query('BEGIN');
      try {
        const free = await relay.sql.query('SELECT id FROM outbox_events WHERE id = ANY($1) FOR UPDATE SKIP LOCKED', [
          ids,
        ]);
        return free.rowCount === 0;
      } finally {
        await relay.sql.query('ROLLBACK');
      }
    });
    const failures = () => logLines.filter((msg) => msg.startsWith(RELAY_FAILED)).length;
    const failuresBefore = failures();
    await waitFor('that pass to fail', async () => failures() > failuresBefore, 30_000);
    for (const row of rows) expect(await relay.publishedAt(row.id)).toBeNull();

    await proxy.start();
    for (const row of rows) await waitFor('published after Redis is back', () => relay.publishedAt(row.id), 30_000);
    const jobs = await relay.jobsFor(rows);
    expect(jobs.map((job) => job.data.subject).sort()).toEqual(['caída 1', 'caída 2', 'caída 3']);
  });
});
