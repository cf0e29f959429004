import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MAIL_JOBS, MailMessage } from './mail-message.js';
import { MailTransport } from './mail-transport.js';

/** The `mail` queue's worker: runs only in worker processes (or the API with WORKERS_IN_PROCESS). */
@Processor('mail')
export class MailProcessor extends WorkerHost {
  constructor(private readonly transport: MailTransport) {
    super();
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
