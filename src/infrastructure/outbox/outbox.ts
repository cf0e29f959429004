import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transactions.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Records an event inside the caller's transaction; nothing is queued before the change commits. */
@Injectable()
export class Outbox {
  async add(tx: Tx, type: string, payload: Record<string, unknown>): Promise<OutboxEvent> {
    return tx.save(tx.create(OutboxEvent, { type, payload }));
  }
}
