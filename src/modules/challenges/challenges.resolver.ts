import { isUuid } from '../../common/ids.js';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionType, offsetAfter } from '../../common/pagination.js';
import { CurrentViewer, UnitRoles } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesService } from './challenges.service.js';
import { ChallengeListArgs } from './dto/challenge-filter.inputs.js';
import {
  CancelChallengeArgs,
  ChallengeIdArgs,
  CreateChallengeInput,
  UpdateChallengeArgs,
} from './dto/challenge.inputs.js';
import { ChallengeModel } from './dto/challenge.model.js';

export const ChallengeConnection = ConnectionType(ChallengeModel, 'Challenge');

@Resolver(() => ChallengeModel)
export class ChallengesResolver {
  constructor(private readonly service: ChallengesService) {}

  @Query(() => ChallengeConnection, {
    description: 'Retos publicados (y los borradores de tus unidades), filtrados y ordenados.',
  })
  challenges(@Args() args: ChallengeListArgs, @Context() ctx: GraphqlContext) {
    return this.service.list(ctx.viewer, args.filter ?? {}, args.orderBy, {
      first: args.first,
      offset: offsetAfter(args.after),
    });
  }

  @Query(() => ChallengeModel, {
    nullable: true,
    description: 'Un reto por id o por slug; null si no existe o no es visible.',
  })
  challenge(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID, nullable: true, description: 'Identificador.' }) id?: string,
    @Args('slug', { type: () => String, nullable: true, description: 'Slug.' }) slug?: string,
  ) {
    if (id != null && !isUuid(id)) return null; // malformed: no such challenge, and no query to fail on
    return this.service.findVisible(ctx.viewer, { id, slug });
  }

  @Mutation(() => ChallengeModel, { description: 'Crea un reto en borrador (ADMIN o EDITOR de la unidad).' })
  @UnitRoles(['ADMIN', 'EDITOR'], 'unit', 'input.unitId')
  createChallenge(
    @Args('input', { description: 'El reto.' }) input: CreateChallengeInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => ChallengeModel, {
    description: 'Edita un reto; publicado, solo textos y etiquetas (ADMIN o EDITOR de la unidad).',
  })
  @UnitRoles(['ADMIN', 'EDITOR'], 'challenge', 'id')
  updateChallenge(@Args() args: UpdateChallengeArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.update(viewer, args.id, args.input);
  }

  @Mutation(() => ChallengeModel, {
    description: 'Publica un borrador cuya última ronda cierra en el futuro (ADMIN de la unidad).',
  })
  @UnitRoles(['ADMIN'], 'challenge', 'id')
  publishChallenge(@Args() args: ChallengeIdArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.publish(viewer, args.id);
  }

  @Mutation(() => ChallengeModel, {
    description: 'Cancela un reto no terminado, con motivo público (ADMIN de la unidad o de la plataforma).',
  })
  @UnitRoles(['ADMIN'], 'challenge', 'id')
  cancelChallenge(@Args() args: CancelChallengeArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.cancel(viewer, args.id, args.reason);
  }
}
