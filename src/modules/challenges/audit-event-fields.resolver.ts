import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { PublicUserModel } from '../identity/dto/public-user.model.js';
import { UsersLoaders } from '../identity/users.loaders.js';
import { AuditEventModel } from './dto/audit-event.model.js';

@Resolver(() => AuditEventModel)
export class AuditEventFieldsResolver {
  constructor(private readonly users: UsersLoaders) {}

  @ResolveField(() => PublicUserModel, {
    nullable: true,
    description: 'Null for actions taken by the system (scheduled jobs).',
  })
  actor(@Parent() event: AuditEventModel, @Context() ctx: GraphqlContext) {
    return event.actorId ? this.users.for(ctx).publicUser.load(event.actorId) : null;
  }
}
