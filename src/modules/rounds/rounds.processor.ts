import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Clock } from '../../common/clock.js';
import { type HandlesJobs, type JobHandlers, runJob } from '../../infrastructure/queue/jobs.js';
import { RoundClock, type ClockOutcome } from './round-clock.js';
import type { RoundClockJob } from './round-jobs.js';

/** A delayed job may fire a few ms before the server clock reaches its instant; wait that out rather than skip. */
const MAX_EARLY_WAIT_MS = 10_000;

/** The one processor of the `rounds` queue: dispatches by job name (jobs.ts), refuses names it does not know. */
@Processor('rounds', { concurrency: 8 })
export class RoundsProcessor extends WorkerHost implements HandlesJobs<'rounds'> {
  private readonly logger = new Logger(RoundsProcessor.name);
  readonly jobHandlers: JobHandlers<'rounds'> = {
    'round.open': (data) => this.onTime(data, (at) => this.roundClock.openRound(data.roundId, at)),
    'round.close': (data) => this.onTime(data, (at) => this.roundClock.closeRound(data.roundId, at, null)),
    'round.remind': (data) => this.roundClock.remind(data.roundId, data.type, new Date(data.closesAt)),
    'round.sweep': () => this.roundClock.sweep(),
  };

  constructor(
    private readonly roundClock: RoundClock,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    return runJob('rounds', this.jobHandlers, job);
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
