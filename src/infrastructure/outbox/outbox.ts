import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transactions.js';
import { OutboxEvent } from './outbox-event.entity.js';
import type { OutboxEvents, OutboxEventType } from './outbox-events.js';

/** Records an event inside the caller's transaction; nothing is queued before the change commits. */
@Injectable()
export class Outbox {
  async add<T extends OutboxEventType>(tx: Tx, type: T, payload: OutboxEvents[T]): Promise<OutboxEvent> {
    return tx.save(tx.create(OutboxEvent, { type, payload: payload as unknown as Record<string, unknown> }));
  }
}
