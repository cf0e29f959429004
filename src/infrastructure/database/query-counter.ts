import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's logger for the app: counts the SQL statements this process sends (tests use it to prove
 * there is no N+1) and leaves error reporting to the GraphQL error formatter.
 */
export class QueryCounter implements TypeOrmLogger {
  count = 0;

  logQuery(): void {
    this.count++;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
