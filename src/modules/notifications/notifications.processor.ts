import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DeliveryFailures } from '../../infrastructure/queue/delivery-failures.js';
import { assertHandlers } from '../../infrastructure/queue/job-handlers.js';
import type { OutboxEvents } from '../../infrastructure/outbox/outbox-events.js';
import {
  NotificationFanout,
  NOTIFICATION_JOB_NAMES,
  NOTIFICATION_JOBS,
  type FanoutJob,
} from './notification-fanout.js';
import { VOTES_CHANGED_JOB, VotesChangedHandler } from './votes-changed.handler.js';

/** The `notifications` queue's one processor (worker processes only). Jobs retry 5 times with exponential backoff. */
// A job of a killed worker is retried once its lock lapses (15 s), found by the stalled check every 5 s.
@Processor('notifications', { concurrency: 4, lockDuration: 15_000, stalledInterval: 5_000 })
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly handlers: Record<string, (job: Job) => Promise<unknown>> = {
    [NOTIFICATION_JOBS.fanout]: (job) => this.fanout.runChunk(job.data as FanoutJob),
    [VOTES_CHANGED_JOB]: (job) => this.votesChanged.handle(job.data as OutboxEvents['votes.changed']),
  };

  constructor(
    private readonly fanout: NotificationFanout,
    private readonly votesChanged: VotesChangedHandler,
    private readonly failures: DeliveryFailures,
  ) {
    super();
  }

  onModuleInit(): void {
    assertHandlers('notifications', [...NOTIFICATION_JOB_NAMES, VOTES_CHANGED_JOB], this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new Error(`Trabajo desconocido en la cola notifications: ${job.name}`);
    return handler(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`Aviso ${job?.id} falló (intento ${job?.attemptsMade}): ${error.message}`);
    void this.failures.onFailed(job, 'IN_APP');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Cola notifications: ${error.message}`);
  }
}
