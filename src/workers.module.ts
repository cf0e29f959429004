import { Module } from '@nestjs/common';
import { featureModules } from './features.js';

/** The BullMQ processors of every feature; loaded by the worker process, and by the API when WORKERS_IN_PROCESS. */
@Module({ imports: [...featureModules], providers: [] })
export class WorkersModule {}
