import { DomainError } from '../../common/domain-error.js';
import type { UniqueViolationTable } from '../../infrastructure/database/unique-violations.js';
import type { ParticipationRefusal } from '../proposals/participation-eligibility.js';

/**
 * Voting refusals (RULES §5) and their codes:
 * - FORBIDDEN: who may vote (EMAIL_NOT_VERIFIED, CURP_REQUIRED, NOT_RESIDENT, JUROR_CONFLICT), as for proposing (§4).
 * - CONFLICT: the request clashes with the state of the round or of the voter's earlier votes
 *   (ROUND_NOT_OPEN, PHASE_MISMATCH, PROPOSAL_NOT_IN_RUNNING, ALREADY_VOTED, VOTE_LIMIT_REACHED).
 * - BAD_USER_INPUT on field proposalIds: a ballot over the voter budget (BUDGET_EXCEEDED), shorter or longer
 *   than the ballot length limits (BALLOT_TOO_SHORT, BALLOT_TOO_LONG) or with repeated proposals.
 */
const propuestas = (n: number) => `${n} ${n === 1 ? 'propuesta' : 'propuestas'}`;

export const VotingErrors = {
  proposalNotFound: () => DomainError.notFound('La propuesta'),
  challengeNotFound: () => DomainError.notFound('El reto'),
  notEligible: (refusal: ParticipationRefusal) => DomainError.forbidden(refusal.message, refusal.reason),
  phaseMismatch: () =>
    DomainError.conflict('Este reto se vota con boletas de presupuesto: usa submitBudgetBallot.', 'PHASE_MISMATCH'),
  notBudgetRound: () =>
    DomainError.conflict('Este reto no es de presupuesto participativo: vota con castVote.', 'PHASE_MISMATCH'),
  notInRunning: () =>
    DomainError.conflict(
      'Esta propuesta no está en competencia en la ronda de votación abierta.',
      'PROPOSAL_NOT_IN_RUNNING',
    ),
  alreadyVoted: (single: boolean) =>
    DomainError.conflict(
      single
        ? 'Ya votaste en esta ronda: solo se permite un voto por persona.'
        : 'Ya votaste por esta propuesta en esta ronda.',
      'ALREADY_VOTED',
    ),
  limitReached: (allowed: number) =>
    DomainError.conflict(
      `Ya usaste tus ${allowed} votos de esta ronda; retira uno para votar por otra propuesta.`,
      'VOTE_LIMIT_REACHED',
    ),
  budgetExceeded: (total: string, voterBudget: string) =>
    DomainError.field(
      'proposalIds',
      `El costo total de tu boleta (${total}) supera tu presupuesto de ${voterBudget}.`,
      'BUDGET_EXCEEDED',
    ),
  ballotTooShort: (count: number, min: number) =>
    DomainError.field(
      'proposalIds',
      `Tu boleta tiene ${propuestas(count)}; debe tener al menos ${propuestas(min)} (o ninguna).`,
      'BALLOT_TOO_SHORT',
    ),
  ballotTooLong: (count: number, max: number) =>
    DomainError.field(
      'proposalIds',
      `Tu boleta tiene ${propuestas(count)}; puede tener como mucho ${propuestas(max)}.`,
      'BALLOT_TOO_LONG',
    ),
  repeatedProposal: () => DomainError.field('proposalIds', 'Cada propuesta puede aparecer una sola vez en la boleta.'),
  tooManyProposals: (max: number) =>
    DomainError.field('proposalIds', `Una boleta admite como mucho ${max} propuestas.`),
};

export const votingUniqueViolations: UniqueViolationTable = {
  votes_one_per_proposal: { reason: 'ALREADY_VOTED', message: 'Ya votaste por esta propuesta en esta ronda.' },
};
