import { DomainError } from '../../common/domain-error.js';
import type { RuleViolation } from '../challenges/round-lifecycle.js';

export const roundNotFound = () => DomainError.notFound('La ronda');

/**
 * ROUND_NOT_OPEN is a CONFLICT: the request is well-formed and allowed for this person, it clashes
 * with the round's state in time (like INVALID_STATE_TRANSITION), so every module uses this one.
 */
export const roundNotOpen = () =>
  DomainError.conflict('La ronda no está abierta: no acepta acciones en este momento.', 'ROUND_NOT_OPEN');

export const roundNotOpenToClose = () =>
  DomainError.conflict('Solo se puede cerrar una ronda abierta.', 'INVALID_STATE_TRANSITION');

export const challengeNotPublished = () =>
  DomainError.conflict(
    'Solo se reprograman rondas de retos publicados; un borrador se edita con updateChallenge.',
    'INVALID_STATE_TRANSITION',
  );

/** State problems (a closed round, an open round's opensAt) are CONFLICT; date problems BAD_USER_INPUT with their fields. */
export function rescheduleError(violations: RuleViolation[]): DomainError {
  const state = violations.find((v) => v.reason === 'INVALID_STATE_TRANSITION');
  if (state) return DomainError.conflict(state.message, 'INVALID_STATE_TRANSITION');
  return DomainError.badInput(
    violations.map(({ path, message }) => ({ path, message })),
    'INVALID_SCHEDULE',
  );
}
