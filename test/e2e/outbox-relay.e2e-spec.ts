import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type pg from 'pg';
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

describe('the outbox relay', () => {
  const redisUrl = new URL(TEST_REDIS_URL);
  const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  let worker: INestApplicationContext;
  let sql: pg.Client;
  let mail: Queue;

  beforeAll(async () => {
    const port = await proxy.start();
    const config = loadConfig(await testEnvironment({ REDIS_URL: `redis://127.0.0.1:${port}` }));
    worker = await createWorker(config);
    // A stand-in consumer: one e-mail per cancelled challenge, its subject the reason (a declared job of jobs.ts).
    worker.get(OutboxSubscriptions).subscribe('challenge.cancelled', ({ payload }) => [
      {
        name: 'mail.send',
        data: { to: 'relay@example.test', subject: payload.reason, text: payload.reason, html: payload.reason },
      },
    ]);
    sql = await sqlClient(config.databaseUrl);
    mail = new Queue('mail', {
      connection: { url: TEST_REDIS_URL },
      prefix: `${config.redis.prefix}:bull`,
    });
  });

  afterAll(async () => {
    await mail?.close();
    await sql?.end();
    await worker?.close();
    await proxy.stop();
  });

  const record = (reason: string) =>
    worker
      .get(Transactions)
      .run((tx) => worker.get(Outbox).add(tx, 'challenge.cancelled', { challengeId: CHALLENGE_ID, reason }));
  const publishedAt = async (id: string) =>
    (await sql.query('SELECT published_at FROM outbox_events WHERE id = $1', [id])).rows[0].published_at as Date | null;

  it('publishes a row well under a second after commit when idle (NOTIFY, not the 1 s poll)', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150 + 97 * i)); // land at different points of the poll cycle
      const row = await record(`latencia ${i}`);
      const committed = Date.now();
      await waitFor('published', () => publishedAt(row.id), 2000, 2);
      latencies.push(Date.now() - committed);
    }
    latencies.sort((a, b) => a - b);
    process.stdout.write(`outbox relay latency (ms): ${latencies.join(', ')}\n`);
    expect(latencies[2]).toBeLessThan(200);
    expect(latencies[4]).toBeLessThan(1000);
  });

  it('leaves rows unpublished while Redis is down, commits anyway, and publishes each exactly once when it is back', async () => {
    await proxy.stop();
    const rows: { id: string }[] = [];
    for (const reason of ['caída 1', 'caída 2', 'caída 3']) {
      const started = Date.now();
      rows.push(await record(reason));
      expect(Date.now() - started).toBeLessThan(1000); // the transaction never waits for Redis
    }
    // Give the relay a few NOTIFY wake-ups and polls to fail (nothing to wait on: it must do nothing).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const row of rows) expect(await publishedAt(row.id)).toBeNull();

    await proxy.start();
    for (const row of rows) await waitFor('published after Redis is back', () => publishedAt(row.id), 20_000);
    const jobs = await mail.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const mine = jobs.filter(
      (job) => job.name === 'mail.send' && rows.some((row) => job.id?.startsWith(`outbox:${row.id}:`)),
    );
    expect(mine.map((job) => job.data.subject).sort()).toEqual(['caída 1', 'caída 2', 'caída 3']);
    expect(jobs.filter((job) => job.name === 'mail.send' && job.data.subject.startsWith('caída'))).toHaveLength(3);
  });

  it('holds back an event whose subscriber asks for a job not declared in jobs.ts, and publishes the others', async () => {
    worker
      .get(OutboxSubscriptions)
      .subscribe('results.published', () => [{ name: 'results.unknown', data: {} } as never]);
    const bad = await worker
      .get(Transactions)
      .run((tx) => worker.get(Outbox).add(tx, 'results.published', { challengeId: CHALLENGE_ID, winners: [] }));
    const good = await record('después del evento sin trabajo');
    await waitFor('the good row published', () => publishedAt(good.id), 5000);
    expect(await publishedAt(bad.id)).toBeNull();
  });
});
