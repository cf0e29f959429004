import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StoredCriterionScore } from '../evaluation.entity.js';

@ObjectType('CriterionScore', { description: 'La calificación de un criterio en una evaluación.' })
export class CriterionScoreModel {
  @Field(() => Int, { description: 'Calificación, de 0 a la calificación máxima del criterio.' })
  score: number;

  criterionId: string;
  challengeId: string;
}

@ObjectType('Evaluation', { description: 'La evaluación de una propuesta por una persona del jurado.' })
export class EvaluationModel {
  @Field(() => ID, { description: 'Identificador.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Comentario de quien evaluó.' })
  comment: string | null;

  @Field(() => Float, { description: 'Weighted score of this evaluation, 0..100.' })
  total: number;

  @Field({ description: 'Primera vez que se envió.' })
  submittedAt: Date;

  @Field({ description: 'Última vez que se reemplazó.' })
  updatedAt: Date;

  proposalId: string;
  jurorId: string;
  scores: StoredCriterionScore[];
}

@ObjectType('EvaluationAssignment', {
  description: 'Una propuesta asignada a quien consulta, con su evaluación si ya la envió.',
})
export class EvaluationAssignmentModel {
  @Field(() => EvaluationModel, {
    nullable: true,
    description: 'Tu evaluación de esta propuesta; null si aún no la envías.',
  })
  evaluation: EvaluationModel | null;

  proposalId: string;
}
