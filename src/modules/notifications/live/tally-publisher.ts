import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS } from '../../../infrastructure/redis/redis.module.js';
import { LiveEvents } from './live-events.js';
import { LiveTallySource } from './live-tally.source.js';

/** At most one tally message per round per this many ms, across every process. */
export const TALLY_INTERVAL_MS = 1000;

/**
 * Publishes a round's public tally to `tallyUpdated` subscribers, coalesced across processes: the first change in
 * a window wins a Redis lock (SET NX PX) and publishes at once; changes during the window only mark the round dirty,
 * and the lock holder publishes once more when the window ends (trailing edge), so the last change is never lost
 * while at most about one message a second goes out per round.
 *
 * Voting calls `votesChanged(roundId)` after a vote, retraction or ballot has committed (seam, docs/notifications.md).
 */
@Injectable()
export class TallyPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(TallyPublisher.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly live: LiveEvents,
    private readonly source: LiveTallySource,
  ) {}

  private key(kind: 'lock' | 'dirty', roundId: string): string {
    return `${this.config.redis.prefix}:tally:${kind}:${roundId}`;
  }

  /** Never throws: a live tally is a convenience, the vote has already been stored. */
  async votesChanged(roundId: string): Promise<void> {
    try {
      const won = await this.redis.set(this.key('lock', roundId), '1', 'PX', TALLY_INTERVAL_MS, 'NX');
      if (won) {
        await this.publish(roundId);
        this.trailing(roundId);
      } else {
        await this.redis.set(this.key('dirty', roundId), '1', 'PX', TALLY_INTERVAL_MS * 5);
      }
    } catch (error) {
      this.logger.warn(`Conteo en vivo de la ronda ${roundId} no enviado: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private trailing(roundId: string): void {
    const flush = async () => {
      const dirty = await this.redis.getdel(this.key('dirty', roundId));
      if (dirty) await this.votesChanged(roundId);
    };
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      flush().catch((error: Error) => this.logger.warn(`Conteo en vivo de la ronda ${roundId}: ${error.message}`));
    }, TALLY_INTERVAL_MS + 50); // just after our lock expired
    timer.unref();
    this.timers.add(timer);
  }

  private async publish(roundId: string): Promise<void> {
    const tally = await this.source.publicTally(roundId);
    if (tally) await this.live.publish('tally', [{ id: roundId, payload: tally }]);
  }
}
