import { DomainError } from '../../common/domain-error.js';
import type { UniqueViolationTable } from '../../infrastructure/database/unique-violations.js';

/**
 * Jury refusals (RULES §6) and their codes:
 * - FORBIDDEN: the viewer is not the right person for this proposal (NOT_ASSIGNED, CONFLICT_OF_INTEREST).
 * - CONFLICT: the request clashes with the state of the challenge or its rounds (ROUND_NOT_OPEN,
 *   INVALID_STATE_TRANSITION), or — adding a juror — with what that person already did in the challenge
 *   (JUROR_CONFLICT: they signed a proposal or voted there), or the person already sits on the jury.
 * - BAD_USER_INPUT: scores (`scores.N.score`, `scores.N.criterionId`, `scores`), unknown e-mail (`email`).
 */
export const EvaluationErrors = {
  challengeNotFound: () => DomainError.notFound('El reto'),
  proposalNotFound: () => DomainError.notFound('La propuesta'),
  jurorNotFound: () => DomainError.notFound('Esa persona del jurado'),
  unknownEmail: () => DomainError.field('email', 'No existe una cuenta con ese correo.'),
  noEvaluationRound: () =>
    DomainError.conflict('Este reto no tiene ronda de evaluación: no lleva jurado.', 'INVALID_STATE_TRANSITION'),
  juryClosed: () =>
    DomainError.conflict('La evaluación de este reto ya terminó: el jurado ya no cambia.', 'INVALID_STATE_TRANSITION'),
  alreadyJuror: () => DomainError.conflict('Esa persona ya forma parte del jurado de este reto.'),
  participated: () =>
    DomainError.conflict(
      'Esa persona ya firmó una propuesta o votó en este reto, así que no puede formar parte de su jurado.',
      'JUROR_CONFLICT',
    ),
  notJuror: () => DomainError.forbidden('No formas parte del jurado de este reto.', 'NOT_ASSIGNED'),
  notAssigned: () =>
    DomainError.forbidden('Esta propuesta no te fue asignada para evaluar en la ronda abierta.', 'NOT_ASSIGNED'),
  conflictOfInterest: () =>
    DomainError.forbidden(
      'Declaraste un conflicto de interés con esta propuesta: no puedes evaluarla.',
      'CONFLICT_OF_INTEREST',
    ),
  evaluationOver: () =>
    DomainError.conflict('La evaluación de este reto ya cerró: ya no se declaran conflictos.', 'ROUND_NOT_OPEN'),
};

export const evaluationUniqueViolations: UniqueViolationTable = {
  jury_members_one_per_challenge: { message: 'Esa persona ya forma parte del jurado de este reto.' },
};
