import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';
import type { BudgetRule, VotingMethod } from '../challenge-rules.js';
import { BudgetRuleEnum, VotingMethodEnum } from './enums.js';

@ObjectType('ChallengeSettings', { description: 'Reglas de participación, votación y evaluación del reto.' })
export class ChallengeSettingsModel {
  @Field(() => Int, { description: 'Cuántas propuestas ganan.' })
  winnerCount: number;

  @Field(() => VotingMethodEnum, { description: 'Cómo se vota.' })
  votingMethod: VotingMethod;

  @Field(() => Int, { nullable: true, description: 'MULTIPLE: votos por persona.' })
  maxVotesPerVoter: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'BUDGET: costo total máximo de una boleta; null: sin límite de costo.',
  })
  voterBudget: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'BUDGET: mínimo de propuestas en una boleta no vacía; null: sin mínimo.',
  })
  minProjectsPerBallot: number | null;

  @Field(() => Int, { nullable: true, description: 'BUDGET: máximo de propuestas en una boleta; null: sin máximo.' })
  maxProjectsPerBallot: number | null;

  @Field(() => BudgetRuleEnum, { nullable: true, description: 'BUDGET: regla de asignación.' })
  budgetRule: BudgetRule | null;

  @Field(() => Float, {
    description: '0..1: weight of the public vote in the final score when the challenge ends with an evaluation round.',
  })
  publicVoteWeight: number;

  @Field({ description: 'Normaliza las calificaciones de cada jurado (puntuaciones z).' })
  normalizeJurorScores: boolean;

  @Field({ description: 'El jurado no ve la autoría hasta publicar resultados.' })
  blindEvaluation: boolean;

  @Field(() => Int, { description: 'Evaluaciones mínimas para que una propuesta compita en igualdad.' })
  minEvaluationsPerProposal: number;

  @Field(() => Int, { nullable: true, description: 'Null: every juror evaluates every proposal.' })
  jurorsPerProposal: number | null;

  @Field({ description: 'Exige CURP verificada para proponer y votar.' })
  requireCurp: boolean;

  @Field({ description: 'Solo residentes de la entidad o municipio del reto pueden proponer y votar.' })
  residentsOnly: boolean;

  @Field({ description: 'Muestra el conteo de votos mientras la ronda está abierta.' })
  showLiveTally: boolean;
}
