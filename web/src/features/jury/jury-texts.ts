/** Spanish texts of the juror pages («Mis evaluaciones» and the scoring page). */
import { juryNavLink } from './jury-nav';

const oneDecimal = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });

function proposals(n: number): string {
  return n === 1 ? '1 propuesta' : `${n} propuestas`;
}

export const juryTexts = {
  listTitle: juryNavLink,
  listIntro: 'Los retos en cuyo jurado participas y las propuestas que te tocó calificar.',
  signInToSee: 'Inicia sesión para ver tus evaluaciones',
  notJuror:
    'No formas parte de ningún jurado. Cuando una dependencia te invite al jurado de un reto, aquí verás las propuestas que te toque calificar.',
  noAssignments: 'Todavía no tienes propuestas asignadas en este reto: se asignan cuando abre la evaluación.',
  assigned: (n: number) => `Te ${n === 1 ? 'tocó' : 'tocaron'} ${proposals(n)}.`,
  closes: (when: string) => `La evaluación cierra el ${when}.`,
  closed: (when: string) => `La evaluación cerró el ${when}.`,
  opens: (when: string) => `La evaluación abre el ${when}.`,
  blind: 'Evaluación ciega: no verás quién escribió las propuestas hasta que se publiquen los resultados.',
  status: { NOT_STARTED: 'sin empezar', SAVED: 'guardada' } as const,
  statusLabel: 'Estado',
  challengeLink: (title: string) => `Ver el reto «${title}»`,

  scoringTitle: (title: string) => `Calificar «${title}»`,
  back: 'Volver a mis evaluaciones',
  notAssigned: 'Esta propuesta no está entre tus asignaciones de este reto (quizá declaraste un conflicto de interés).',
  by: (names: string) => `por ${names}`,
  anonymous: 'Anónimo',
  proposalHeading: 'La propuesta',
  summary: 'Resumen',
  body: 'Propuesta completa',
  links: 'Enlaces de apoyo',
  estimatedCost: (amount: string) => `Costo estimado: ${amount}`,
  rubricHeading: 'Calificación',
  rubricIntro: 'Califica cada criterio de 0 a su máximo. El total ponderado se calcula con el peso de cada criterio.',
  range: (max: number) => `de 0 a ${max}`,
  weightShare: (weight: number, share: number) =>
    `Peso ${oneDecimal.format(weight)} (${oneDecimal.format(share)} % del total)`,
  total: (value: number) => `Total ponderado: ${oneDecimal.format(value)} de 100`,
  missing: (n: number) => (n === 1 ? 'Falta calificar 1 criterio.' : `Faltan calificar ${n} criterios.`),
  comment: 'Comentario (opcional)',
  commentHint: 'De 3 a 2 000 caracteres. Lo leen la dependencia y, sin tu nombre, quien consulte los resultados.',
  changeUntil: (when: string) => `Puedes cambiarla hasta el cierre (${when}).`,
  roundNotOpen: 'La evaluación no está abierta: ya no se pueden guardar cambios.',
  save: 'Guardar evaluación',
  saving: 'Guardando…',
  saved: (title: string) => `Tu evaluación de «${title}» quedó guardada.`,
  savedAt: (when: string) => `Guardada el ${when}.`,
  next: 'Siguiente propuesta',
  allDone: 'Ya guardaste todas tus propuestas de este reto.',

  conflictHeading: 'Conflicto de interés',
  conflictIntro:
    'Si conoces a quien la escribió o tienes algún interés en esta propuesta, declara un conflicto de interés y no la califiques.',
  conflictOpen: 'Declarar conflicto de interés',
  conflictReason: 'Motivo del conflicto',
  conflictReasonHint: 'De 3 a 2 000 caracteres. Solo lo ven tú y la dependencia.',
  conflictConfirmText:
    'Al confirmar, la propuesta sale de tu lista, se borra tu evaluación de ella si la guardaste y pasa a otra persona del jurado. No podrás deshacerlo.',
  conflictConfirm: 'Confirmar el conflicto',
  conflictCancel: 'Cancelar',
  conflictDone: (title: string) =>
    `Declaraste un conflicto de interés con «${title}»: la propuesta pasó a otra persona del jurado.`,

  /** Server reasons a juror can meet, with what they mean here. */
  refusal(reason: string | undefined, serverMessage: string): string {
    const byReason: Record<string, string> = {
      ROUND_NOT_OPEN: 'La evaluación no está abierta: ya cerró o aún no empieza.',
      NOT_ASSIGNED: 'Esta propuesta ya no está asignada a ti.',
      CONFLICT_OF_INTEREST: 'Declaraste un conflicto de interés con esta propuesta: no puedes calificarla.',
    };
    return (reason && byReason[reason]) ?? serverMessage;
  },
};
