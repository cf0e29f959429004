import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DeliveryFailures } from '../queue/delivery-failures.js';
import { type HandlesJobs, type JobHandlers, runJob } from '../queue/jobs.js';
import { MailTransport } from './mail-transport.js';

/** The `mail` queue's worker: runs only in worker processes (or the API with WORKERS_IN_PROCESS). */
@Processor('mail')
export class MailProcessor extends WorkerHost implements HandlesJobs<'mail'> {
  readonly jobHandlers: JobHandlers<'mail'> = {
    'mail.send': (message, job) => this.transport.deliver(message, `mail-${job.id}`),
  };

  constructor(
    private readonly transport: MailTransport,
    private readonly failures: DeliveryFailures,
  ) {
    super();
  }

  /** Notification e-mails that used all their attempts count in `notification_delivery_failures_total`. */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined): void {
    if (job?.id?.startsWith('notification-email:')) void this.failures.onFailed(job, 'EMAIL');
  }

  async process(job: Job): Promise<unknown> {
    return runJob('mail', this.jobHandlers, job);
  }
}
