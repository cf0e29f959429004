import 'reflect-metadata';
import { type Abstract, type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import type pg from 'pg';
import { loadConfig } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { CoreModule } from '../../src/core.module.js';
import { featureModules } from '../../src/features.js';
import { Transactions } from '../../src/infrastructure/database/transactions.js';
import { createLogger, PinoNestLogger } from '../../src/infrastructure/logging/logger.js';
import type { MailMessage } from '../../src/infrastructure/mail/mail-message.js';
import { OutboxRepository } from '../../src/infrastructure/outbox/outbox.repository.js';
import {
  OutboxSubscriptions,
  type OutboxJob,
  type PublishedEvent,
} from '../../src/infrastructure/outbox/outbox-subscriptions.js';
import { JOB_QUEUES } from '../../src/infrastructure/queue/jobs.js';
import type { QueueName } from '../../src/infrastructure/queue/queue-names.js';
import { DeliveryFailures } from '../../src/infrastructure/queue/delivery-failures.js';
import { NotificationFanout } from '../../src/modules/notifications/notification-fanout.js';
import { NotificationsProcessor } from '../../src/modules/notifications/notifications.processor.js';
import { VotesChangedHandler } from '../../src/modules/notifications/votes-changed.handler.js';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { RoundsProcessor } from '../../src/modules/rounds/rounds.processor.js';
import { ManualClock } from './manual-clock.js';
import { testEnvironment } from './test-app.js';
import { sqlClient } from './test-database.js';

/** The feature modules on the core (clock, PostgreSQL, Redis queues, outbox): no HTTP, no GraphQL, no workers. */
@Module({})
export class ServiceLayerModule {
  static forRoot(config: AppConfig, clock: ManualClock): DynamicModule {
    return { module: ServiceLayerModule, imports: [CoreModule.forRoot(config, { clock }), ...featureModules] };
  }
}

const OUTBOX_BATCH = 100;
/** A drain that keeps finding work after this many passes is a loop between events and jobs: fail loudly. */
const MAX_DRAIN_PASSES = 50;

/** What one `drainOutbox()` did, in order. */
export interface DrainReport {
  events: PublishedEvent[];
  /** Jobs run in-process (queues `rounds` and `notifications`), with what their handler returned. */
  ran: { job: OutboxJob; result: unknown }[];
}

export interface ServiceHarness {
  app: INestApplicationContext;
  config: AppConfig;
  env: Record<string, string>;
  clock: ManualClock;
  /** A direct connection to this file's database, for assertions that must not go through the services. */
  sql: pg.Client;
  get<T>(type: Type<T> | Abstract<T>): T;
  /**
   * Relays the committed outbox rows in-process, as the relay and the workers would: each event's jobs (from
   * the same subscribers the relay asks) are held like BullMQ's delayed jobs, and every job whose `runAt` the
   * manual clock has reached runs through the real processor, in `runAt` order; repeated until nothing is
   * left to do now. Jobs of the `mail` and `privacy` queues are collected, not run (see `mails`). A fan-out
   * larger than one chunk queues its next chunk in BullMQ itself: that one is left to e2e tests and benches.
   */
  drainOutbox(): Promise<DrainReport>;
  /** Sets the clock and drains: the open, close and reminder jobs due by then run, no wall-clock wait. */
  advanceTo(at: Date | number): Promise<DrainReport>;
  /** Every message the drained events asked the `mail` queue to send, oldest first. */
  mails(): MailMessage[];
  /** Delayed jobs not due yet by the manual clock. */
  pendingJobs(): OutboxJob[];
  close(): Promise<void>;
}

/**
 * Boots the feature services for one int-spec file on its own copy of the template database, with a
 * ManualClock (starting at the real time unless told) and no worker, relay, sweep or HTTP server running.
 */
export async function startServiceHarness(
  options: { env?: Record<string, string>; startAt?: Date | number } = {},
): Promise<ServiceHarness> {
  const env = await testEnvironment(options.env);
  const config = loadConfig(env);
  const clock = new ManualClock();
  if (options.startAt !== undefined) clock.set(options.startAt);
  const app = await NestFactory.createApplicationContext(ServiceLayerModule.forRoot(config, clock), {
    logger: new PinoNestLogger(createLogger(config.logLevel)),
    abortOnError: false,
  });
  await app.init();
  const sql = await sqlClient(env.DATABASE_URL);

  const get = <T>(type: Type<T> | Abstract<T>): T => app.get(type, { strict: false });
  const transactions = get(Transactions);
  const outbox = get(OutboxRepository);
  const subscriptions = get(OutboxSubscriptions);
  // The real processors, built by hand: as Nest providers BullMQ would start workers polling Redis.
  const processors: Partial<Record<QueueName, { process(job: Job): Promise<unknown> }>> = {
    rounds: new RoundsProcessor(get(RoundClock), clock),
    notifications: new NotificationsProcessor(get(NotificationFanout), get(VotesChangedHandler), get(DeliveryFailures)),
  };
  const delayed: OutboxJob[] = [];
  const seenJobIds = new Set<string>();
  const mails: MailMessage[] = [];

  /** Claims and marks every unpublished row, as one relay pass does, and queues their jobs here. */
  async function relay(): Promise<PublishedEvent[]> {
    const relayed: PublishedEvent[] = [];
    for (;;) {
      const batch = await transactions.run(async (tx) => {
        const events = await outbox.claimUnpublished(tx, OUTBOX_BATCH);
        for (const event of events) {
          for (const job of await subscriptions.jobsFor(event)) {
            // BullMQ ignores a job id it already holds; so do we.
            if (seenJobIds.has(job.jobId!)) continue;
            seenJobIds.add(job.jobId!);
            const queue = JOB_QUEUES[job.name];
            if (queue === 'mail') mails.push(job.data as unknown as MailMessage);
            else if (processors[queue]) delayed.push(job);
          }
        }
        if (events.length)
          await outbox.markPublished(
            tx,
            events.map((e) => e.id),
            clock.now(),
          );
        return events;
      });
      relayed.push(...batch);
      if (batch.length < OUTBOX_BATCH) return relayed;
    }
  }

  function takeDue(): OutboxJob[] {
    const now = clock.now().getTime();
    const due = delayed
      .filter((job) => (job.runAt?.getTime() ?? 0) <= now)
      .sort((a, b) => (a.runAt?.getTime() ?? 0) - (b.runAt?.getTime() ?? 0));
    for (const job of due) delayed.splice(delayed.indexOf(job), 1);
    return due;
  }

  // One drain at a time, as one relay: a drain running beside another would skip the rows the other has claimed
  // but not yet handled (SKIP LOCKED), and return before their jobs or mails exist.
  let draining: Promise<unknown> = Promise.resolve();
  function drainOutbox(): Promise<DrainReport> {
    const run = draining.then(drainOnce);
    draining = run.catch(() => undefined);
    return run;
  }

  async function drainOnce(): Promise<DrainReport> {
    const report: DrainReport = { events: [], ran: [] };
    for (let pass = 0; pass < MAX_DRAIN_PASSES; pass++) {
      const events = await relay();
      report.events.push(...events);
      const due = takeDue();
      if (!events.length && !due.length) return report;
      for (const job of due) {
        const result = await processors[JOB_QUEUES[job.name]]!.process({
          name: job.name,
          data: job.data,
          id: job.jobId,
        } as Job);
        report.ran.push({ job, result });
      }
    }
    throw new Error(`drainOutbox: still busy after ${MAX_DRAIN_PASSES} passes`);
  }

  return {
    app,
    config,
    env,
    clock,
    sql,
    get,
    drainOutbox,
    async advanceTo(at) {
      clock.set(at);
      return drainOutbox();
    },
    mails: () => [...mails],
    pendingJobs: () => [...delayed],
    async close() {
      await sql.end();
      await app.close();
    },
  };
}
