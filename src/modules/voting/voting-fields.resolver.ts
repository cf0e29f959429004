import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../../common/clock.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { ProposalModel } from '../proposals/dto/proposal.model.js';
import { RoundModel } from '../challenges/dto/round.model.js';
import { TallyEntryModel } from './dto/tally-entry.model.js';
import { VoteModel } from './dto/vote.model.js';
import { rankTally } from './tally.js';
import { VotingLoadersProvider } from './voting.loaders.js';
import {
  currentOrLastVotingRound,
  isParticipationVisible,
  isTallyHidden,
  openVotingRound,
  proposalVotingRound,
  voteAllowance,
} from './voting-rules.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/**
 * Round.tally: public, frozen once the round closed; null for everyone while hidden (RULES §5).
 * Round.voterCount / voteTotal: how many took part, public when the tally is, and for the unit's staff always.
 */
@Resolver(() => RoundModel)
export class RoundTallyResolver {
  constructor(
    private readonly loaders: VotingLoadersProvider,
    private readonly challenges: ChallengesLoaders,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => [TallyEntryModel], {
    nullable: true,
    description: 'VOTING rounds: null while the round is open and live tallies are hidden.',
  })
  async tally(@Parent() round: RoundModel, @Context() ctx: GraphqlContext): Promise<TallyEntryModel[] | null> {
    if (round.kind !== 'VOTING') return null;
    const challenge = await this.challenges.for(ctx).challenge.load(round.challengeId);
    if (!challenge || isTallyHidden(round, challenge.settings.showLiveTally, this.clock.now())) return null;
    const loaders = this.loaders.for(ctx);
    if (round.status === 'CLOSED') {
      return (await loaders.frozenTally.load(round.id)).map(({ proposalId, votes, rank, share }) => ({
        proposalId,
        votes,
        rank,
        share,
      }));
    }
    const live = await loaders.liveTally.load(round.id);
    return rankTally(
      live.map((row) => ({ proposalId: row.proposalId, votes: row.votes, submittedAt: row.submittedAt.getTime() })),
    );
  }

  private async participation(round: RoundModel, ctx: GraphqlContext) {
    if (round.kind !== 'VOTING') return null;
    const loaders = this.loaders.for(ctx);
    const [challenge, staff] = await Promise.all([
      this.challenges.for(ctx).challenge.load(round.challengeId),
      loaders.viewerIsStaff(round.challengeId),
    ]);
    if (!challenge || !isParticipationVisible(round, challenge.settings.showLiveTally, staff, this.clock.now()))
      return null;
    return loaders.participation.load(round.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'VOTING rounds: how many took part — distinct voters (SINGLE/MULTIPLE) or ballots submitted, empty ones included (BUDGET). Null for other rounds, and while the tally is hidden, except for the unit ADMIN/EDITOR and platform ADMINs.',
  })
  async voterCount(@Parent() round: RoundModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.participation(round, ctx))?.voters ?? null;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'VOTING rounds: votes stored (SINGLE/MULTIPLE) or approvals over all ballots (BUDGET). Null exactly when voterCount is.',
  })
  async voteTotal(@Parent() round: RoundModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.participation(round, ctx))?.votes ?? null;
  }
}

/** The voting fields of Proposal: public counts (unless hidden) and the viewer's own vote. */
@Resolver(() => ProposalModel)
export class ProposalVotingFieldsResolver {
  constructor(
    private readonly loaders: VotingLoadersProvider,
    private readonly challenges: ChallengesLoaders,
    private readonly clock: Clock,
  ) {}

  /** The voting round the proposal's counts refer to, and whether they are hidden now. */
  private async votingRound(proposal: ProposalModel, ctx: GraphqlContext) {
    const challengeLoaders = this.challenges.for(ctx);
    const [challenge, rounds] = await Promise.all([
      challengeLoaders.challenge.load(proposal.challengeId),
      challengeLoaders.rounds.load(proposal.challengeId),
    ]);
    if (!challenge) return null;
    const now = this.clock.now();
    const round = proposalVotingRound(rounds, proposal.stage, now);
    const upcoming = rounds.find((r) => r.kind === 'VOTING' && r.position >= proposal.stage);
    const hidden = (r: typeof round) => !r || isTallyHidden(r, challenge.settings.showLiveTally, now);
    return { round, noneYet: !round && !!upcoming && !hidden(upcoming), hidden: hidden(round) };
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Null while the tally is hidden. Votos guardados (o aprobaciones) en la última ronda de votación en la que participó; 0 antes de su primera ronda de votación.',
  })
  async voteCount(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    if (!wasEverSubmitted(proposal)) return null;
    const found = await this.votingRound(proposal, ctx);
    if (!found) return null;
    if (!found.round) return found.noneYet ? 0 : null;
    if (found.hidden) return null;
    return this.loaders.for(ctx).voteCount.load(`${found.round.id}:${proposal.id}`);
  }

  @ResolveField(() => Boolean, {
    description:
      'Si quien consulta votó por esta propuesta (o la aprobó en su boleta) en esa ronda. Solo lo ve cada votante.',
  })
  async viewerHasVoted(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<boolean> {
    if (!ctx.viewer || !wasEverSubmitted(proposal)) return false;
    const found = await this.votingRound(proposal, ctx);
    if (!found?.round) return false;
    return this.loaders.for(ctx).viewerVoted.load(`${found.round.id}:${proposal.id}`);
  }
}

/** The voting fields of Challenge: the viewer's own votes. */
@Resolver(() => ChallengeModel)
export class ChallengeVotingFieldsResolver {
  constructor(
    private readonly loaders: VotingLoadersProvider,
    private readonly challenges: ChallengesLoaders,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => [VoteModel], {
    description:
      "The viewer's own votes in this challenge's open or last voting round. Empty for anonymous viewers and in BUDGET challenges (see myBudgetBallot).",
  })
  async viewerVotes(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext): Promise<VoteModel[]> {
    if (!ctx.viewer || challenge.settings.votingMethod === 'BUDGET') return [];
    const round = currentOrLastVotingRound(await this.challenges.for(ctx).rounds.load(challenge.id), this.clock.now());
    return round ? this.loaders.for(ctx).viewerVotes.load(round.id) : [];
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Votos que le quedan a quien consulta en la ronda de votación abierta; null sin sesión, sin ronda abierta o en presupuesto participativo.',
  })
  async viewerRemainingVotes(
    @Parent() challenge: ChallengeModel,
    @Context() ctx: GraphqlContext,
  ): Promise<number | null> {
    const allowance = voteAllowance(challenge.settings);
    if (!ctx.viewer || allowance === null || challenge.status !== 'PUBLISHED') return null;
    const round = openVotingRound(await this.challenges.for(ctx).rounds.load(challenge.id), this.clock.now());
    if (!round) return null;
    return Math.max(0, allowance - (await this.loaders.for(ctx).viewerVotes.load(round.id)).length);
  }
}
