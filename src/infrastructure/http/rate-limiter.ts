import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

// Decrements only a counter that exists and is positive, so a window that just rolled over is left alone.
const RELEASE_SCRIPT = `if tonumber(redis.call('get', KEYS[1]) or '0') > 0 then return redis.call('decr', KEYS[1]) end return 0`;

/** At most one warning per this many ms while Redis fails, so an outage does not flood the log. */
const WARN_EVERY_MS = 10_000;

/** The most hits `admit` takes from Redis at once. */
const MAX_BLOCK = 10;

/**
 * Fixed-window counters in Redis, so every API process shares one limit per key.
 * When Redis cannot answer (within the client's 500 ms command timeout) the request is let through and the
 * failure logged: an outage must neither lock citizens out nor hang their requests.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private lastWarning = 0;
  /** Hits taken from Redis by `admit` and not used yet, per Redis key (so per window); emptied every minute. */
  private readonly blocks = new Map<string, number>();
  private blocksMinute = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts one hit; true when `key` is still within `limit` hits per `windowSeconds`. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const count = await this.add(this.windowKey(key, windowSeconds), 1, windowSeconds);
    return count === null || count <= limit;
  }

  /**
   * Like `hit`, for limits checked on every request (the per-address GraphQL limit): takes hits from Redis in blocks
   * (a tenth of the limit, at most 10) and admits the following ones from the block, so a busy address costs one
   * Redis call per block instead of one per request (issue #17). Still never more than `limit` per window across
   * processes; the unused rest of a block only makes the limit stricter, by less than a block per process.
   */
  async admit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const redisKey = this.windowKey(key, windowSeconds);
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.blocksMinute) {
      this.blocks.clear(); // forgetting unused hits only makes the limit stricter
      this.blocksMinute = minute;
    }
    const left = this.blocks.get(redisKey) ?? 0;
    if (left > 0) {
      this.blocks.set(redisKey, left - 1);
      return true;
    }
    const block = Math.min(MAX_BLOCK, Math.max(1, Math.floor(limit / 10)));
    const count = await this.add(redisKey, block, windowSeconds);
    if (count === null) return true;
    const granted = Math.min(block, limit - (count - block));
    if (granted <= 0) return false;
    // Added, not set: requests that found the block empty at the same moment each took a block, and all of them count.
    this.blocks.set(redisKey, (this.blocks.get(redisKey) ?? 0) + granted - 1);
    return true;
  }

  private windowKey(key: string, windowSeconds: number): string {
    return `${this.config.redis.prefix}:rl:${key}:${Math.floor(Date.now() / 1000 / windowSeconds)}`;
  }

  /** Adds `hits` to the window's counter and returns it; null when Redis cannot answer (the caller lets it through). */
  private async add(redisKey: string, hits: number, windowSeconds: number): Promise<number | null> {
    try {
      const [[, count]] = (await this.redis
        .multi()
        .incrby(redisKey, hits)
        .expire(redisKey, windowSeconds + 1)
        .exec()) as [[null, number]];
      return count;
    } catch (error) {
      this.failOpen(error);
      return null;
    }
  }

  /**
   * Takes back one hit counted by `hit` in the current window, for callers that count only some outcomes
   * (failed logins): reserve with `hit` first, so parallel requests cannot all slip under the limit.
   */
  async release(key: string, windowSeconds: number): Promise<void> {
    try {
      await this.redis.eval(RELEASE_SCRIPT, 1, this.windowKey(key, windowSeconds));
    } catch (error) {
      this.failOpen(error); // same stance as `hit`: a Redis outage must not fail the request
    }
  }

  /** Hits already counted in the current window, without adding one. */
  async count(key: string, windowSeconds: number): Promise<number> {
    try {
      return Number(await this.redis.get(this.windowKey(key, windowSeconds))) || 0;
    } catch (error) {
      this.failOpen(error);
      return 0;
    }
  }

  private failOpen(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(`Límites de frecuencia sin Redis (se deja pasar): ${(error as Error).message}`);
  }
}
