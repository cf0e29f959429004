import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository.js';
import { AuditLog } from './audit-log.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({ providers: [AuditLog, AuditEventsRepository, AuditService], exports: [AuditLog, AuditService] })
export class AuditModule {}
