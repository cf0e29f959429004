import { Module } from '@nestjs/common';
import { CatalogController } from './catalog/catalog.controller.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { CatalogService } from './catalog/catalog.service.js';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataRepository } from './open-data.repository.js';
import { OpenDataService } from './open-data.service.js';

/** Bulk open-data downloads and their DCAT-AP catalogue (issues #8, #20); reads the other features' tables, read-only. */
@Module({
  controllers: [OpenDataController, CatalogController],
  providers: [OpenDataRepository, OpenDataService, CatalogRepository, CatalogService],
})
export class OpenDataModule {}
