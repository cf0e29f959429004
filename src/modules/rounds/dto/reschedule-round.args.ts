import { ArgsType, Field, ID } from '@nestjs/graphql';

@ArgsType()
export class RescheduleRoundArgs {
  @Field(() => ID, { description: 'La ronda que se reprograma.' })
  roundId: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'Nueva apertura (UTC). Solo para rondas que aún no abren; si se omite, se conserva. Puede ser desde el momento en que la ronda anterior cerró de hecho (también si se cerró antes de tiempo); una fecha ya pasada abre la ronda en cuanto se pueda.',
  })
  opensAt?: Date | null;

  @Field(() => Date, { description: 'Nuevo cierre (UTC); debe ser futuro y no invadir la ronda siguiente.' })
  closesAt: Date;
}

@ArgsType()
export class CloseRoundNowArgs {
  @Field(() => ID, { description: 'La ronda abierta que se cierra de inmediato.' })
  roundId: string;
}
