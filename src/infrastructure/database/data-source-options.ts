import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** One definition of how we talk to PostgreSQL, shared by the app, the CLI and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Every transaction relies on READ COMMITTED (each statement sees what committed before it): fixed per
    // connection, whatever the server's default, so BEGIN needs no SET TRANSACTION round trip (issue #17).
    extra: {
      max: 20,
      application_name: 'retos-publicos',
      options: String.raw`-c default_transaction_isolation=read\ committed`,
    },
  };
}
