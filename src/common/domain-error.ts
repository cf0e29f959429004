/** The error codes of RULES §0 and the reasons of RULES §10. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export type ErrorReason =
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_NOT_VERIFIED'
  | 'INVALID_TOKEN'
  | 'TOKEN_REUSED'
  | 'INVALID_CURP'
  | 'CURP_TAKEN'
  | 'CURP_REQUIRED'
  | 'NOT_RESIDENT'
  | 'JUROR_CONFLICT'
  | 'INVALID_SCHEDULE'
  | 'INVALID_STATE_TRANSITION'
  | 'ROUND_NOT_OPEN'
  | 'PHASE_MISMATCH'
  | 'PROPOSAL_NOT_IN_RUNNING'
  | 'ALREADY_VOTED'
  | 'VOTE_LIMIT_REACHED'
  | 'BUDGET_EXCEEDED'
  | 'BALLOT_TOO_SHORT'
  | 'BALLOT_TOO_LONG'
  | 'NOT_ASSIGNED'
  | 'CONFLICT_OF_INTEREST';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A refusal the client can act on: code and reason from the contract, message in Spanish. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} no existe.`);
  }

  static forbidden(message = 'No tienes permiso para hacer esto.', reason?: ErrorReason): DomainError {
    return new DomainError('FORBIDDEN', message, reason);
  }

  static unauthenticated(): DomainError {
    return new DomainError('UNAUTHENTICATED', 'Inicia sesión para continuar.');
  }

  /** A clash with stored state; `field` names the input it concerns, so a form can show it there. */
  static conflict(message: string, reason?: ErrorReason, field?: string): DomainError {
    return new DomainError('CONFLICT', message, reason, field ? [{ path: field, message }] : undefined);
  }

  static badInput(fields: FieldProblem[], reason?: ErrorReason): DomainError {
    const message = fields.length === 1 ? fields[0].message : 'Hay datos inválidos en la solicitud.';
    return new DomainError('BAD_USER_INPUT', message, reason, fields);
  }

  static field(path: string, message: string, reason?: ErrorReason): DomainError {
    return DomainError.badInput([{ path, message }], reason);
  }
}
