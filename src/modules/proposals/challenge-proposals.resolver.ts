import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { ProposalListArgs } from './dto/proposal-list.args.js';
import { ProposalModel } from './dto/proposal.model.js';
import { ProposalsLoaders } from './proposals.loaders.js';
import { ProposalsService } from './proposals.service.js';

export const ProposalConnection = ConnectionType(ProposalModel, 'Proposal');

/** The proposal fields of Challenge. */
@Resolver(() => ChallengeModel)
export class ChallengeProposalsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly loaders: ProposalsLoaders,
  ) {}

  @ResolveField(() => ProposalConnection, {
    description: 'Propuestas del reto (por omisión, solo las enviadas). Ver ProposalFilter y ProposalOrder.',
  })
  async proposals(@Parent() challenge: ChallengeModel, @Args() args: ProposalListArgs, @Context() ctx: GraphqlContext) {
    const audience = await this.loaders.for(ctx).audience();
    return this.service.list(audience, challenge, args.filter ?? {}, args.orderBy, {
      first: args.first,
      after: args.after,
    });
  }

  @ResolveField(() => Int, { description: 'Submitted, visible proposals.' })
  proposalCount(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).proposalCount.load(challenge.id);
  }

  @ResolveField(() => Int, {
    description:
      'Distinct people who submitted, voted or commented (autorías y coautorías de propuestas enviadas, más quienes votaron o comentaron cuando esas funciones lo registren).',
  })
  participantCount(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).participantCount.load(challenge.id);
  }
}
