import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn } from '../../infrastructure/auth/access.js';
import { ChecksAccountInWrite } from '../../infrastructure/graphql/account-checked-in-write.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ProposalModel } from '../proposals/dto/proposal.model.js';
import { RoundModel } from '../challenges/dto/round.model.js';
import { BudgetBallotModel } from './dto/budget-ballot.model.js';
import { TallyEntryModel } from './dto/tally-entry.model.js';
import { VoteModel } from './dto/vote.model.js';
import { VotingLoadersProvider } from './voting.loaders.js';
import { VotingService } from './voting.service.js';

@Resolver(() => VoteModel)
export class VotingResolver {
  constructor(
    private readonly voting: VotingService,
    private readonly loaders: VotingLoadersProvider,
  ) {}

  @Mutation(() => VoteModel, {
    description:
      'Vota por una propuesta en la ronda de votación abierta (SINGLE: un voto; MULTIPLE: hasta maxVotesPerVoter, uno por propuesta).',
  })
  @SignedIn()
  @ChecksAccountInWrite()
  castVote(
    @Args('proposalId', { type: () => ID, description: 'La propuesta por la que se vota.' }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.voting.castVote(viewer, proposalId);
  }

  @Mutation(() => Boolean, {
    description: 'Retira tu voto por una propuesta mientras la ronda siga abierta; false si no tenías voto por ella.',
  })
  @SignedIn()
  @ChecksAccountInWrite()
  retractVote(
    @Args('proposalId', { type: () => ID, description: 'La propuesta cuyo voto se retira.' }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.voting.retractVote(viewer, proposalId);
  }

  @Mutation(() => BudgetBallotModel, {
    description:
      'Presupuesto participativo: reemplaza tu boleta completa por estas propuestas; su costo total no puede pasar de voterBudget (si lo hay) y su número debe estar entre minProjectsPerBallot y maxProjectsPerBallot (si los hay). Una lista vacía también cuenta como boleta.',
  })
  @SignedIn()
  @ChecksAccountInWrite()
  submitBudgetBallot(
    @Args('challengeId', { type: () => ID, description: 'El reto de presupuesto participativo.' }) challengeId: string,
    @Args('proposalIds', { type: () => [ID], description: 'Las propuestas aprobadas (la boleta completa).' })
    proposalIds: string[],
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.voting.submitBudgetBallot(viewer, challengeId, proposalIds);
  }

  @Query(() => BudgetBallotModel, {
    nullable: true,
    description: 'Tu boleta en la ronda de presupuesto abierta o en la última.',
  })
  @SignedIn()
  myBudgetBallot(
    @Args('challengeId', { type: () => ID, description: 'El reto de presupuesto participativo.' }) challengeId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.voting.myBudgetBallot(viewer, challengeId);
  }

  @ResolveField(() => ProposalModel, { description: 'La propuesta votada.' })
  proposal(@Parent() vote: VoteModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).proposal.load(vote.proposalId);
  }

  @ResolveField(() => RoundModel, { description: 'La ronda del voto.' })
  round(@Parent() vote: VoteModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).round.load(vote.roundId);
  }
}

@Resolver(() => BudgetBallotModel)
export class BudgetBallotFieldsResolver {
  constructor(private readonly loaders: VotingLoadersProvider) {}

  @ResolveField(() => RoundModel, { description: 'La ronda de la boleta.' })
  round(@Parent() ballot: BudgetBallotModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).round.load(ballot.roundId);
  }

  @ResolveField(() => [ProposalModel], { description: 'Las propuestas aprobadas.' })
  async proposals(@Parent() ballot: BudgetBallotModel, @Context() ctx: GraphqlContext) {
    const proposals = await this.loaders.for(ctx).proposal.loadMany(ballot.proposalIds);
    return proposals.filter((p) => p && !(p instanceof Error));
  }
}

@Resolver(() => TallyEntryModel)
export class TallyEntryFieldsResolver {
  constructor(private readonly loaders: VotingLoadersProvider) {}

  @ResolveField(() => ProposalModel, { description: 'La propuesta contada.' })
  proposal(@Parent() entry: TallyEntryModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).proposal.load(entry.proposalId);
  }
}
