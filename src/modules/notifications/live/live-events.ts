import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS } from '../../../infrastructure/redis/redis.module.js';

export type LiveKind = 'notification' | 'tally';

/**
 * Live messages between processes over Redis pub/sub (RULES §8: subscriptions work across API processes).
 * One channel per recipient or round, under REDIS_PREFIX; each process holds one subscriber connection and
 * subscribes to a channel only while a local client listens to it. Delivery is best effort: what is stored
 * (notifications, tallies) stays readable through queries.
 */
@Injectable()
export class LiveEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEvents.name);
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<(message: string) => void>>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  channel(kind: LiveKind, id: string): string {
    return `${this.config.redis.prefix}:live:${kind}:${id}`;
  }

  async publish(kind: LiveKind, messages: { id: string; payload: unknown }[]): Promise<void> {
    if (!messages.length) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const m of messages) pipeline.publish(this.channel(kind, m.id), JSON.stringify(m.payload));
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`No se pudieron enviar ${messages.length} mensajes en vivo: ${(error as Error).message}`);
    }
  }

  /**
   * Publishes to those of `ids` whose channel has a subscriber somewhere now (one PUBSUB NUMSUB for all), building
   * each payload only for them: a fan-out to 100 000 followers, most of them offline, then builds and sends a few
   * messages instead of 100 000. Someone who subscribes meanwhile may miss the message, as with any publish.
   */
  async publishToListeners(kind: LiveKind, ids: string[], payloadOf: (id: string) => unknown): Promise<void> {
    if (!ids.length) return;
    let listened: string[];
    try {
      const counts = (await this.redis.pubsub('NUMSUB', ...ids.map((id) => this.channel(kind, id)))) as (
        string | number
      )[];
      listened = ids.filter((_, i) => Number(counts[2 * i + 1]) > 0);
    } catch (error) {
      this.logger.warn(`No se pudieron enviar ${ids.length} mensajes en vivo: ${(error as Error).message}`);
      return;
    }
    await this.publish(
      kind,
      listened.map((id) => ({ id, payload: payloadOf(id) })),
    );
  }

  /** Messages published to (kind, id) from now on, until the consumer stops iterating. */
  listen<T>(kind: LiveKind, id: string): AsyncIterableIterator<T> {
    const channel = this.channel(kind, id);
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const onMessage = (message: string) => {
      queue.push(JSON.parse(message) as T);
      wake?.();
    };
    this.addListener(channel, onMessage);
    const finish = (): Promise<IteratorResult<T>> => {
      if (!done) {
        done = true;
        this.removeListener(channel, onMessage);
        wake?.();
      }
      return Promise.resolve({ done: true, value: undefined });
    };
    return {
      async next(): Promise<IteratorResult<T>> {
        while (!done && !queue.length) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        return done ? { done: true, value: undefined } : { done: false, value: queue.shift()! };
      },
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private connection(): Redis {
    if (!this.subscriber) {
      // Its own connection (a subscribed connection can do nothing else); it resubscribes by itself after a reconnect.
      this.subscriber = this.redis.duplicate({
        enableOfflineQueue: true,
        maxRetriesPerRequest: null,
        lazyConnect: false,
      });
      this.subscriber.on('message', (channel: string, message: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener(message);
      });
      this.subscriber.on('error', (error: Error) => this.logger.warn(`Suscripción en vivo: ${error.message}`));
    }
    return this.subscriber;
  }

  private addListener(channel: string, listener: (message: string) => void): void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.connection()
        .subscribe(channel)
        .catch((error: Error) => this.logger.warn(`SUBSCRIBE ${channel}: ${error.message}`));
    }
    set.add(listener);
  }

  private removeListener(channel: string, listener: (message: string) => void): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    set.delete(listener);
    if (!set.size) {
      this.listeners.delete(channel);
      this.subscriber?.unsubscribe(channel).catch(() => undefined);
    }
  }
}
