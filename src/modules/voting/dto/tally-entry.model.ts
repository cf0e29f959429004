import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TallyEntry', { description: 'Una línea del conteo de una ronda de votación.' })
export class TallyEntryModel {
  @Field(() => Int, { description: 'Votos (o aprobaciones, en presupuesto participativo) guardados.' })
  votes: number;

  @Field(() => Int, { description: 'Lugar: más votos primero, luego envío más temprano, luego identificador.' })
  rank: number;

  @Field(() => Float, { description: 'votes / total votes in the round, 0..1.' })
  share: number;

  proposalId: string;
}
