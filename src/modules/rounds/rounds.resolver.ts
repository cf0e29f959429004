import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, UnitRoles } from '../../infrastructure/auth/access.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { RoundModel } from '../challenges/dto/round.model.js';
import { CloseRoundNowArgs, RescheduleRoundArgs } from './dto/reschedule-round.args.js';
import { RoundsService } from './rounds.service.js';

@Resolver(() => RoundModel)
export class RoundsResolver {
  constructor(private readonly rounds: RoundsService) {}

  @Mutation(() => RoundModel, {
    description:
      'Cambia las fechas de una ronda (ADMIN de la unidad). Una ronda abierta solo mueve su cierre; una cerrada no se mueve. Queda en la bitácora.',
  })
  @UnitRoles(['ADMIN'], 'round', 'roundId')
  rescheduleRound(@Args() args: RescheduleRoundArgs, @CurrentViewer() viewer: Viewer) {
    return this.rounds.reschedule(
      args.roundId,
      { opensAt: args.opensAt ?? undefined, closesAt: args.closesAt },
      viewer.id,
    );
  }

  @Mutation(() => RoundModel, {
    description: 'Cierra de inmediato una ronda abierta (ADMIN de la unidad); devuelve la ronda ya cerrada.',
  })
  @UnitRoles(['ADMIN'], 'round', 'roundId')
  closeRoundNow(@Args() args: CloseRoundNowArgs, @CurrentViewer() viewer: Viewer) {
    return this.rounds.closeNow(args.roundId, viewer.id);
  }
}
