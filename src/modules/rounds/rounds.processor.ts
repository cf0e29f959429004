import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Clock } from '../../common/clock.js';
import { assertHandlers } from '../../infrastructure/queue/job-handlers.js';
import { RoundClock, type ClockOutcome } from './round-clock.js';
import { ROUND_JOB_NAMES, type RoundClockJob, type RoundJobName, type RoundReminderJob } from './round-jobs.js';

/** A delayed job may fire a few ms before the server clock reaches its instant; wait that out rather than skip. */
const MAX_EARLY_WAIT_MS = 10_000;

/** The one processor of the `rounds` queue: dispatches by job name, refuses names it does not know. */
@Processor('rounds', { concurrency: 8 })
export class RoundsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(RoundsProcessor.name);
  private readonly handlers: Record<RoundJobName, (job: Job) => Promise<ClockOutcome | number>> = {
    'round.open': (job) =>
      this.onTime(job.data as RoundClockJob, (at) =>
        this.roundClock.openRound((job.data as RoundClockJob).roundId, at),
      ),
    'round.close': (job) =>
      this.onTime(job.data as RoundClockJob, (at) =>
        this.roundClock.closeRound((job.data as RoundClockJob).roundId, at, null),
      ),
    'round.remind': (job) => {
      const data = job.data as RoundReminderJob;
      return this.roundClock.remind(data.roundId, data.type, new Date(data.closesAt));
    },
    'round.sweep': () => this.roundClock.sweep(),
  };

  constructor(
    private readonly roundClock: RoundClock,
    private readonly clock: Clock,
  ) {
    super();
  }

  onModuleInit(): void {
    assertHandlers('rounds', ROUND_JOB_NAMES, this.handlers);
  }

  async process(job: Job): Promise<ClockOutcome | number> {
    const handler = (this.handlers as Record<string, (job: Job) => Promise<ClockOutcome | number>>)[job.name];
    if (!handler) throw new Error(`Trabajo desconocido en la cola rounds: ${job.name}`);
    return handler(job);
  }

  /** Redis trouble or a job deleted under us (the sweep covers it): log, never crash the worker. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Cola rounds: ${error.message}`);
  }

  private async onTime(data: RoundClockJob, run: (scheduledFor: Date) => Promise<ClockOutcome>): Promise<ClockOutcome> {
    const scheduledFor = new Date(data.scheduledFor);
    const early = scheduledFor.getTime() - this.clock.now().getTime();
    if (early > 0 && early <= MAX_EARLY_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, early));
    const outcome = await run(scheduledFor);
    if (outcome !== 'stale' && outcome !== 'missing' && outcome !== 'not-published')
      await this.roundClock.settle(data.roundId);
    return outcome;
  }
}
