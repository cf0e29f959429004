/**
 * A fixed SQL text that PostgreSQL parses and plans once per connection, then only binds and executes: a named
 * prepared statement. For the statements of every vote and every request (issue #17): planning them was most of
 * PostgreSQL's CPU (pgbench: voting's read of a proposal's challenge and rounds 1 667/s planned each time, 9 213/s
 * prepared). The text must never vary (values go in `$n` parameters) and each name must be unique.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

interface Queryable {
  query(query: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs a prepared statement on a DataSource, EntityManager or transaction: TypeORM hands the query to pg as it is. */
export function runPrepared<Row>(on: Queryable, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  return on.query(statement as unknown as string, values) as Promise<Row[]>;
}
