import type { Job, JobsOptions, Queue } from 'bullmq';
import type { MailMessage } from '../mail/mail-message.js';
import type { OutboxEvents, OutboxEventType } from '../outbox/outbox-events.js';
import type { QueueName } from './queue-names.js';

/**
 * Every BullMQ job, by name, with its payload (ids and facts, never entities; dates as ISO strings). The one
 * place a job is declared: the outbox subscribers and direct `queue.add`s can only emit these names with
 * these payloads, each processor's handler map is typed by it, and the worker refuses to start unless every
 * name has exactly one handler (job-handlers.ts).
 */
export interface JobPayloads {
  /** A round's scheduled instant; if the round's date moved since, the job does nothing. */
  'round.open': { roundId: string; scheduledFor: string };
  'round.close': { roundId: string; scheduledFor: string };
  /** closesAt: the closing date the reminder was computed from. */
  'round.remind': { roundId: string; type: 'ROUND_CLOSING_SOON' | 'EVALUATION_REMINDER'; closesAt: string };
  /** The repeatable safety sweep (a job scheduler). */
  'round.sweep': Record<string, never>;
  /** One chunk of one event's fan-out: the recipients after `cursor` (user id order). */
  'notification.fanout': {
    eventId: string;
    type: OutboxEventType;
    payload: OutboxEvents[OutboxEventType];
    cursor: string | null;
  };
  'votes.changed': OutboxEvents['votes.changed'];
  'mail.send': MailMessage;
  'data_export.build': { exportId: string };
}

export type JobName = keyof JobPayloads;

/** The queue each job goes to (one queue per owning module); no name may be missing or extra. */
export const JOB_QUEUES = {
  'round.open': 'rounds',
  'round.close': 'rounds',
  'round.remind': 'rounds',
  'round.sweep': 'rounds',
  'notification.fanout': 'notifications',
  'votes.changed': 'notifications',
  'mail.send': 'mail',
  'data_export.build': 'privacy',
} as const satisfies { readonly [N in JobName]: QueueName };

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** The job names of one queue. */
export type QueueJobName<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUES)[N] extends Q ? N : never;
}[JobName];

/** A job to add: its name and the payload that name carries. */
export type JobRequest<N extends JobName = JobName> = { [K in N]: { name: K; data: JobPayloads[K] } }[N];

/** A processor's handlers: one per job name of its queue, each given the job's typed payload. */
export type JobHandlers<Q extends QueueName> = {
  readonly [N in QueueJobName<Q>]: (data: JobPayloads[N], job: Job<JobPayloads[N], unknown, N>) => Promise<unknown>;
};

/** What a processor exposes for the startup check and its `process`. */
export interface HandlesJobs<Q extends QueueName> {
  readonly jobHandlers: JobHandlers<Q>;
}

/** Runs a job with its queue's handler; a name without one fails the job (the startup check makes that rare). */
export function runJob<Q extends QueueName>(queue: Q, handlers: JobHandlers<Q>, job: Job): Promise<unknown> {
  const handler = (handlers as unknown as Record<string, ((data: unknown, job: Job) => Promise<unknown>) | undefined>)[
    job.name
  ];
  if (!handler) throw new Error(`Trabajo desconocido en la cola ${queue}: ${job.name}`);
  return handler(job.data, job);
}

/** `queue.add` for a declared job only, with its payload type. */
export function addJob<N extends JobName>(queue: Queue, name: N, data: JobPayloads[N], opts?: JobsOptions) {
  if (queue.name !== JOB_QUEUES[name])
    throw new Error(`El trabajo ${name} va a la cola ${JOB_QUEUES[name]}, no a ${queue.name}`);
  return queue.add(name, data, opts);
}
