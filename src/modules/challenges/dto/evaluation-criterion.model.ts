import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EvaluationCriterion', { description: 'Un criterio con el que el jurado califica.' })
export class EvaluationCriterionModel {
  @Field(() => ID, { description: 'Identificador del criterio.' })
  id: string;

  @Field(() => Int, { description: 'Orden (desde 1).' })
  position: number;

  @Field({ description: 'Nombre del criterio.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Qué se valora.' })
  description: string | null;

  @Field(() => Float, { description: 'Peso relativo (> 0).' })
  weight: number;

  @Field(() => Int, { description: 'Calificación máxima (1..100).' })
  maxScore: number;
}
