import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import type { Round } from '../challenges/round.entity.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import type { ProposalModel } from '../proposals/dto/proposal.model.js';
import { ProposalsLoaders } from '../proposals/proposals.loaders.js';
import type { RoundTally } from './round-tally.entity.js';
import type { Vote } from './vote.entity.js';
import {
  VotingRepository,
  type LiveTallyRow,
  type RoundParticipation,
  type RoundProposalKey,
} from './voting.repository.js';
import { GovernmentUnitsLoaders } from '../government-units/government-units.loaders.js';
import { groupBy } from '../../infrastructure/graphql/group-by.js';

export interface VotingLoaders {
  /** Proposals as the viewer may see them: the proposals feature's loader. */
  proposal: DataLoader<string, ProposalModel | null>;
  round: DataLoader<string, Round | null>;
  /** Stored votes (or approvals) per `${roundId}:${proposalId}`. */
  voteCount: DataLoader<string, number>;
  /** Whether the viewer voted for / approved `${roundId}:${proposalId}`. */
  viewerVoted: DataLoader<string, boolean>;
  /** The viewer's votes in a round. */
  viewerVotes: DataLoader<string, Vote[]>;
  liveTally: DataLoader<string, LiveTallyRow[]>;
  /** Voters (or ballots) and votes (or approvals) per round. */
  participation: DataLoader<string, RoundParticipation>;
  /** Whether the viewer is ADMIN or EDITOR of the challenge's unit, or a platform ADMIN. */
  viewerIsStaff: (challengeId: string) => Promise<boolean>;
  frozenTally: DataLoader<string, RoundTally[]>;
}

const key = (k: string): RoundProposalKey => {
  const [roundId, proposalId] = k.split(':');
  return { roundId, proposalId };
};

/** Per-request batching of every voting read, so lists of proposals or rounds cost one query per kind (no N+1). */
@Injectable()
export class VotingLoadersProvider extends RequestLoaders<VotingLoaders> {
  constructor(
    private readonly votes: VotingRepository,
    private readonly proposals: ProposalsLoaders,
    private readonly challenges: ChallengesLoaders,
    private readonly units: GovernmentUnitsLoaders,
  ) {
    super();
  }

  protected create(ctx: GraphqlContext): VotingLoaders {
    const viewerId = ctx.viewer?.id ?? null;
    return {
      proposal: this.proposals.for(ctx).proposal,
      round: new DataLoader(async (ids) => {
        const byId = new Map((await this.votes.roundsByIds(ids)).map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      voteCount: new DataLoader(async (keys) => {
        const counts = await this.votes.countVotes(keys.map(key));
        return keys.map((k) => counts.get(k) ?? 0);
      }),
      viewerVoted: new DataLoader(async (keys) => {
        if (!viewerId) return keys.map(() => false);
        const voted = await this.votes.votedBy(viewerId, keys.map(key));
        return keys.map((k) => voted.has(k));
      }),
      viewerVotes: new DataLoader(async (roundIds) =>
        viewerId
          ? groupBy(roundIds, await this.votes.votesOf(viewerId, roundIds), (v) => v.roundId)
          : roundIds.map(() => []),
      ),
      liveTally: new DataLoader(async (roundIds) =>
        groupBy(roundIds, await this.votes.liveTallies(roundIds), (r) => r.roundId),
      ),
      participation: new DataLoader(async (roundIds) => {
        const counts = await this.votes.participationOf(roundIds);
        return roundIds.map((id) => counts.get(id) ?? { voters: 0, votes: 0 });
      }),
      viewerIsStaff: async (challengeId) => {
        if (!ctx.viewer) return false;
        if (ctx.viewer.platformRole === 'ADMIN') return true;
        const challenge = await this.challenges.for(ctx).challenge.load(challengeId);
        if (!challenge) return false;
        const memberships = await this.units.for(ctx).membershipsOfUser.load(ctx.viewer.id);
        return memberships.some((m) => m.unitId === challenge.unitId && (m.role === 'ADMIN' || m.role === 'EDITOR'));
      },
      frozenTally: new DataLoader(async (roundIds) =>
        groupBy(roundIds, await this.votes.frozenTallies(roundIds), (r) => r.roundId),
      ),
    };
  }
}
