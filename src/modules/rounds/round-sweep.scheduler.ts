import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import type { JobName } from '../../infrastructure/queue/jobs.js';
import { RoundClock } from './round-clock.js';
import { SWEEP_SCHEDULER_ID } from './round-jobs.js';

/**
 * Keeps the sweep's BullMQ job scheduler in place (RULES §3). A flushed Redis loses it, so every
 * worker upserts it again each interval (idempotent), and sweeps once at startup for whatever
 * happened while no worker ran.
 */
@Injectable()
export class RoundSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoundSweepScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private upserting = false;
  private startupSweep: Promise<unknown> | null = null;

  constructor(
    @InjectQueue('rounds') private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly roundClock: RoundClock,
  ) {}

  onApplicationBootstrap(): void {
    void this.upsert();
    this.timer = setInterval(() => void this.upsert(), this.config.rounds.sweepIntervalMs);
    this.startupSweep = this.roundClock
      .sweep()
      .catch((error) => this.logger.error(`Barrido inicial falló: ${(error as Error).message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.startupSweep;
  }

  private async upsert(): Promise<void> {
    if (this.upserting) return; // Redis is slow or down: one attempt waiting is enough
    this.upserting = true;
    try {
      await this.queue.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: this.config.rounds.sweepIntervalMs },
        { name: 'round.sweep' satisfies JobName, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (error) {
      this.logger.warn(`No se pudo programar el barrido de rondas: ${(error as Error).message}`);
    } finally {
      this.upserting = false;
    }
  }
}
