import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';

export const REDIS = Symbol('REDIS');

/**
 * The shared ioredis client for rate limits, health checks and pub/sub publishing (not for BullMQ). It sits on
 * request paths, so it fails fast instead of waiting for Redis: a command unanswered after 500 ms is rejected
 * (a frozen Redis keeps the socket open, so only a timeout notices), and nothing queues while disconnected.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.url, {
          commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: false,
        }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
