import { Context, Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { EvaluationCriterionModel } from '../challenges/dto/evaluation-criterion.model.js';
import { ProposalModel } from '../proposals/dto/proposal.model.js';
import { ChallengeResultsModel, CriterionAverageModel, ResultEntryModel } from './dto/challenge-results.model.js';
import { ResultsLoadersProvider } from './results.loaders.js';

/** Challenge.results: the published results, once the challenge is FINISHED. */
@Resolver(() => ChallengeModel)
export class ChallengeResultsResolver {
  constructor(private readonly loaders: ResultsLoadersProvider) {}

  @ResolveField(() => ChallengeResultsModel, { nullable: true, description: 'Null until the challenge is FINISHED.' })
  async results(
    @Parent() challenge: ChallengeModel,
    @Context() ctx: GraphqlContext,
  ): Promise<ChallengeResultsModel | null> {
    if (challenge.status !== 'FINISHED') return null;
    return this.loaders.for(ctx).results.load(challenge.id);
  }
}

/** The published rank, win and jury score of a Proposal. */
@Resolver(() => ProposalModel)
export class ProposalResultsFieldsResolver {
  constructor(private readonly loaders: ResultsLoadersProvider) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Lugar en los resultados publicados; null hasta entonces o si no llegó a la ronda final.',
  })
  async rank(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.loaders.for(ctx).entryOfProposal.load(proposal.id))?.rank ?? null;
  }

  @ResolveField(() => Boolean, {
    description: 'Si ganó (presupuesto participativo: si se financia), según los resultados publicados.',
  })
  async isWinner(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<boolean> {
    return (await this.loaders.for(ctx).entryOfProposal.load(proposal.id))?.isWinner ?? false;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: '0..100; null until results are published (or when the proposal had no jury score).',
  })
  async juryScore(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.loaders.for(ctx).entryOfProposal.load(proposal.id))?.juryScore ?? null;
  }
}

@Resolver(() => ChallengeResultsModel)
export class ChallengeResultsFieldsResolver {
  constructor(private readonly loaders: ResultsLoadersProvider) {}

  @ResolveField(() => [ResultEntryModel], { description: 'Clasificación final, del primer lugar al último.' })
  entries(@Parent() results: ChallengeResultsModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).entries.load(results.challengeId);
  }

  @ResolveField(() => [ProposalModel], {
    description: 'Las propuestas ganadoras (presupuesto participativo: las financiadas), en orden.',
  })
  async winners(@Parent() results: ChallengeResultsModel, @Context() ctx: GraphqlContext) {
    const loaders = this.loaders.for(ctx);
    const winners = (await loaders.entries.load(results.challengeId)).filter((e) => e.isWinner);
    return (await loaders.proposal.loadMany(winners.map((e) => e.proposalId))).filter(
      (p) => p && !(p instanceof Error),
    );
  }
}

@Resolver(() => ResultEntryModel)
export class ResultEntryFieldsResolver {
  constructor(
    private readonly loaders: ResultsLoadersProvider,
    private readonly challenges: ChallengesLoaders,
  ) {}

  @ResolveField(() => ProposalModel, { description: 'La propuesta.' })
  proposal(@Parent() entry: ResultEntryModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).proposal.load(entry.proposalId);
  }

  @ResolveField(() => [CriterionAverageModel], {
    description: 'Promedio por criterio de evaluación; vacío si no hubo jurado.',
  })
  async criterionAverages(@Parent() entry: ResultEntryModel, @Context() ctx: GraphqlContext) {
    if (!entry.criterionAverages.length) return [];
    const criteria = new Map((await this.challenges.for(ctx).criteria.load(entry.challengeId)).map((c) => [c.id, c]));
    return entry.criterionAverages
      .filter((a) => criteria.has(a.criterionId))
      .map((a) => ({ ...a, criterion: criteria.get(a.criterionId) }));
  }
}

@Resolver(() => CriterionAverageModel)
export class CriterionAverageFieldsResolver {
  @ResolveField(() => EvaluationCriterionModel, { description: 'El criterio.' })
  criterion(@Parent() average: CriterionAverageModel & { criterion: EvaluationCriterionModel }) {
    return average.criterion;
  }
}
