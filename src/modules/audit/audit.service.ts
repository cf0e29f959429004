import { Injectable } from '@nestjs/common';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditEventsRepository } from './audit-events.repository.js';

/** Reads the audit log (RULES §9); AuditLog writes it. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventsRepository) {}

  /** A challenge's public log, newest first, with the total count. */
  ofChallenge(challengeId: string, page: { offset: number; limit: number }): Promise<[AuditEvent[], number]> {
    return this.events.ofChallenge(challengeId, page);
  }
}
