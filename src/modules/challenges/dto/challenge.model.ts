import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';
import type { GovernmentLevel } from '../../government-units/government-unit.entity.js';
import { GovernmentLevelEnum } from '../../government-units/dto/enums.js';
import type { ChallengeStatus } from '../round-lifecycle.js';
import type { ChallengeCategory, StoredSettings } from '../challenge.entity.js';
import { ChallengeCategoryEnum, ChallengeStatusEnum } from './enums.js';

@ObjectType('Challenge', { description: 'Un reto público publicado por una unidad de gobierno.' })
export class ChallengeModel {
  @Field(() => ID, { description: 'Identificador del reto.' })
  id: string;

  @Field({ description: 'Identificador legible y único para enlaces, p. ej. "agua-limpia-en-escuelas".' })
  slug: string;

  @Field({ description: 'Título (10 a 150 caracteres).' })
  title: string;

  @Field({ description: 'Resumen (10 a 500 caracteres).' })
  summary: string;

  @Field({ description: 'Markdown.' })
  description: string;

  @Field(() => ChallengeCategoryEnum, { description: 'Tema del reto.' })
  category: ChallengeCategory;

  @Field(() => [String], { description: 'Etiquetas libres.' })
  tags: string[];

  @Field(() => GovernmentLevelEnum, { description: 'Orden de gobierno, tomado de la unidad.' })
  level: GovernmentLevel;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total MXN at stake: prize pool, or the budget to distribute in participatory budgeting.',
  })
  budget: string | null;

  @Field(() => ChallengeStatusEnum, { description: 'Estado administrativo.' })
  status: ChallengeStatus;

  @Field(() => Date, { nullable: true, description: 'Cuándo se publicó.' })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Motivo de la cancelación, si se canceló.' })
  cancelledReason: string | null;

  @Field({ description: 'Alta del reto.' })
  createdAt: Date;

  @Field({ description: 'Última modificación.' })
  updatedAt: Date;

  unitId: string;
  stateCode: string | null;
  municipalityCode: string | null;
  settings: StoredSettings;
}
