import { Injectable } from '@nestjs/common';
import { JOB_QUEUES, type JobName, type JobRequest } from '../queue/jobs.js';
import type { OutboxEvents, OutboxEventType } from './outbox-events.js';

/** A job the relay adds to BullMQ for an outbox event: a name of jobs.ts with its payload (the queue follows). */
export type OutboxJob<N extends JobName = JobName> = JobRequest<N> & {
  /**
   * Deterministic job id (e.g. `round.close:<roundId>:<epochMs>`); the relay derives one from the
   * outbox id when absent. Re-adding an id BullMQ still holds is ignored, which makes relaying idempotent.
   */
  jobId?: string;
  /** When the job should run; the relay turns it into a delay at the moment it enqueues. */
  runAt?: Date;
};

export interface PublishedEvent<T extends OutboxEventType = OutboxEventType> {
  id: string;
  type: T;
  payload: OutboxEvents[T];
}

/** What a consumer (round clock, notifications…) wants queued when an event of its type is published. */
export type OutboxSubscriber<T extends OutboxEventType> = (
  event: PublishedEvent<T>,
) => OutboxJob[] | Promise<OutboxJob[]>;

/** The registry consumers subscribe to by event type, in their module's init; the relay reads it. */
@Injectable()
export class OutboxSubscriptions {
  private readonly subscribers = new Map<OutboxEventType, OutboxSubscriber<never>[]>();

  subscribe<T extends OutboxEventType>(type: T, subscriber: OutboxSubscriber<T>): void {
    this.subscribers.set(type, [...(this.subscribers.get(type) ?? []), subscriber]);
  }

  /** Every job the subscribers of this event ask for; none when nobody subscribed. */
  async jobsFor(event: PublishedEvent): Promise<OutboxJob[]> {
    const subscribers = (this.subscribers.get(event.type) ?? []) as OutboxSubscriber<OutboxEventType>[];
    const jobs = (await Promise.all(subscribers.map((subscriber) => Promise.resolve(subscriber(event))))).flat();
    return jobs.map((job, index) => ({
      ...checkedName(job),
      jobId: checkedJobId(job.jobId ?? `outbox:${event.id}:${index}`),
    }));
  }
}

/**
 * BullMQ refuses custom ids with a ':' unless they have exactly three parts; refusing here keeps such a
 * subscriber bug to its own event instead of failing the relay's whole batch at enqueue time.
 */
function checkedJobId(jobId: string): string {
  if (jobId.includes(':') && jobId.split(':').length !== 3) throw new Error(`job id no válido para BullMQ: ${jobId}`);
  return jobId;
}

/** Only a job declared in jobs.ts has a queue (a cast could slip another name past the types): this event only fails. */
function checkedName(job: OutboxJob): OutboxJob {
  if (!Object.hasOwn(JOB_QUEUES, job.name)) throw new Error(`trabajo no declarado en jobs.ts: ${String(job.name)}`);
  return job;
}
