import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MAIL_JOBS, MailMessage } from './mail-message.js';

/** Five tries, 2 s, 4 s, 8 s, 16 s apart; a message that still fails stays in the queue as failed. */
const DELIVERY = { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: false } as const;

/**
 * Hands e-mails to the `mail` queue; the MailProcessor of a worker sends them. Callers enqueue only after
 * their transaction has committed, so a message never announces a change that rolled back.
 */
@Injectable()
export class MailService {
  constructor(@InjectQueue('mail') private readonly queue: Queue) {}

  async send(message: MailMessage): Promise<void> {
    await this.queue.add(MAIL_JOBS.send, message, DELIVERY);
  }
}
