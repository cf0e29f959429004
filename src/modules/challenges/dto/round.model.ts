import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RoundKind } from '../challenge-rules.js';
import { RoundKindEnum, RoundStatusEnum } from './enums.js';
import type { RoundStatus } from '../round-lifecycle.js';

@ObjectType('Round', { description: 'Una etapa del reto con fechas de apertura y cierre.' })
export class RoundModel {
  @Field(() => ID, { description: 'Identificador de la ronda.' })
  id: string;

  @Field(() => Int, { description: '1-based order within the challenge.' })
  position: number;

  @Field(() => RoundKindEnum, { description: 'Tipo de ronda.' })
  kind: RoundKind;

  @Field({ description: 'Título de la ronda.' })
  title: string;

  @Field({ description: 'Cuándo abre (UTC).' })
  opensAt: Date;

  @Field({ description: 'Cuándo cierra (UTC); desde ese instante no se acepta ninguna acción.' })
  closesAt: Date;

  @Field(() => RoundStatusEnum, { description: 'Estado de la ronda.' })
  status: RoundStatus;

  @Field(() => Date, { nullable: true, description: 'Cuándo abrió de hecho.' })
  openedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Cuándo cerró de hecho.' })
  closedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'VOTING and EVALUATION rounds: how many proposals go on to the next round. Null: all.',
  })
  advanceCount: number | null;

  challengeId: string;
}
