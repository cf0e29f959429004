import { Field, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';

@ObjectType('BudgetBallot', {
  description: 'La boleta de presupuesto participativo de quien consulta: las propuestas que aprueba.',
})
export class BudgetBallotModel {
  @Field(() => DecimalScalar, { description: 'Suma exacta de los costos estimados de las propuestas aprobadas.' })
  totalCost: string;

  @Field({ description: 'Cuándo se envió (cada envío reemplaza la boleta completa).' })
  submittedAt: Date;

  roundId: string;
  proposalIds: string[];
}
