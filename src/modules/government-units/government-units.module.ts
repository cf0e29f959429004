import { Module } from '@nestjs/common';
import { UnitAccess } from '../../infrastructure/auth/unit-access.js';
import { IdentityModule } from '../identity/identity.module.js';
import { TerritoryModule } from '../territory/territory.module.js';
import { GovernmentUnitsLoaders } from './government-units.loaders.js';
import { GovernmentUnitsRepository } from './government-units.repository.js';
import { GovernmentUnitsResolver, UnitMembershipResolver } from './government-units.resolver.js';
import { GovernmentUnitsService } from './government-units.service.js';
import { UnitAccessService } from './unit-access.service.js';
import { ViewerMembershipsResolver } from './viewer-memberships.resolver.js';

@Module({
  imports: [TerritoryModule, IdentityModule],
  providers: [
    GovernmentUnitsRepository,
    GovernmentUnitsService,
    GovernmentUnitsLoaders,
    GovernmentUnitsResolver,
    UnitMembershipResolver,
    ViewerMembershipsResolver,
    { provide: UnitAccess, useClass: UnitAccessService },
  ],
  exports: [GovernmentUnitsService, GovernmentUnitsLoaders, UnitAccess],
})
export class GovernmentUnitsModule {}
