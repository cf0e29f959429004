import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config.js';
import { CoreModule, CoreOptions } from './core.module.js';
import { WorkersModule } from './workers.module.js';

/** The worker process: no HTTP, only the queues' processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: CoreOptions = {}): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config, options), WorkersModule] };
  }
}
