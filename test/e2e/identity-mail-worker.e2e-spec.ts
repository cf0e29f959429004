import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { readdirSync } from 'node:fs';
import { createWorker } from '../../src/bootstrap.js';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { registerAndLogin } from '../support/identity.js';
import { linkToken, readMail } from '../support/mail.js';
import { startTestApp, TestApp } from '../support/test-app.js';

describe('mail: the API enqueues, a separate worker process delivers', () => {
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

  it('without workers the API only queues: no file until a worker process starts, which then writes the .eml', async () => {
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    const account = await registerAndLogin(api);
    const [job] = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(job.name).toBe('mail.send');
    expect(job.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential' } });
    expect(readdirSync(api.env.MAIL_DIR)).toEqual([]);

    worker = await createWorker(api.config, {}, createLogger('silent'));
    await worker.init();
    const mail = await readMail(api.env.MAIL_DIR, account.email);
    expect(linkToken(mail, 'verificar-correo')).toHaveLength(43);
  });

  it('a job with an unknown name fails loudly instead of vanishing', async () => {
    const queue = api.app.get<Queue>(getQueueToken('mail'));
    const job = await queue.add('mail.unknown', {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(
      /Trabajo desconocido en la cola mail: mail.unknown/,
    );
  });
});
