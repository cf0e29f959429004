/** A PostgreSQL error's SQLSTATE and constraint, as TypeORM wraps them; empty for anything else. */
export function driverError(error: unknown): { code?: string; constraint?: string } {
  return (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ?? {};
}
