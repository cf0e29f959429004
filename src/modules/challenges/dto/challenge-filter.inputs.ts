import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination.js';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import type { GovernmentLevel } from '../../government-units/government-unit.entity.js';
import { GovernmentLevelEnum } from '../../government-units/dto/enums.js';
import type { ChallengePhase } from '../round-lifecycle.js';
import type { ChallengeCategory } from '../challenge.entity.js';
import { ChallengeCategoryEnum, ChallengePhaseEnum } from './enums.js';

export const ChallengeOrderEnum = {
  NEWEST: 'NEWEST',
  CLOSING_SOON: 'CLOSING_SOON',
  MOST_PROPOSALS: 'MOST_PROPOSALS',
  RELEVANCE: 'RELEVANCE',
} as const;
export type ChallengeOrder = keyof typeof ChallengeOrderEnum;
registerEnumType(ChallengeOrderEnum, {
  name: 'ChallengeOrder',
  description: 'Orden del listado de retos.',
  valuesMap: {
    NEWEST: { description: 'Más recientes primero.' },
    CLOSING_SOON: { description: 'Los que cierran su ronda abierta antes, primero.' },
    MOST_PROPOSALS: { description: 'Con más propuestas primero.' },
    RELEVANCE: { description: 'Best full-text match first; falls back to NEWEST without a search term.' },
  },
});

@InputType('ChallengeFilter', { description: 'Filtros del listado de retos.' })
export class ChallengeFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in Spanish over title, summary, description and tags (accent-insensitive).',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @NoControlChars()
  search?: string | null;

  @Field(() => GovernmentLevelEnum, { nullable: true, description: 'Orden de gobierno.' })
  @IsOptional()
  @IsIn(Object.values(GovernmentLevelEnum))
  level?: GovernmentLevel | null;

  @Field(() => String, { nullable: true, description: 'Entidad (clave INEGI).' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'La clave de entidad son 2 dígitos INEGI.' })
  stateCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Municipio (clave INEGI).' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'La clave de municipio son 5 dígitos INEGI.' })
  municipalityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Unidad de gobierno.' })
  @IsOptional()
  @IsUUID('all', { message: 'El identificador de la unidad no es válido.' })
  unitId?: string | null;

  @Field(() => ChallengeCategoryEnum, { nullable: true, description: 'Tema.' })
  @IsOptional()
  @IsIn(Object.values(ChallengeCategoryEnum))
  category?: ChallengeCategory | null;

  @Field(() => [ChallengePhaseEnum], { nullable: true, description: 'Solo retos en alguna de estas fases.' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(ChallengePhaseEnum), { each: true })
  phases?: ChallengePhase[] | null;
}

@ArgsType()
export class ChallengesArgs extends PageArgs {
  @Field(() => ChallengeFilter, { nullable: true, description: 'Filtros opcionales.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChallengeFilter)
  filter?: ChallengeFilter | null;
}

@ArgsType()
export class ChallengeListArgs extends ChallengesArgs {
  @Field(() => ChallengeOrderEnum, { nullable: true, defaultValue: 'NEWEST', description: 'Orden.' })
  @Transform(({ value }: { value: unknown }) => value ?? 'NEWEST')
  @IsIn(Object.values(ChallengeOrderEnum))
  orderBy: ChallengeOrder = 'NEWEST';
}
