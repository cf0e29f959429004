import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Proposal } from './proposal.entity.js';

export type ExtendedProposalOrder = 'MOST_VOTED' | 'RANK';

/**
 * Adds the ORDER BY terms (and any joins) of one order to a query over `proposals p` of one challenge.
 * The list appends its own tie-breakers (newest submission, then id), so the order is always total.
 */
export type ProposalOrdering = (qb: SelectQueryBuilder<Proposal>, context: { challengeId: string }) => void;

/** Narrows a query over `proposals p` (adds its WHERE terms). */
export type ProposalFilter = (qb: SelectQueryBuilder<Proposal>) => void;

/** Turns an empty query builder into a query selecting `(challenge_id, user_id)` of people who took part. */
export type ParticipantSource = (qb: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>;

/**
 * Port through which the voting feature (later in the module order; bound in src/ports.module.ts, and the
 * app does not start without it) adds to proposal lists and counts what only it knows:
 * - `ordering('MOST_VOTED' | 'RANK')`: the ORDER BY of those orders;
 * - `winners()`: the filter keeping winning proposals (`winnersOnly`);
 * - `participants()`: queries of people who took part in another way (voters), counted by
 *   Challenge.participantCount along with authors and co-authors.
 */
export abstract class ProposalListExtensions {
  abstract ordering(order: ExtendedProposalOrder): ProposalOrdering;
  abstract winners(): ProposalFilter;
  abstract participants(): readonly ParticipantSource[];
}
