import { DomainError, ErrorReason } from '../../common/domain-error.js';
import { driverError } from './driver-error.js';

export interface UniqueViolation {
  reason?: ErrorReason;
  message: string;
  field?: string;
}

/** Unique constraints (or unique indexes) of one feature that a concurrent request can hit, with what to tell the client. */
export type UniqueViolationTable = Readonly<Record<string, UniqueViolation>>;

/** Every feature's table, merged once at the composition root (src/unique-violations.ts) and handed to the error formatter. */
export class UniqueViolations {
  constructor(readonly table: UniqueViolationTable) {}

  /** Maps a PostgreSQL unique violation (SQLSTATE 23505) on a known constraint to its domain error. */
  errorFor(error: unknown): DomainError | null {
    const { code, constraint } = driverError(error);
    if (code !== '23505') return null;
    const known = constraint && Object.hasOwn(this.table, constraint) ? this.table[constraint] : undefined;
    if (!known) return DomainError.conflict('El registro ya existe.');
    return DomainError.conflict(known.message, known.reason, known.field);
  }
}
