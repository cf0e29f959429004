import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

export type DeliveryChannel = 'IN_APP' | 'EMAIL';

/**
 * Counts notification deliveries that failed for good (every attempt used; the job stays in BullMQ's failed set).
 * Kept in Redis so any API process's /metrics reports what every worker process saw.
 */
@Injectable()
export class DeliveryFailures {
  private readonly logger = new Logger(DeliveryFailures.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  key(channel: DeliveryChannel): string {
    return `${this.config.redis.prefix}:metrics:notification_delivery_failures:${channel}`;
  }

  /** Called from a worker's `failed` event: counts the job only once it has no attempt left. */
  async onFailed(job: Job | undefined, channel: DeliveryChannel): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.redis
      .incr(this.key(channel))
      .catch((error: Error) => this.logger.warn(`No se pudo contar una entrega fallida: ${error.message}`));
  }

  async counts(): Promise<Record<DeliveryChannel, number>> {
    const [inApp, email] = await this.redis.mget(this.key('IN_APP'), this.key('EMAIL'));
    return { IN_APP: Number(inApp ?? 0), EMAIL: Number(email ?? 0) };
  }
}
