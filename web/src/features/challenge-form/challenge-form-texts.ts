// Spanish texts of the "Nuevo reto" form, its steps, explanations and the cancel form.
import type { BudgetRule, RoundKind, VotingMethod } from '../../gql/graphql';

export const formTexts = {
  newTitle: 'Nuevo reto',
  editTitle: (title: string) => `Editar «${title}»`,
  lead: 'Define el reto paso a paso; al final revisas todo antes de guardar el borrador o publicarlo.',
  signIn: 'Inicia sesión para crear retos',
  noUnit: 'Para crear retos necesitas formar parte de una unidad de gobierno. Pide a su administración que te agregue.',
  notFound: 'No encontramos ese reto, o no tienes permiso para editarlo.',

  stepsLabel: 'Pasos del formulario',
  stepOf: (n: number, total: number) => `Paso ${n} de ${total}`,
  steps: [
    'Datos y territorio',
    'Calendario de rondas',
    'Forma de votar',
    'Quién participa',
    'Evaluación y resultados',
    'Revisar y guardar',
  ],
  next: 'Siguiente',
  previous: 'Anterior',
  fixStep: 'Revisa los campos marcados en este paso antes de continuar.',

  // 1. Basics
  unit: 'Unidad que publica el reto',
  territory: 'Territorio',
  territoryHint:
    'Lo fija la unidad: un reto federal es para todo el país; uno estatal o municipal, para su territorio.',
  territoryFederal: 'Todo el país (reto federal)',
  title: 'Título',
  titleHint: 'De 10 a 150 caracteres.',
  summary: 'Resumen',
  summaryHint: 'De 10 a 500 caracteres: lo que se lee en la lista de retos.',
  description: 'Descripción completa',
  descriptionHint: 'De 20 a 20 000 caracteres. Puedes usar Markdown.',
  category: 'Tema',
  chooseCategory: 'Elige un tema',
  tags: 'Etiquetas',
  tagsHint: 'Separadas por comas; hasta 10, de hasta 40 caracteres cada una.',

  // 2. Schedule
  scheduleHint:
    'Las fechas y horas son de la Ciudad de México. La primera ronda recibe propuestas; cada ronda abre cuando la anterior ya cerró.',
  round: (n: number) => `Ronda ${n}`,
  roundKind: (n: number) => `Tipo de la ronda ${n}`,
  roundTitle: (n: number) => `Título de la ronda ${n}`,
  roundOpens: (n: number) => `Apertura de la ronda ${n}`,
  roundCloses: (n: number) => `Cierre de la ronda ${n}`,
  roundAdvance: (n: number) => `Propuestas que pasan a la siguiente ronda (ronda ${n})`,
  advanceHint: 'Vacío: pasan todas. La última ronda no lleva este número.',
  moveUp: (n: number) => `Subir la ronda ${n}`,
  moveDown: (n: number) => `Bajar la ronda ${n}`,
  removeRound: (n: number) => `Quitar la ronda ${n}`,
  addRound: 'Agregar una ronda',
  defaultRoundTitle: {
    SUBMISSION: 'Recepción de propuestas',
    VOTING: 'Votación ciudadana',
    EVALUATION: 'Evaluación del jurado',
  } satisfies Record<RoundKind, string>,
  roundAdded: (n: number) => `Se agregó la ronda ${n}.`,
  roundRemoved: (n: number) => `Se quitó la ronda ${n}.`,
  roundMoved: (n: number) => `La ronda ahora es la número ${n}.`,

  // 3. Voting
  votingMethod: 'Forma de votar',
  votingMethodExplained: {
    SINGLE: 'Un voto por persona: cada quien elige una sola propuesta; gana la que reúne más votos.',
    MULTIPLE:
      'Varios votos por persona: cada quien puede apoyar varias propuestas, una vez cada una, hasta el límite que fijes.',
    BUDGET:
      'Presupuesto participativo: cada quien aprueba los proyectos que quiere hasta llenar su presupuesto; con los votos se decide qué proyectos caben en el presupuesto total.',
  } satisfies Record<VotingMethod, string>,
  votingMethodName: {
    SINGLE: 'Voto único',
    MULTIPLE: 'Voto múltiple',
    BUDGET: 'Presupuesto participativo',
  } satisfies Record<VotingMethod, string>,
  maxVotes: 'Votos por persona',
  maxVotesHint: 'Cuántas propuestas puede apoyar cada persona (1 o más).',
  budget: 'Presupuesto total (MXN)',
  budgetHint:
    'Lo que se reparte entre los proyectos ganadores (o la bolsa de premios). Opcional salvo en presupuesto participativo.',
  voterBudget: 'Presupuesto de cada votante (MXN)',
  voterBudgetHint: 'Lo más que puede sumar la boleta de una persona. Vacío: sin límite de costo.',
  minProjects: 'Mínimo de proyectos por boleta',
  minProjectsHint:
    'Una boleta con proyectos debe aprobar al menos estos (una boleta vacía siempre cuenta). Vacío: sin mínimo.',
  maxProjects: 'Máximo de proyectos por boleta',
  maxProjectsHint: 'Lo más que puede aprobar una persona. Vacío: sin máximo.',
  budgetRule: 'Regla para repartir el presupuesto',
  budgetRuleExplained: {
    GREEDY: 'Por aprobaciones: se financian los proyectos más votados, en orden, mientras quepan en el presupuesto.',
    EQUAL_SHARES:
      'Partes iguales: cada votante recibe una parte igual del presupuesto y la «gasta» en los proyectos que aprobó; favorece que más grupos vean financiado algo.',
  } satisfies Record<BudgetRule, string>,
  budgetRuleName: { GREEDY: 'Por aprobaciones', EQUAL_SHARES: 'Partes iguales' } satisfies Record<BudgetRule, string>,
  winnerCount: 'Propuestas ganadoras',
  winnerCountHint: 'Cuántas propuestas ganan al final (1 o más).',
  showLiveTally: 'Mostrar el conteo de votos mientras la votación está abierta',

  // 4. Eligibility
  eligibility: 'Quién puede proponer y votar',
  residentsOnly: 'Solo residentes del territorio del reto',
  residentsOnlyHint: 'Quien no declare vivir en la entidad o el municipio del reto no podrá proponer ni votar.',
  requireCurp: 'Pedir CURP verificada',
  requireCurpHint: 'Evita cuentas duplicadas; la CURP se guarda cifrada y nunca se muestra.',

  // 5. Evaluation and results
  noEvaluation:
    'Este reto no tiene ronda de evaluación: no necesita rúbrica ni jurado. Gana lo que decida la votación.',
  rubric: 'Rúbrica del jurado',
  rubricHint: 'Cada criterio tiene un peso en porcentaje (los pesos deben sumar 100 %) y una calificación máxima.',
  criterion: (n: number) => `Criterio ${n}`,
  criterionName: (n: number) => `Nombre del criterio ${n}`,
  criterionDescription: (n: number) => `Qué valora el criterio ${n}`,
  criterionWeight: (n: number) => `Peso del criterio ${n} (%)`,
  criterionMaxScore: (n: number) => `Calificación máxima del criterio ${n}`,
  removeCriterion: (n: number) => `Quitar el criterio ${n}`,
  addCriterion: 'Agregar un criterio',
  weightSum: (sum: string) => `Los pesos suman ${sum} %.`,
  jury: 'Jurado',
  blindEvaluation: 'Evaluación ciega: el jurado no ve quién firma cada propuesta',
  jurorsPerProposal: 'Jurados por propuesta',
  jurorsPerProposalHint: 'Vacío: cada integrante del jurado evalúa todas las propuestas.',
  normalize: 'Normalizar las calificaciones de cada jurado',
  normalizeHint: 'Así, una persona del jurado muy estricta o muy generosa no pesa más que las demás.',
  results: 'Cómo se calcula el resultado',
  publicWeight: 'Peso del voto público (%)',
  publicWeightHint: 'El jurado pesa el resto. Solo aplica si hay una votación antes de la evaluación final.',
  juryWeight: (p: string) => `Peso del jurado: ${p} %.`,
  example: 'Ejemplo con tus números',
  exampleUnavailable: 'Completa la rúbrica (pesos que sumen 100 %) para ver un ejemplo del cálculo.',
  exampleLine: (name: string, score: number, max: number, weight: string) =>
    `${name}: ${score} de ${max} puntos, con peso de ${weight} %.`,
  exampleJury: (formula: string, result: string) => `Calificación del jurado: ${formula} = ${result} de 100.`,
  exampleVote: (vote: string) =>
    `Calificación del voto público: ${vote} de 100 (la propuesta tuvo la mitad de votos que la más votada).`,
  exampleFinal: (formula: string, result: string) => `Calificación final: ${formula} = ${result}.`,

  // 6. Preview
  preview: 'Resumen del reto',
  whatHappens: 'Qué pasará y cuándo',
  roundSummary: (kind: string, title: string, opens: string, closes: string) =>
    `${kind} («${title}»): del ${opens} al ${closes}.`,
  advanceSummary: (count: number) => `Al cerrar, pasan ${count} propuestas a la siguiente ronda.`,
  winnersSummary: (count: number) =>
    count === 1 ? 'Al final gana 1 propuesta.' : `Al final ganan ${count} propuestas.`,
  draftNote: 'Un borrador solo lo ve tu unidad. Al publicar, el reto queda visible y sus rondas abren y cierran solas.',
  eligibilitySummary: (residents: boolean, curp: boolean) =>
    [
      residents ? 'Solo residentes del territorio.' : 'Cualquier persona con cuenta.',
      curp ? 'Con CURP verificada.' : '',
    ]
      .join(' ')
      .trim(),
  yes: 'Sí',
  no: 'No',
  saveDraft: 'Guardar borrador',
  saving: 'Guardando…',
  publish: 'Publicar el reto',
  publishing: 'Publicando…',
  saved: 'Borrador guardado. Solo lo ve tu unidad.',
  published: (title: string) => `Se publicó el reto «${title}».`,
  editStep: (name: string) => `Editar: ${name}`,

  // Published challenge
  status: (status: string) => `Estado: ${status}.`,
  statusName: { DRAFT: 'borrador', PUBLISHED: 'publicado', FINISHED: 'terminado', CANCELLED: 'cancelado' } as Record<
    string,
    string
  >,
  publishedNote: 'Un reto publicado ya no cambia su calendario ni sus reglas desde este formulario.',
  viewChallenge: 'Ver la página pública del reto',
  cancelTitle: 'Cancelar el reto',
  cancelReason: 'Motivo de la cancelación',
  cancelReasonHint: 'Se publica junto al reto y se avisa a quienes lo siguen.',
  cancelReasonRequired: 'Escribe el motivo de la cancelación.',
  cancel: 'Cancelar el reto',
  cancelled: 'Se canceló el reto.',
  cancelledReason: (reason: string) => `Motivo: ${reason}`,
};
