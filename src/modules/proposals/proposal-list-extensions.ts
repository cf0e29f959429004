import type { SelectQueryBuilder } from 'typeorm';
import type { Proposal } from './proposal.entity.js';

export type ExtendedProposalOrder = 'MOST_VOTED' | 'RANK';

/**
 * Adds the ORDER BY terms (and any joins) of one order to a query over `proposals p` of one challenge.
 * The list appends its own tie-breakers (newest submission, then id), so the order is always total.
 */
export type ProposalOrdering = (qb: SelectQueryBuilder<Proposal>, context: { challengeId: string }) => void;

/**
 * Port through which the voting feature (later in the module order; bound in src/ports.module.ts, and the
 * app does not start without it) adds to proposal lists and counts what only it knows:
 * - `ordering('MOST_VOTED' | 'RANK')`: the ORDER BY of those orders;
 * - `winners()`: SQL selecting `proposal_id` of winning proposals (`winnersOnly`);
 * - `participants()`: SQL selecting `(challenge_id, user_id)` of people who took part in another way
 *   (voters), counted by Challenge.participantCount along with authors and co-authors.
 */
export abstract class ProposalListExtensions {
  abstract ordering(order: ExtendedProposalOrder): ProposalOrdering;
  abstract winners(): string;
  abstract participants(): readonly string[];
}
