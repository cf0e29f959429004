import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository.js';
import { AuditLog } from './audit-log.js';

@Global()
@Module({ providers: [AuditLog, AuditEventsRepository], exports: [AuditLog, AuditEventsRepository] })
export class AuditModule {}
