import { Module } from '@nestjs/common';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { TerritoryModule } from '../territory/territory.module.js';
import { AuditEventFieldsResolver } from './audit-event-fields.resolver.js';
import { ChallengeFieldsResolver } from './challenge-fields.resolver.js';
import { ChallengesLoaders } from './challenges.loaders.js';
import { ChallengesRepository } from './challenges.repository.js';
import { ChallengesResolver } from './challenges.resolver.js';
import { ChallengesService } from './challenges.service.js';
import { UnitChallengesResolver } from './unit-challenges.resolver.js';

@Module({
  imports: [TerritoryModule, IdentityModule, GovernmentUnitsModule],
  providers: [
    ChallengesRepository,
    ChallengesService,
    ChallengesLoaders,
    ChallengesResolver,
    ChallengeFieldsResolver,
    AuditEventFieldsResolver,
    UnitChallengesResolver,
  ],
  exports: [ChallengesService, ChallengesLoaders],
})
export class ChallengesModule {}
