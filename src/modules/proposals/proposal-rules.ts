import type { FieldProblem } from '../../common/domain-error.js';
import { formatCentavos } from '../../common/money.js';
import type { ChallengeStatus, RoundState } from '../challenges/round-lifecycle.js';
import { isAcceptingActions, roundStatusAt } from '../challenges/round-lifecycle.js';
import type { ProposalStatus } from './proposal.entity.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** The proposal rules of RULES §4 that do not need the database. Pure: `now` is always given. */

export const MAX_CO_AUTHORS = 5;

/** Statuses whose content the public no longer sees (title and moderation reason stay). */
export const MODERATED_STATUSES: readonly ProposalStatus[] = ['HIDDEN', 'INELIGIBLE'];

export type SubmissionRound = Pick<RoundState, 'status' | 'opensAt' | 'closesAt'>;

/**
 * Drafts may be started and texts edited from publication until the SUBMISSION round closes,
 * by its dates (closesAt passed) or by its status (closeRoundNow), whichever comes first.
 */
export function acceptsDrafts(challengeStatus: ChallengeStatus, submission: SubmissionRound, now: Date): boolean {
  return challengeStatus === 'PUBLISHED' && roundStatusAt(submission, now) !== 'CLOSED';
}

/** Submitting needs the SUBMISSION round open by its dates: opensAt ≤ now < closesAt, and not closed early. */
export function acceptsSubmissions(challengeStatus: ChallengeStatus, submission: SubmissionRound, now: Date): boolean {
  return challengeStatus === 'PUBLISHED' && isAcceptingActions(submission, now);
}

/** Texts can change while a draft or a submitted proposal is still being written; moderated or withdrawn ones are settled. */
export function isEditableStatus(status: ProposalStatus): boolean {
  return status === 'DRAFT' || status === 'SUBMITTED';
}

/** The author may withdraw a draft or a proposal in the running, until the challenge is FINISHED. */
export function canWithdraw(status: ProposalStatus, challengeStatus: ChallengeStatus): boolean {
  return (status === 'DRAFT' || status === 'SUBMITTED') && challengeStatus !== 'FINISHED';
}

export interface ProposalReader {
  /** The viewer is the author or a co-author. */
  isAuthor: boolean;
  /** Platform MODERATOR or ADMIN, or a member (ADMIN/EDITOR) of the unit running the challenge. */
  isModeratorOrStaff: boolean;
}

/**
 * Who sees a proposal at all: once submitted, everybody (withdrawn, hidden and ineligible ones
 * included, so the record stays public); before that, only its authors. Unit staff and moderators
 * do not read other people's drafts.
 */
export function canSeeProposal(proposal: { submittedAt: Date | null }, reader: ProposalReader): boolean {
  return wasEverSubmitted(proposal) || reader.isAuthor;
}

/** Whether the summary, body, links, location and cost are shown, or blanked because of moderation. */
export function canSeeContent(proposal: { status: ProposalStatus }, reader: ProposalReader): boolean {
  return !MODERATED_STATUSES.includes(proposal.status) || reader.isAuthor || reader.isModeratorOrStaff;
}

/**
 * estimatedCost: when given, 0 < cost ≤ budget (when the challenge has one). `required` on submitting
 * to a BUDGET challenge. Amounts in centavos.
 */
export function costProblem(cost: bigint | null, budget: bigint | null, required: boolean): FieldProblem | null {
  if (cost === null) {
    return required
      ? { path: 'estimatedCost', message: 'En un presupuesto participativo, la propuesta necesita un costo estimado.' }
      : null;
  }
  if (cost <= 0n) return { path: 'estimatedCost', message: 'El costo estimado debe ser mayor que cero.' };
  if (budget !== null && cost > budget) {
    return {
      path: 'estimatedCost',
      message: `El costo estimado no puede superar el presupuesto del reto (${formatCentavos(budget)} MXN).`,
    };
  }
  return null;
}
