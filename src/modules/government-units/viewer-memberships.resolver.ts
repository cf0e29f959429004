import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ViewerModel } from '../identity/dto/viewer.model.js';
import { UnitMembershipModel } from './dto/unit-membership.model.js';
import { GovernmentUnitsLoaders } from './government-units.loaders.js';

@Resolver(() => ViewerModel)
export class ViewerMembershipsResolver {
  constructor(private readonly loaders: GovernmentUnitsLoaders) {}

  @ResolveField(() => [UnitMembershipModel], {
    description: 'Unidades de gobierno de las que formas parte, con tu papel.',
  })
  memberships(@Parent() viewer: ViewerModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).membershipsOfUser.load(viewer.id);
  }
}
