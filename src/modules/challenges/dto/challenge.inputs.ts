import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';
import type { ChallengeCategory } from '../challenge.entity.js';
import type { BudgetRule, RoundKind, VotingMethod } from '../challenge-rules.js';
import { BudgetRuleEnum, ChallengeCategoryEnum, RoundKindEnum, VotingMethodEnum } from './enums.js';

const TITLE = { message: 'El título debe tener entre 10 y 150 caracteres.' };
const SUMMARY = { message: 'El resumen debe tener entre 10 y 500 caracteres.' };
const DESCRIPTION = { message: 'La descripción debe tener entre 20 y 20 000 caracteres.' };
const TAG = { each: true, message: 'Cada etiqueta admite de 1 a 40 caracteres.' };

@InputType('ChallengeSettingsInput', { description: 'Reglas del reto; lo no indicado toma su valor por omisión.' })
export class ChallengeSettingsInput {
  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Cuántas propuestas ganan (≥ 1).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Debe haber al menos una propuesta ganadora.' })
  @Max(1000)
  winnerCount: number;

  @Field(() => VotingMethodEnum, { nullable: true, defaultValue: 'MULTIPLE', description: 'Cómo se vota.' })
  @IsOptional()
  @IsIn(Object.values(VotingMethodEnum))
  votingMethod: VotingMethod;

  @Field(() => Int, { nullable: true, description: 'MULTIPLE: votos por persona (≥ 1).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'maxVotesPerVoter debe ser al menos 1.' })
  @Max(1000)
  maxVotesPerVoter?: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'BUDGET: costo total máximo de una boleta; vacío: sin límite de costo (cualquier monto positivo, aun mayor que el presupuesto).',
  })
  @IsOptional()
  @IsString()
  voterBudget?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'BUDGET: mínimo de propuestas en una boleta no vacía (≥ 1); vacío: sin mínimo.',
  })
  @IsOptional()
  @IsInt({ message: 'minProjectsPerBallot debe ser un número entero.' })
  @Min(1, { message: 'minProjectsPerBallot debe ser al menos 1.' })
  @Max(1000, { message: 'minProjectsPerBallot no puede pasar de 1000.' })
  minProjectsPerBallot?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'BUDGET: máximo de propuestas en una boleta (≥ mínimo); vacío: sin máximo.',
  })
  @IsOptional()
  @IsInt({ message: 'maxProjectsPerBallot debe ser un número entero.' })
  @Min(1, { message: 'maxProjectsPerBallot debe ser al menos 1.' })
  @Max(1000, { message: 'maxProjectsPerBallot no puede pasar de 1000.' })
  maxProjectsPerBallot?: number | null;

  @Field(() => BudgetRuleEnum, { nullable: true, description: 'BUDGET: regla de asignación.' })
  @IsOptional()
  @IsIn(Object.values(BudgetRuleEnum))
  budgetRule?: BudgetRule | null;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0,
    description: 'Peso del voto público en la calificación final (0..1).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'publicVoteWeight va de 0 a 1.' })
  @Max(1, { message: 'publicVoteWeight va de 0 a 1.' })
  publicVoteWeight: number;

  @Field({ nullable: true, defaultValue: false, description: 'Normalizar las calificaciones de cada jurado.' })
  @IsOptional()
  @IsBoolean()
  normalizeJurorScores: boolean;

  @Field({ nullable: true, defaultValue: true, description: 'Evaluación ciega: el jurado no ve la autoría.' })
  @IsOptional()
  @IsBoolean()
  blindEvaluation: boolean;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Evaluaciones mínimas por propuesta.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'minEvaluationsPerProposal debe ser al menos 1.' })
  @Max(100)
  minEvaluationsPerProposal: number;

  @Field(() => Int, { nullable: true, description: 'Jurados por propuesta; null: todos evalúan todo.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'jurorsPerProposal debe ser al menos 1.' })
  @Max(100)
  jurorsPerProposal?: number | null;

  @Field({ nullable: true, defaultValue: false, description: 'Exigir CURP verificada.' })
  @IsOptional()
  @IsBoolean()
  requireCurp: boolean;

  @Field({ nullable: true, defaultValue: false, description: 'Solo residentes del territorio del reto.' })
  @IsOptional()
  @IsBoolean()
  residentsOnly: boolean;

  @Field({ nullable: true, defaultValue: true, description: 'Mostrar el conteo en vivo.' })
  @IsOptional()
  @IsBoolean()
  showLiveTally: boolean;
}

@InputType('RoundInput', { description: 'Una ronda del calendario.' })
export class RoundInput {
  @Field(() => RoundKindEnum, { description: 'Tipo de ronda.' })
  @IsIn(Object.values(RoundKindEnum))
  kind: RoundKind;

  @Field({ description: 'Título (5 a 150 caracteres).' })
  @Trim()
  @IsString()
  @Length(5, 150, { message: 'El título de la ronda debe tener entre 5 y 150 caracteres.' })
  @NoControlChars()
  title: string;

  @Field({ description: 'Apertura (UTC).' })
  @Type(() => Date)
  @IsDate({ message: 'opensAt debe ser una fecha.' })
  opensAt: Date;

  @Field({ description: 'Cierre (UTC).' })
  @Type(() => Date)
  @IsDate({ message: 'closesAt debe ser una fecha.' })
  closesAt: Date;

  @Field(() => Int, { nullable: true, description: 'Cuántas propuestas pasan a la siguiente ronda; null: todas.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'advanceCount debe ser al menos 1.' })
  advanceCount?: number | null;
}

@InputType('CriterionInput', { description: 'Un criterio de evaluación.' })
export class CriterionInput {
  @Field({ description: 'Nombre (3 a 150 caracteres).' })
  @Trim()
  @IsString()
  @Length(3, 150, { message: 'El nombre del criterio debe tener entre 3 y 150 caracteres.' })
  @NoControlChars()
  name: string;

  @Field(() => String, { nullable: true, description: 'Qué se valora (hasta 2 000 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoControlChars()
  description?: string | null;

  @Field(() => Float, { description: 'Peso relativo (> 0).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight: number;

  @Field(() => Int, { description: 'Calificación máxima (1..100).' })
  @IsInt()
  maxScore: number;
}

/** The fields shared by create and update, all optional here. */
@InputType({ isAbstract: true })
class ChallengeFieldsInput {
  @Field(() => [String], { nullable: true, description: 'Hasta 10 etiquetas de hasta 40 caracteres.' })
  @IsOptional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(10, { message: 'Hasta 10 etiquetas.' })
  @IsString({ each: true })
  @Length(1, 40, TAG)
  @NoControlChars()
  tags?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Monto total en juego (MXN).' })
  @IsOptional()
  @IsString()
  budget?: string | null;

  @Field(() => ChallengeSettingsInput, { nullable: true, description: 'Reglas del reto.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChallengeSettingsInput)
  settings?: ChallengeSettingsInput | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'Criterios de evaluación.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'Hasta 20 criterios.' })
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria?: CriterionInput[] | null;
}

@InputType('CreateChallengeInput', { description: 'Un reto nuevo (queda como borrador).' })
export class CreateChallengeInput extends ChallengeFieldsInput {
  @Field(() => ID, { description: 'Unidad que publica el reto.' })
  @IsUUID('all', { message: 'El identificador de la unidad no es válido.' })
  unitId: string;

  @Field({ description: 'Título (10 a 150 caracteres).' })
  @Trim()
  @IsString()
  @Length(10, 150, TITLE)
  @NoControlChars()
  title: string;

  @Field({ description: 'Resumen (10 a 500 caracteres).' })
  @Trim()
  @IsString()
  @Length(10, 500, SUMMARY)
  @NoControlChars()
  summary: string;

  @Field({ description: 'Descripción en Markdown (20 a 20 000 caracteres).' })
  @Trim()
  @IsString()
  @Length(20, 20000, DESCRIPTION)
  @NoControlChars()
  description: string;

  @Field(() => ChallengeCategoryEnum, { description: 'Tema.' })
  @IsIn(Object.values(ChallengeCategoryEnum))
  category: ChallengeCategory;

  @Field(() => [RoundInput], { description: 'Calendario: al menos 2 rondas, la primera de propuestas.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Indica las rondas del reto.' })
  @ArrayMaxSize(10, { message: 'Hasta 10 rondas.' })
  @ValidateNested({ each: true })
  @Type(() => RoundInput)
  rounds: RoundInput[];
}

@InputType('UpdateChallengeInput', {
  description: 'Every field optional. A PUBLISHED challenge accepts only title, summary, description and tags.',
})
export class UpdateChallengeInput extends ChallengeFieldsInput {
  @Field(() => String, { nullable: true, description: 'Título (10 a 150 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(10, 150, TITLE)
  @NoControlChars()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Resumen (10 a 500 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(10, 500, SUMMARY)
  @NoControlChars()
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Descripción en Markdown (20 a 20 000 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(20, 20000, DESCRIPTION)
  @NoControlChars()
  description?: string | null;

  @Field(() => ChallengeCategoryEnum, { nullable: true, description: 'Tema.' })
  @IsOptional()
  @IsIn(Object.values(ChallengeCategoryEnum))
  category?: ChallengeCategory | null;

  @Field(() => [RoundInput], {
    nullable: true,
    description: 'Calendario completo (reemplaza el anterior; solo en borrador).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10, { message: 'Hasta 10 rondas.' })
  @ValidateNested({ each: true })
  @Type(() => RoundInput)
  rounds?: RoundInput[] | null;
}

@ArgsType()
export class UpdateChallengeArgs {
  @Field(() => ID, { description: 'El reto.' })
  @IsUUID('all', { message: 'El identificador del reto no es válido.' })
  id: string;

  @Field(() => UpdateChallengeInput, { description: 'Lo que cambia.' })
  @ValidateNested()
  @Type(() => UpdateChallengeInput)
  input: UpdateChallengeInput;
}

@ArgsType()
export class ChallengeIdArgs {
  @Field(() => ID, { description: 'El reto.' })
  @IsUUID('all', { message: 'El identificador del reto no es válido.' })
  id: string;
}

@ArgsType()
export class CancelChallengeArgs extends ChallengeIdArgs {
  @Field({ description: 'Motivo público de la cancelación (3 a 2 000 caracteres).' })
  @Trim()
  @IsString()
  @Length(3, 2000, { message: 'El motivo debe tener entre 3 y 2 000 caracteres.' })
  @NoControlChars()
  reason: string;
}
