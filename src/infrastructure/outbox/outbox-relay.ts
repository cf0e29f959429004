import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import pg from 'pg';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { JOB_QUEUES } from '../queue/jobs.js';
import type { QueueName } from '../queue/queue-names.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxJob, OutboxSubscriptions } from './outbox-subscriptions.js';

const BATCH = 100;
const LISTEN_RETRY_MS = 1000;
/** With Redis down BullMQ waits for it; give up sooner so the claimed rows are not locked for long. */
const ENQUEUE_TIMEOUT_MS = 5000;
const DAY_S = 24 * 3600;

/**
 * Kept long enough that a relay which crashed after enqueueing but before marking the row
 * re-adds the same job id and BullMQ ignores it instead of running the job twice.
 */
export const RELAYED_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 30 * DAY_S },
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis no respondió en ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Hands committed outbox rows to BullMQ (RULES §8), in worker processes only. Woken by the
 * outbox trigger's NOTIFY (every event but `votes.changed`, migration OutboxNotifyWithoutVotes) and by a poll
 * (OUTBOX_POLL_INTERVAL_MS, 1 s by default), which also relays the votes' events in batches. Rows are claimed with SKIP LOCKED, so any
 * number of relays share the work; a row is marked published only after its jobs were added, in
 * the same transaction, so a failure (Redis down, crash) leaves it for the next attempt.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<QueueName, Queue>;
  private listener: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxRepository,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly clock: Clock,
    @InjectQueue('rounds') rounds: Queue,
    @InjectQueue('notifications') notifications: Queue,
    @InjectQueue('mail') mail: Queue,
    @InjectQueue('privacy') privacy: Queue,
  ) {
    this.queues = { rounds, notifications, mail, privacy };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => this.wake(), this.config.outbox.pollIntervalMs);
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.draining;
  }

  /** Relays now, or right after the pass in progress (a pass already running may have missed the new rows). */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.wakeAgain = false;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.wakeAgain) this.wake();
    });
  }

  /** Relays until no unpublished row is left; resolves when idle (used by tests and the bench). */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
    } catch (error) {
      this.logger.warn(`Outbox sin publicar por ahora: ${(error as Error).message}`);
    }
  }

  private relayBatch(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const events = await this.outbox.claimUnpublished(tx, BATCH);
      const published: string[] = [];
      const jobs: OutboxJob[] = [];
      for (const event of events) {
        try {
          jobs.push(...(await this.subscriptions.jobsFor(event)));
          published.push(event.id);
        } catch (error) {
          // One bad event must not hold back the others; it stays unpublished and is retried.
          this.logger.error(`Suscriptor falló para el evento ${event.id} (${event.type}): ${(error as Error).message}`);
        }
      }
      if (jobs.length) await withTimeout(this.enqueue(jobs), ENQUEUE_TIMEOUT_MS);
      if (published.length) await this.outbox.markPublished(tx, published, this.clock.now());
      return events.length;
    });
  }

  private async enqueue(jobs: OutboxJob[]): Promise<void> {
    const now = Date.now();
    const byQueue = new Map<QueueName, OutboxJob[]>();
    for (const job of jobs) {
      const queue = JOB_QUEUES[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    }
    await Promise.all(
      [...byQueue].map(([queue, list]) =>
        this.queues[queue].addBulk(
          list.map((job) => ({
            name: job.name,
            data: job.data,
            opts: { ...RELAYED_JOB_OPTIONS, jobId: job.jobId, delay: Math.max(0, (job.runAt?.getTime() ?? now) - now) },
          })),
        ),
      ),
    );
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'retos-outbox-relay' });
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), LISTEN_RETRY_MS).unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', retry);
    this.listener = client;
    try {
      await client.connect();
      await client.query('LISTEN outbox_events');
    } catch (error) {
      // The poll keeps the outbox moving meanwhile.
      this.logger.warn(`LISTEN outbox_events falló: ${(error as Error).message}`);
      retry();
    }
  }
}
