import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';
import type { ProposalStatus } from '../proposal.entity.js';

export const ProposalStatusEnum = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  WITHDRAWN: 'WITHDRAWN',
  HIDDEN: 'HIDDEN',
  INELIGIBLE: 'INELIGIBLE',
} as const;
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: 'Estado de una propuesta.',
  valuesMap: {
    DRAFT: { description: 'Borrador: solo lo ven sus autores.' },
    SUBMITTED: { description: 'Enviada y visible.' },
    WITHDRAWN: { description: 'Retirada por su autor; sus votos dejan de contar.' },
    HIDDEN: { description: 'Ocultada por moderación, con motivo.' },
    INELIGIBLE: { description: 'Declarada no elegible por la unidad, con motivo.' },
  },
});

@ObjectType('GeoPoint', { description: 'Un punto en el mapa (WGS 84).' })
export class GeoPointModel {
  @Field(() => Float, { description: 'Latitud (14..33 en México).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitud (−118.5..−86.5 en México).' })
  longitude: number;
}

@ObjectType('Proposal', { description: 'Una propuesta ciudadana para resolver un reto.' })
export class ProposalModel {
  @Field(() => ID, { description: 'Identificador de la propuesta.' })
  id: string;

  @Field({ description: 'Título (5 a 150 caracteres).' })
  title: string;

  @Field({ description: 'Resumen (10 a 500 caracteres).' })
  summary: string;

  @Field({ description: 'Markdown.' })
  body: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Costo estimado (MXN); obligatorio en presupuestos participativos.',
  })
  estimatedCost: string | null;

  @Field(() => [String], { description: 'Enlaces http(s) de apoyo (hasta 10).' })
  links: string[];

  @Field(() => ProposalStatusEnum, { description: 'Estado.' })
  status: ProposalStatus;

  @Field(() => Int, { description: 'Position of the last round this proposal is in.' })
  stage: number;

  @Field(() => Int, { nullable: true, description: 'Ronda en la que quedó fuera, si quedó fuera.' })
  eliminatedInRound: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reason given when the proposal was hidden or declared ineligible.',
  })
  moderationReason: string | null;

  @Field(() => Date, { nullable: true, description: 'Cuándo se envió.' })
  submittedAt: Date | null;

  @Field({ description: 'Alta del borrador.' })
  createdAt: Date;

  @Field({ description: 'Última modificación.' })
  updatedAt: Date;

  @Field({
    description:
      'Verdadero cuando el contenido (resumen, texto, enlaces, ubicación y costo) se oculta a quien consulta porque la propuesta fue ocultada o declarada no elegible; el título y el motivo siguen visibles. Sus autores, la moderación de la plataforma y el personal de la unidad del reto sí ven el contenido.',
  })
  contentHidden: boolean;

  challengeId: string;
  authorId: string;
  latitude: number | null;
  longitude: number | null;
}
