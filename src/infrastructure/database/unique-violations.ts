import { DomainError, ErrorReason } from '../../common/domain-error.js';
import { driverError } from './driver-error.js';

interface UniqueViolation {
  reason?: ErrorReason;
  message: string;
  field?: string;
}

/** Unique constraints that a concurrent request can hit, with what to tell the client. Features register theirs. */
const byConstraint = new Map<string, UniqueViolation>();

export function registerUniqueViolation(constraint: string, violation: UniqueViolation): void {
  byConstraint.set(constraint, violation);
}

/** Maps a PostgreSQL unique violation (SQLSTATE 23505) on a known constraint to its domain error. */
export function uniqueViolationError(error: unknown): DomainError | null {
  const { code, constraint } = driverError(error);
  if (code !== '23505') return null;
  const known = constraint ? byConstraint.get(constraint) : undefined;
  if (!known) return DomainError.conflict('El registro ya existe.');
  return known.field
    ? new DomainError('CONFLICT', known.message, known.reason, [{ path: known.field, message: known.message }])
    : DomainError.conflict(known.message, known.reason);
}
