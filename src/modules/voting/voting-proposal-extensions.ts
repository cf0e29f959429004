import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import {
  ProposalListExtensions,
  type ExtendedProposalOrder,
  type ParticipantSource,
  type ProposalFilter,
  type ProposalOrdering,
} from '../proposals/proposal-list-extensions.js';

/**
 * The stored votes (or ballot approvals) of proposal `p` in the latest VOTING round it took part in that
 * has opened, as Proposal.voteCount counts them — or 0 while that round's tally is hidden, so that the
 * order never reveals hidden counts.
 */
const VOTE_COUNT_SQL = `coalesce((
  SELECT CASE WHEN (c.settings->>'showLiveTally')::boolean IS FALSE AND r.status <> 'CLOSED' AND r.closes_at > :votingNow THEN 0
         ELSE (SELECT count(*) FROM votes v WHERE v.round_id = r.id AND v.proposal_id = p.id)
            + (SELECT count(*) FROM budget_ballot_items b WHERE b.round_id = r.id AND b.proposal_id = p.id) END
    FROM rounds r JOIN challenges c ON c.id = r.challenge_id
   WHERE r.challenge_id = p.challenge_id AND r.kind = 'VOTING' AND r.position <= p.stage AND r.opens_at <= :votingNow
   ORDER BY r.position DESC LIMIT 1), 0)`;

/** Voters, and people who handed in a budget ballot (even an empty one). */
const PARTICIPANTS: readonly ParticipantSource[] = [
  (qb) =>
    qb
      .select('r.challenge_id', 'challenge_id')
      .addSelect('v.voter_id', 'user_id')
      .from('votes', 'v')
      .innerJoin('rounds', 'r', 'r.id = v.round_id'),
  (qb) =>
    qb
      .select('r.challenge_id', 'challenge_id')
      .addSelect('b.voter_id', 'user_id')
      .from('budget_ballots', 'b')
      .innerJoin('rounds', 'r', 'r.id = b.round_id'),
];

const RANK_SQL = `(SELECT e.rank FROM result_entries e WHERE e.challenge_id = p.challenge_id AND e.proposal_id = p.id)`;

/**
 * Voting's part of proposal lists (the proposals feature's ProposalListExtensions port, bound in src/ports.module.ts):
 * - MOST_VOTED: vote count desc (as the tally: then earlier submission);
 * - RANK: published rank first (results), then as MOST_VOTED;
 * - winnersOnly: the winners of the published results;
 * - participantCount: people who voted or cast a budget ballot.
 */
@Injectable()
export class VotingProposalExtensions extends ProposalListExtensions {
  constructor(private readonly clock: Clock) {
    super();
  }

  ordering(order: ExtendedProposalOrder): ProposalOrdering {
    if (order === 'MOST_VOTED')
      return (qb) => {
        qb.addSelect(VOTE_COUNT_SQL, 'vote_key')
          .setParameter('votingNow', this.clock.now())
          .orderBy('vote_key', 'DESC')
          .addOrderBy('p.submitted_at', 'ASC', 'NULLS LAST');
      };
    return (qb) => {
      qb.addSelect(RANK_SQL, 'rank_key')
        .addSelect(VOTE_COUNT_SQL, 'vote_key')
        .setParameter('votingNow', this.clock.now())
        .orderBy('rank_key', 'ASC', 'NULLS LAST')
        .addOrderBy('vote_key', 'DESC')
        .addOrderBy('p.submitted_at', 'ASC', 'NULLS LAST');
    };
  }

  winners(): ProposalFilter {
    return (qb) => {
      qb.andWhere('p.id IN (SELECT e.proposal_id FROM result_entries e WHERE e.is_winner)');
    };
  }

  participants(): readonly ParticipantSource[] {
    return PARTICIPANTS;
  }
}
