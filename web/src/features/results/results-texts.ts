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
};
