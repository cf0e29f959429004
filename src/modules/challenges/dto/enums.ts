import { registerEnumType } from '@nestjs/graphql';

const values = <T extends string>(...names: T[]) => Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

export const ChallengeCategoryEnum = values(
  'DIGITAL_AGENDA',
  'BUDGET_TRANSPARENCY',
  'PUBLIC_PROCUREMENT',
  'INFRASTRUCTURE',
  'SOCIAL_POLICY',
  'ECONOMIC_DEVELOPMENT',
  'ENVIRONMENT_CLIMATE',
  'ENERGY_EXTRACTIVES',
  'JUSTICE_SECURITY',
  'HEALTH',
  'EDUCATION',
  'MOBILITY',
  'WATER',
  'OTHER',
);
registerEnumType(ChallengeCategoryEnum, {
  name: 'ChallengeCategory',
  description: 'Tema del reto (ejes del Plan de Acción de Gobierno Abierto).',
  valuesMap: {
    DIGITAL_AGENDA: { description: 'Agenda digital y datos abiertos.' },
    BUDGET_TRANSPARENCY: { description: 'Presupuesto abierto y transparencia del gasto.' },
    PUBLIC_PROCUREMENT: { description: 'Contrataciones públicas.' },
    INFRASTRUCTURE: { description: 'Obra pública e infraestructura.' },
    SOCIAL_POLICY: { description: 'Política social y programas.' },
    ECONOMIC_DEVELOPMENT: { description: 'Desarrollo económico.' },
    ENVIRONMENT_CLIMATE: { description: 'Medio ambiente y cambio climático.' },
    ENERGY_EXTRACTIVES: { description: 'Energía e industrias extractivas.' },
    JUSTICE_SECURITY: { description: 'Justicia y seguridad.' },
    HEALTH: { description: 'Salud.' },
    EDUCATION: { description: 'Educación.' },
    MOBILITY: { description: 'Movilidad y transporte.' },
    WATER: { description: 'Agua.' },
    OTHER: { description: 'Otro tema.' },
  },
});

export const ChallengeStatusEnum = values('DRAFT', 'PUBLISHED', 'FINISHED', 'CANCELLED');
registerEnumType(ChallengeStatusEnum, {
  name: 'ChallengeStatus',
  description: 'Estado administrativo del reto.',
  valuesMap: {
    DRAFT: { description: 'Borrador: solo lo ve su unidad.' },
    PUBLISHED: { description: 'Publicado: sus rondas avanzan con el calendario.' },
    FINISHED: { description: 'Terminado, con resultados publicados.' },
    CANCELLED: { description: 'Cancelado por la unidad, con motivo.' },
  },
});

export const ChallengePhaseEnum = values(
  'DRAFT',
  'UPCOMING',
  'SUBMISSION',
  'VOTING',
  'EVALUATION',
  'INTERMISSION',
  'FINISHED',
  'CANCELLED',
);
registerEnumType(ChallengePhaseEnum, {
  name: 'ChallengePhase',
  description: 'Dónde está el reto para la ciudadanía, derivado de su estado y sus rondas.',
  valuesMap: {
    DRAFT: { description: 'Borrador.' },
    UPCOMING: { description: 'Publicado; su primera ronda aún no abre.' },
    SUBMISSION: { description: 'Recibiendo propuestas.' },
    VOTING: { description: 'En votación.' },
    EVALUATION: { description: 'En evaluación por el jurado.' },
    INTERMISSION: { description: 'Published, no round open now, results not yet published.' },
    FINISHED: { description: 'Terminado con resultados.' },
    CANCELLED: { description: 'Cancelado.' },
  },
});

export const VotingMethodEnum = values('SINGLE', 'MULTIPLE', 'BUDGET');
registerEnumType(VotingMethodEnum, {
  name: 'VotingMethod',
  description: 'Cómo vota la ciudadanía.',
  valuesMap: {
    SINGLE: { description: 'One vote per voter in the round.' },
    MULTIPLE: { description: 'Up to maxVotesPerVoter votes, at most one per proposal.' },
    BUDGET: {
      description:
        'Participatory budgeting: each voter approves a set of proposals whose total estimated cost fits voterBudget.',
    },
  },
});

export const BudgetRuleEnum = values('GREEDY', 'EQUAL_SHARES');
registerEnumType(BudgetRuleEnum, {
  name: 'BudgetRule',
  description: 'Regla que decide qué proyectos se financian en un presupuesto participativo.',
  valuesMap: {
    GREEDY: { description: 'Por aprobaciones, financiando cada proyecto que aún cabe.' },
    EQUAL_SHARES: { description: 'Método de Partes Iguales (equalshares/add1).' },
  },
});

export const RoundKindEnum = values('SUBMISSION', 'VOTING', 'EVALUATION');
registerEnumType(RoundKindEnum, {
  name: 'RoundKind',
  description: 'Tipo de ronda.',
  valuesMap: {
    SUBMISSION: { description: 'Recepción de propuestas.' },
    VOTING: { description: 'Votación ciudadana.' },
    EVALUATION: { description: 'Evaluación del jurado.' },
  },
});

export const RoundStatusEnum = values('SCHEDULED', 'OPEN', 'CLOSED');
registerEnumType(RoundStatusEnum, {
  name: 'RoundStatus',
  description: 'Estado de una ronda.',
  valuesMap: {
    SCHEDULED: { description: 'Programada: aún no abre.' },
    OPEN: { description: 'Abierta.' },
    CLOSED: { description: 'Cerrada: su resultado quedó fijado.' },
  },
});
