import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';
import type { StoredCriterionAverage, StoredJurorScore } from '../result-entry.entity.js';

@ObjectType('CriterionAverage', { description: 'Promedio de un criterio de evaluación para una propuesta.' })
export class CriterionAverageModel {
  @Field(() => Float, { description: 'Promedio de las calificaciones del criterio.' })
  average: number;

  criterionId: string;
}

@ObjectType('AnonymousJurorScore', {
  description: "One juror's total for one proposal, published without the juror's identity.",
})
export class AnonymousJurorScoreModel {
  @Field({ description: 'Stable within a challenge: "Jurado 1", "Jurado 2", ...' })
  jurorLabel: string;

  @Field(() => Float, { description: 'Total de la evaluación, 0..100.' })
  total: number;

  @Field(() => Float, { nullable: true, description: 'Total normalizado, si el reto normaliza las calificaciones.' })
  normalized: number | null;
}

@ObjectType('ResultEntry', { description: 'Una propuesta en los resultados publicados.' })
export class ResultEntryModel {
  @Field(() => Int, { description: 'Lugar en la clasificación final.' })
  rank: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Votos (o aprobaciones) en la última ronda de votación en la que participó.',
  })
  votes: number | null;

  @Field(() => Float, { nullable: true, description: '0..100' })
  voteScore: number | null;

  @Field(() => Float, { nullable: true, description: '0..100' })
  juryScore: number | null;

  @Field(() => [AnonymousJurorScoreModel], { description: 'Totales de cada jurado, sin su identidad.' })
  jurorScores: StoredJurorScore[];

  @Field(() => Int, { description: 'Cuántas evaluaciones del jurado recibió.' })
  evaluationCount: number;

  @Field(() => Float, { description: 'Puntaje final que decide la clasificación.' })
  finalScore: number;

  @Field({ description: 'Si ganó (presupuesto participativo: si se financia).' })
  isWinner: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: 'BUDGET challenges: amount funded.' })
  allocated: string | null;

  challengeId: string;
  proposalId: string;
  criterionAverages: StoredCriterionAverage[];
}

@ObjectType('ChallengeResults', { description: 'Resultados publicados al cerrar la ronda final; no se recalculan.' })
export class ChallengeResultsModel {
  @Field({ description: 'Cuándo se publicaron.' })
  publishedAt: Date;

  @Field({ description: 'Human-readable description of the rule that produced the ranking, in Spanish.' })
  method: string;

  @Field(() => Int, { description: 'Personas que votaron (o enviaron boleta) en la ronda de votación que decidió.' })
  totalVoters: number;

  @Field(() => Int, { description: 'Votos (o aprobaciones) contados en esa ronda.' })
  totalVotes: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Presupuesto participativo: monto asignado en total.' })
  budgetUsed: string | null;

  challengeId: string;
}
