import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { Proposal } from './proposal.entity.js';

export type ExtendedProposalOrder = 'MOST_VOTED' | 'RANK';

/**
 * Adds the ORDER BY terms (and any joins) of one order to a query over `proposals p` of one challenge.
 * The list appends its own tie-breakers (newest submission, then id), so the order is always total.
 */
export type ProposalOrdering = (qb: SelectQueryBuilder<Proposal>, context: { challengeId: string }) => void;

/**
 * Where the voting and evaluation features plug into proposal lists and counts, from their own
 * onModuleInit (they import ProposalsModule; proposals cannot import them):
 * - `setOrdering('MOST_VOTED' | 'RANK', …)`: until set, those orders fall back to NEWEST;
 * - `setWinners(sql)`: SQL selecting `proposal_id` of winning proposals; until set, `winnersOnly` lists nothing;
 * - `addParticipants(sql)`: SQL selecting `(challenge_id, user_id)` of people who took part in another
 *   way (voters, commenters), counted by Challenge.participantCount along with authors and co-authors.
 */
@Injectable()
export class ProposalListExtensions {
  private readonly orderings = new Map<ExtendedProposalOrder, ProposalOrdering>();
  private winnersSql: string | null = null;
  private readonly participantSql: string[] = [];

  setOrdering(order: ExtendedProposalOrder, ordering: ProposalOrdering): void {
    this.orderings.set(order, ordering);
  }

  ordering(order: ExtendedProposalOrder): ProposalOrdering | undefined {
    return this.orderings.get(order);
  }

  setWinners(sql: string): void {
    this.winnersSql = sql;
  }

  winners(): string | null {
    return this.winnersSql;
  }

  addParticipants(sql: string): void {
    this.participantSql.push(sql);
  }

  participants(): readonly string[] {
    return this.participantSql;
  }
}
