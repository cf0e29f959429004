import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addJob } from '../queue/jobs.js';
import type { MailMessage } from './mail-message.js';

/** Five tries, 2 s, 4 s, 8 s, 16 s apart; a message that still fails stays in the queue as failed. */
const DELIVERY = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: false,
} as const;

/**
 * Hands e-mails to the `mail` queue; the MailProcessor of a worker sends them. Callers enqueue only after
 * their transaction has committed, so a message never announces a change that rolled back.
 */
@Injectable()
export class MailService {
  constructor(@InjectQueue('mail') private readonly queue: Queue) {}

  /**
   * `jobId` makes sending idempotent: adding a message whose id the queue still holds (kept 7 days) is ignored,
   * and the .eml file or SMTP attempt of a retried job is the same message.
   */
  async send(message: MailMessage, options: { jobId?: string } = {}): Promise<void> {
    const opts = options.jobId
      ? { ...DELIVERY, jobId: options.jobId, removeOnComplete: { age: 7 * 24 * 3600 } }
      : DELIVERY;
    await addJob(this.queue, 'mail.send', message, opts);
  }
}
