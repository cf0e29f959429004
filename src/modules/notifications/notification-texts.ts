import type { NotificationType } from './notification-types.js';

/** What a notification talks about, read once per fan-out chunk. */
export interface NotificationFacts {
  challengeId: string | null;
  challengeTitle: string | null;
  proposalId: string | null;
  proposalTitle: string | null;
  roundTitle: string | null;
  reason: string | null;
  /** `proposal.ineligible` is told as PROPOSAL_HIDDEN with its own wording. */
  ineligible?: boolean;
}

export interface NotificationText {
  title: string;
  body: string;
  /** Path under PUBLIC_URL the notification links to. */
  path: string;
}

const q = (s: string | null, fallback: string) => `«${s ?? fallback}»`;

/** Spanish title, body and link of a notification (RULES §8). Pure. */
export function notificationText(type: NotificationType, f: NotificationFacts): NotificationText {
  const reto = q(f.challengeTitle, 'el reto');
  const propuesta = q(f.proposalTitle, 'tu propuesta');
  const ronda = q(f.roundTitle, 'la ronda');
  const challengePath = f.challengeId ? `/retos/${f.challengeId}` : '/';
  const proposalPath =
    f.challengeId && f.proposalId ? `/retos/${f.challengeId}/propuestas/${f.proposalId}` : challengePath;
  switch (type) {
    case 'CHALLENGE_PUBLISHED':
      return {
        title: `Nuevo reto: ${f.challengeTitle ?? ''}`.trim(),
        body: `Se publicó el reto ${reto}. Revisa sus rondas y participa.`,
        path: challengePath,
      };
    case 'ROUND_OPENED':
      return {
        title: `Abrió la ronda ${ronda}`,
        body: `La ronda ${ronda} del reto ${reto} ya está abierta.`,
        path: challengePath,
      };
    case 'ROUND_CLOSING_SOON':
      return {
        title: `La ronda ${ronda} cierra pronto`,
        body: `Quedan menos de 24 horas para participar en la ronda ${ronda} del reto ${reto}.`,
        path: challengePath,
      };
    case 'ROUND_CLOSED':
      return {
        title: `Cerró la ronda ${ronda}`,
        body: `La ronda ${ronda} del reto ${reto} cerró.`,
        path: challengePath,
      };
    case 'PROPOSAL_SUBMITTED':
      return {
        title: 'Tu propuesta fue enviada',
        body: `Recibimos tu propuesta ${propuesta} en el reto ${reto}. Te avisaremos de cada avance.`,
        path: proposalPath,
      };
    case 'PROPOSAL_ADVANCED':
      return {
        title: 'Tu propuesta avanzó',
        body: `Tu propuesta ${propuesta} pasó a la siguiente ronda del reto ${reto}.`,
        path: proposalPath,
      };
    case 'PROPOSAL_ELIMINATED':
      return {
        title: 'Tu propuesta no avanzó',
        body: `Tu propuesta ${propuesta} no pasó a la siguiente ronda del reto ${reto}. Gracias por participar.`,
        path: proposalPath,
      };
    case 'PROPOSAL_HIDDEN': {
      const what = f.ineligible ? 'fue marcada como no elegible' : 'fue ocultada por moderación';
      return {
        title: f.ineligible ? 'Tu propuesta no es elegible' : 'Tu propuesta fue ocultada',
        body: `Tu propuesta ${propuesta} ${what}${f.reason ? `. Motivo: ${f.reason}` : '.'}`,
        path: proposalPath,
      };
    }
    case 'JURY_ASSIGNED':
      return {
        title: 'Tienes propuestas por evaluar',
        body: `Se te asignaron propuestas para evaluar en el reto ${reto}.`,
        path: challengePath,
      };
    case 'EVALUATION_REMINDER':
      return {
        title: 'Recordatorio de evaluación',
        body: `Tienes evaluaciones pendientes en el reto ${reto}; la ronda ${ronda} cierra en menos de 48 horas.`,
        path: challengePath,
      };
    case 'RESULTS_PUBLISHED':
      return { title: 'Resultados publicados', body: `Ya están los resultados del reto ${reto}.`, path: challengePath };
    case 'PROPOSAL_WON':
      return {
        title: '¡Tu propuesta ganó!',
        body: `Tu propuesta ${propuesta} está entre las ganadoras del reto ${reto}. ¡Felicidades!`,
        path: proposalPath,
      };
    case 'CO_AUTHOR_INVITED':
      return {
        title: 'Te invitaron a firmar una propuesta',
        body: `Te invitaron a firmar la propuesta ${propuesta} del reto ${reto} como coautora o coautor. Firmarás solo si aceptas; también puedes rechazarla.`,
        path: challengePath,
      };
    case 'CHALLENGE_CANCELLED':
      return {
        title: 'Reto cancelado',
        body: `El reto ${reto} fue cancelado${f.reason ? `. Motivo: ${f.reason}` : '.'}`,
        path: challengePath,
      };
  }
}

/** How each type is named on the unsubscribe page and in e-mails. */
export const TYPE_LABELS: Record<NotificationType, string> = {
  CHALLENGE_PUBLISHED: 'retos nuevos',
  ROUND_OPENED: 'rondas que abren',
  ROUND_CLOSING_SOON: 'rondas por cerrar',
  ROUND_CLOSED: 'rondas que cierran',
  PROPOSAL_SUBMITTED: 'propuestas enviadas',
  PROPOSAL_ADVANCED: 'propuestas que avanzan',
  PROPOSAL_ELIMINATED: 'propuestas que no avanzan',
  PROPOSAL_HIDDEN: 'propuestas ocultadas',
  JURY_ASSIGNED: 'asignaciones de jurado',
  EVALUATION_REMINDER: 'recordatorios de evaluación',
  RESULTS_PUBLISHED: 'resultados publicados',
  PROPOSAL_WON: 'propuestas ganadoras',
  CHALLENGE_CANCELLED: 'retos cancelados',
  CO_AUTHOR_INVITED: 'invitaciones a firmar propuestas',
};
