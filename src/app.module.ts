import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config.js';
import { CoreModule, CoreOptions } from './core.module.js';
import { featureModules } from './features.js';
import { GraphqlApiModule } from './infrastructure/graphql/graphql.module.js';
import { HttpModule } from './infrastructure/http/http.module.js';
import { WorkersModule } from './workers.module.js';

export interface AppOptions extends CoreOptions {
  /** Run the BullMQ workers in this process too. */
  workers: boolean;
}

/** The API process: GraphQL and HTTP endpoints, plus the workers when asked. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options),
        HttpModule,
        GraphqlApiModule,
        ...featureModules,
        ...(options.workers ? [WorkersModule] : []),
      ],
    };
  }
}
