import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { GovernmentLevel } from '../government-unit.entity.js';
import { GovernmentLevelEnum } from './enums.js';

@ObjectType('GovernmentUnit', { description: 'Una dependencia u oficina de gobierno que publica retos.' })
export class GovernmentUnitModel {
  @Field(() => ID, { description: 'Identificador de la unidad.' })
  id: string;

  @Field({ description: 'Nombre oficial.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Siglas, p. ej. SFP.' })
  acronym: string | null;

  @Field(() => String, { nullable: true, description: 'Qué hace la unidad.' })
  description: string | null;

  @Field(() => GovernmentLevelEnum, { description: 'Orden de gobierno; fija el territorio de la unidad.' })
  level: GovernmentLevel;

  @Field({ description: 'Fecha de alta en la plataforma.' })
  createdAt: Date;

  stateCode: string | null;
  municipalityCode: string | null;
}
