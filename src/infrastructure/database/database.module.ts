import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { QueryCounter } from './query-counter.js';
import { Transactions } from './transactions.js';

@Global()
@Module({ providers: [QueryCounter], exports: [QueryCounter] })
class QueryCounterModule {}

@Global()
@Module({
  imports: [
    QueryCounterModule,
    TypeOrmModule.forRootAsync({
      imports: [QueryCounterModule],
      inject: [AppConfig, QueryCounter],
      useFactory: (config: AppConfig, counter: QueryCounter) => ({
        ...dataSourceOptions(config.databaseUrl),
        logger: counter,
        logging: ['query'],
      }),
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
