import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { offsetAfter } from '../../common/pagination.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { GovernmentUnitModel } from '../government-units/dto/government-unit.model.js';
import { ChallengeConnection } from './challenges.resolver.js';
import { ChallengesService } from './challenges.service.js';
import { ChallengesArgs } from './dto/challenge-filter.inputs.js';

@Resolver(() => GovernmentUnitModel)
export class UnitChallengesResolver {
  constructor(private readonly service: ChallengesService) {}

  @ResolveField(() => ChallengeConnection, { description: 'Retos de la unidad, más recientes primero.' })
  challenges(@Parent() unit: GovernmentUnitModel, @Args() args: ChallengesArgs, @Context() ctx: GraphqlContext) {
    return this.service.list(ctx.viewer, { ...args.filter, unitId: unit.id }, 'NEWEST', {
      first: args.first,
      offset: offsetAfter(args.after),
    });
  }
}
