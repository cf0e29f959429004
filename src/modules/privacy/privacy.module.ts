import { Module } from '@nestjs/common';
import { RateLimiter } from '../../infrastructure/http/rate-limiter.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { DataExportController } from './data-export.controller.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

/** ARCO rights: data export and account deletion across every table that holds personal data. */
@Module({
  imports: [IdentityModule, GovernmentUnitsModule, ProposalsModule, NotificationsModule],
  controllers: [DataExportController],
  // RateLimiter: HttpModule provides it globally only in the API; the worker process loads this module too.
  providers: [PersonalDataRepository, RateLimiter, PrivacyService, PrivacyResolver],
  exports: [PrivacyService],
})
export class PrivacyModule {}
