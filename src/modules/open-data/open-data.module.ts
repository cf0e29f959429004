import { Module } from '@nestjs/common';
import { ExportConnections } from './export-connections.js';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataRepository } from './open-data.repository.js';
import { OpenDataService } from './open-data.service.js';

/** Bulk open-data downloads and their DCAT catalog (issue #8); reads the other features' tables, read-only. */
@Module({
  controllers: [OpenDataController],
  providers: [ExportConnections, OpenDataRepository, OpenDataService],
})
export class OpenDataModule {}
