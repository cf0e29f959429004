import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { readdirSync } from 'node:fs';
import { createWorker } from '../../src/bootstrap.js';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { registerAndLogin } from '../support/identity.js';
import { linkToken, readMail } from '../support/mail.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';

describe('mail: the API records, a separate worker process relays and delivers', () => {
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await startTestApp({ workers: false });
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    events = new QueueEvents('mail', { connection: { url: api.env.REDIS_URL }, prefix: queue.opts.prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await worker?.close();
    await api.close();
  });

  it('without workers the API only records the request: no job, no file until a worker process relays and sends it', async () => {
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    const account = await registerAndLogin(api);
    const sql = await sqlClient(api.env.DATABASE_URL);
    const { rows } = await sql.query<{ payload: Record<string, string> }>(
      `SELECT payload FROM outbox_events WHERE type = 'account.mail_requested' AND published_at IS NULL`,
    );
    await sql.end();
    // Ids only: no address, no live token in the outbox.
    expect(rows.map((r) => Object.keys(r.payload).sort())).toEqual([['purpose', 'tokenId', 'userId']]);
    expect(rows[0].payload.userId).toBe(account.id);
    expect(await queue.getJobs(['waiting', 'delayed', 'prioritized'])).toEqual([]);
    expect(readdirSync(api.env.MAIL_DIR)).toEqual([]);

    worker = await createWorker(api.config, {}, createLogger('silent'));
    await worker.init();
    const mail = await readMail(api.env.MAIL_DIR, account.email);
    expect(linkToken(mail, 'verificar-correo')).toHaveLength(43);
    // The file is written before BullMQ marks the job completed.
    const job = await waitFor('the mail job completed', async () => (await queue.getJobs(['completed']))[0]);
    expect(job.name).toBe('mail.send');
    expect(job.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential' } });
  });

  it('a job with an unknown name fails loudly instead of vanishing', async () => {
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    const job = await queue.add('mail.unknown', {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(
      /Trabajo desconocido en la cola mail: mail.unknown/,
    );
  });
});
