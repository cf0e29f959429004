import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions.js';
import type { OutboxEventType } from './outbox-events.js';
import type { PublishedEvent } from './outbox-subscriptions.js';

@Injectable()
export class OutboxRepository {
  /** The oldest unpublished rows, locked for this transaction; rows another relay holds are skipped. */
  async claimUnpublished(tx: Tx, limit: number): Promise<PublishedEvent[]> {
    const rows: { id: string; type: OutboxEventType; payload: never }[] = await tx.query(
      `SELECT id::text AS id, type, payload FROM outbox_events
       WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows;
  }

  async markPublished(tx: Tx, ids: string[], at: Date): Promise<void> {
    await tx.query('UPDATE outbox_events SET published_at = $2 WHERE id = ANY($1::bigint[])', [ids, at]);
  }
}
