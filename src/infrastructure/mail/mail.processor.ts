import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DeliveryFailures } from '../queue/delivery-failures.js';
import { MAIL_JOBS, MailMessage } from './mail-message.js';
import { MailTransport } from './mail-transport.js';

/** The `mail` queue's worker: runs only in worker processes (or the API with WORKERS_IN_PROCESS). */
@Processor('mail')
export class MailProcessor extends WorkerHost {
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

  async process(job: Job<MailMessage>): Promise<void> {
    switch (job.name) {
      case MAIL_JOBS.send:
        return this.transport.deliver(job.data, `mail-${job.id}`);
      default:
        throw new Error(`Trabajo desconocido en la cola mail: ${job.name}`);
    }
  }
}
