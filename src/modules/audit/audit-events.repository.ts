import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

@Injectable()
export class AuditEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A challenge's public log, newest first. */
  ofChallenge(challengeId: string, page: { offset: number; limit: number }): Promise<[AuditEvent[], number]> {
    return this.dataSource.getRepository(AuditEvent).findAndCount({
      where: { challengeId },
      order: { seq: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }
}
