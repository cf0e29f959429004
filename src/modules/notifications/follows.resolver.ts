import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { FollowInput, FollowModel } from './dto/follow.model.js';
import { FollowsLoaders } from './follows.loaders.js';
import { FollowsService } from './follows.service.js';

@Resolver(() => FollowModel)
export class FollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @Query(() => [FollowModel], { description: 'Lo que sigue quien inició sesión, lo más reciente primero.' })
  @SignedIn()
  myFollows(@CurrentViewer() viewer: Viewer) {
    return this.follows.myFollows(viewer.id);
  }

  @Mutation(() => FollowModel, {
    description: 'Seguir un reto, una unidad, un tema, una entidad o un municipio para recibir sus avisos.',
  })
  @SignedIn()
  follow(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'Qué seguir.' }) input: FollowInput) {
    return this.follows.follow(viewer.id, input.targetType, input.targetId);
  }

  @Mutation(() => Boolean, { description: 'Dejar de seguir algo; false si no se seguía.' })
  @SignedIn()
  unfollow(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'Qué dejar de seguir.' }) input: FollowInput,
  ) {
    return this.follows.unfollow(viewer.id, input.targetType, input.targetId);
  }
}

@Resolver(() => ChallengeModel)
export class ChallengeFollowResolver {
  constructor(private readonly loaders: FollowsLoaders) {}

  @ResolveField(() => Boolean, { description: 'Si quien consulta sigue este reto (false sin sesión).' })
  viewerIsFollowing(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).followsChallenge.load(challenge.id);
  }
}
