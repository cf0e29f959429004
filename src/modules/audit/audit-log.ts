import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Tx } from '../../infrastructure/database/transactions.js';
import { AuditEvent } from './audit-event.entity.js';

export type AuditAction =
  | 'challenge.created'
  | 'challenge.published'
  | 'challenge.updated'
  | 'challenge.cancelled'
  | 'round.opened'
  | 'round.rescheduled'
  | 'round.closed'
  | 'proposal.hidden'
  | 'proposal.unhidden'
  | 'proposal.ineligible'
  | 'juror.added'
  | 'juror.removed'
  | 'results.published'
  | 'account.export_requested'
  | 'account.deleted';

export interface AuditEntry {
  action: AuditAction;
  challengeId: string | null;
  /** Null for the system (scheduled jobs). */
  actorId: string | null;
  /** Short Spanish description, with the reason where one was given. */
  summary: string;
  data?: Record<string, unknown>;
}

/** Writes audit events (RULES §9) inside the caller's transaction, so they commit or vanish with the change. */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(tx: Tx, entry: AuditEntry): Promise<AuditEvent> {
    const event = tx.create(AuditEvent, { ...entry, data: entry.data ?? {}, createdAt: this.clock.now() });
    return tx.save(event);
  }
}
