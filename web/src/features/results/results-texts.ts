import type { ResultColumn, ResultKind } from './ranking';

/** Spanish texts of the results page. */

const scores = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const counts = new Intl.NumberFormat('es-MX');

export const resultsTexts = {
  title: (challenge: string) => `Resultados: «${challenge}»`,
  backToChallenge: (challenge: string) => `Volver al reto «${challenge}»`,
  published: (when: string) => `Publicados el ${when}. No se recalculan.`,
  notYet: 'Los resultados se publican cuando cierra la última ronda del reto.',
  cancelled: 'Este reto se canceló: no tiene resultados.',
  winnersTitle: (kind: ResultKind) => (kind === 'BUDGET' ? 'Proyectos financiados' : 'Propuestas ganadoras'),
  noWinners: 'Ninguna propuesta resultó ganadora.',
  rankingTitle: 'Clasificación',
  tableCaption: 'Clasificación final, del primer lugar al último',
  rank: 'Lugar',
  proposal: 'Propuesta',
  outcome: 'Resultado',
  methodTitle: 'Cómo se calculó',
  downloadsTitle: 'Datos abiertos',
  downloadsIntro: 'Con estos archivos cualquiera puede recalcular la clasificación y compararla con la publicada.',
  columnHeader(column: ResultColumn, kind: ResultKind): string {
    switch (column) {
      case 'votes':
        return kind === 'BUDGET' ? 'Aprobaciones' : 'Votos';
      case 'voteScore':
        return 'Puntaje del voto (0 a 100)';
      case 'juryScore':
        return 'Puntaje del jurado (0 a 100)';
      case 'finalScore':
        return kind === 'VOTES' ? 'Puntaje (0 a 100)' : 'Puntaje final (0 a 100)';
      case 'evaluations':
        return 'Evaluaciones';
      case 'cost':
        return 'Costo estimado';
      case 'allocated':
        return 'Monto asignado';
    }
  },

  score: (value: number | null) => (value === null ? 'Sin dato' : scores.format(value)),
  count: (value: number | null) => (value === null ? 'Sin dato' : counts.format(value)),

  winner: (kind: ResultKind) => (kind === 'BUDGET' ? 'Se financia' : 'Ganadora'),
  notWinner: (kind: ResultKind) => (kind === 'BUDGET' ? 'No se financia' : 'No ganó'),

  chartTitle: (kind: ResultKind) =>
    kind === 'JURY'
      ? 'Puntaje final por propuesta'
      : kind === 'BUDGET'
        ? 'Aprobaciones por proyecto'
        : 'Votos por propuesta',

  turnout: (voters: number, votes: number, kind: ResultKind) =>
    kind === 'BUDGET'
      ? `${counts.format(voters)} personas enviaron su boleta, con ${counts.format(votes)} aprobaciones.`
      : `${counts.format(voters)} personas votaron; se contaron ${counts.format(votes)} votos.`,

  budgetUsed: (used: string, total: string, percent: number, leftover: string) =>
    `Se asignaron ${used} de ${total} (${percent} %). Quedan sin asignar ${leftover}.`,

  budgetChart: (percent: number) => `Presupuesto asignado: ${percent} %`,
  jury: {
    title: 'Detalle del jurado',
    componentsTitle: 'De qué se compone el puntaje final',
    componentsIntro: (w: number) =>
      `Puntaje final = ${percent(1 - w)} del puntaje del jurado + ${percent(w)} del puntaje del voto ciudadano.`,
    componentsCaption: 'Parte del jurado y parte del voto ciudadano en el puntaje final de cada propuesta',
    juryPart: (w: number) => `Jurado (${percent(1 - w)})`,
    publicPart: (w: number) => `Voto ciudadano (${percent(w)})`,
    finalScore: 'Puntaje final',
    criteriaTitle: 'Promedio por criterio',
    criteriaCaption: 'Promedio de las calificaciones del jurado por criterio, en la escala de cada criterio',
    jurorsTitle: 'Calificación de cada persona del jurado',
    jurorsIntro: (normalized: boolean) =>
      normalized
        ? 'Totales normalizados (0 a 100), como los usó la clasificación. El jurado aparece sin nombres.'
        : 'Totales de cada evaluación (0 a 100). El jurado aparece sin nombres.',
    jurorsCaption: (normalized: boolean) =>
      normalized
        ? 'Total normalizado de cada persona del jurado por propuesta'
        : 'Total de cada persona del jurado por propuesta',
  },
};

function percent(fraction: number): string {
  // Written like the budget sentence ("60 %"), not with Intl's percent style, whose spacing varies by engine.
  return `${new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 }).format(fraction * 100)} %`;
}
