import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DeliveryFailures } from '../../infrastructure/queue/delivery-failures.js';
import { type HandlesJobs, type JobHandlers, runJob } from '../../infrastructure/queue/jobs.js';
import { NotificationFanout, type FanoutJob } from './notification-fanout.js';
import { VotesChangedHandler } from './votes-changed.handler.js';

/** The `notifications` queue's one processor (worker processes only). Jobs retry 5 times with exponential backoff. */
// A job of a killed worker is retried once its lock lapses (15 s), found by the stalled check every 5 s.
@Processor('notifications', { concurrency: 4, lockDuration: 15_000, stalledInterval: 5_000 })
export class NotificationsProcessor extends WorkerHost implements HandlesJobs<'notifications'> {
  private readonly logger = new Logger(NotificationsProcessor.name);
  readonly jobHandlers: JobHandlers<'notifications'> = {
    // Only notifying events start a fan-out (notifications.subscriber.ts).
    'notification.fanout': (data) => this.fanout.runChunk(data as FanoutJob),
    'votes.changed': (data) => this.votesChanged.handle(data),
  };

  constructor(
    private readonly fanout: NotificationFanout,
    private readonly votesChanged: VotesChangedHandler,
    private readonly failures: DeliveryFailures,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    return runJob('notifications', this.jobHandlers, job);
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
