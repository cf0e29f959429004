import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './common/clock.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { OutboxModule } from './infrastructure/outbox/outbox.module.js';
import { QueueModule } from './infrastructure/queue/queue.module.js';
import { RedisModule } from './infrastructure/redis/redis.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ViewerAuthenticator } from './infrastructure/graphql/viewer-authenticator.js';
import { MailModule } from './infrastructure/mail/mail.module.js';
import { DataSource } from 'typeorm';
import { AccessTokens } from './modules/identity/access-tokens.js';
import { TokenViewerAuthenticator } from './modules/identity/token-viewer-authenticator.js';
import { UniqueViolations } from './infrastructure/database/unique-violations.js';
import { uniqueViolations } from './unique-violations.js';

export interface CoreOptions {
  /** Replaces the system clock (tests). */
  clock?: Clock;
}

/** What both the API and the workers stand on: configuration, clock, PostgreSQL, Redis, queues, audit and outbox. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        QueueModule,
        AuditModule,
        OutboxModule,
        MailModule,
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: UniqueViolations, useValue: uniqueViolations },
        {
          provide: ViewerAuthenticator,
          inject: [AppConfig, Clock, DataSource],
          useFactory: (config: AppConfig, clock: Clock, dataSource: DataSource) =>
            new TokenViewerAuthenticator(new AccessTokens(config, clock), dataSource),
        },
      ],
      exports: [Clock, ViewerAuthenticator, UniqueViolations],
    };
  }
}
