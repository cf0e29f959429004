import { Module } from '@nestjs/common';
import { TerritoryRepository } from './territory.repository.js';
import { MunicipalitiesResolver, StatesResolver } from './territory.resolver.js';
import { TerritoryService } from './territory.service.js';

@Module({
  providers: [TerritoryRepository, TerritoryService, StatesResolver, MunicipalitiesResolver],
  exports: [TerritoryService],
})
export class TerritoryModule {}
