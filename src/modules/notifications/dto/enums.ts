import { registerEnumType } from '@nestjs/graphql';
import { FOLLOW_TARGET_TYPES, NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '../notification-types.js';

const values = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

export const NotificationTypeEnum = values(NOTIFICATION_TYPES);
registerEnumType(NotificationTypeEnum, {
  name: 'NotificationType',
  description: 'Qué ocurrió.',
  valuesMap: {
    CHALLENGE_PUBLISHED: { description: 'Se publicó un reto de una unidad, tema o territorio que sigues.' },
    ROUND_OPENED: { description: 'Abrió una ronda de un reto que sigues.' },
    ROUND_CLOSING_SOON: { description: 'Una ronda de un reto que sigues cierra en menos de 24 horas.' },
    ROUND_CLOSED: { description: 'Cerró una ronda de un reto que sigues.' },
    PROPOSAL_SUBMITTED: { description: 'Se envió una propuesta tuya.' },
    PROPOSAL_ADVANCED: { description: 'Una propuesta tuya pasó a la siguiente ronda.' },
    PROPOSAL_ELIMINATED: { description: 'Una propuesta tuya no pasó a la siguiente ronda.' },
    PROPOSAL_HIDDEN: { description: 'Una propuesta tuya fue ocultada o marcada como no elegible.' },
    JURY_ASSIGNED: { description: 'Se te asignaron propuestas para evaluar.' },
    EVALUATION_REMINDER: { description: 'Tienes evaluaciones pendientes y la ronda cierra pronto.' },
    RESULTS_PUBLISHED: { description: 'Se publicaron los resultados de un reto que sigues.' },
    PROPOSAL_WON: { description: 'Una propuesta tuya ganó.' },
    CHALLENGE_CANCELLED: { description: 'Se canceló un reto que sigues.' },
    CO_AUTHOR_INVITED: { description: 'Te invitaron a firmar una propuesta como coautora o coautor.' },
  },
});

export const NotificationChannelEnum = values(NOTIFICATION_CHANNELS);
registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'Por dónde llega un aviso.',
  valuesMap: {
    IN_APP: { description: 'Dentro de la plataforma (lista de avisos y en vivo).' },
    EMAIL: { description: 'Por correo electrónico.' },
  },
});

export const FollowTargetTypeEnum = values(FOLLOW_TARGET_TYPES);
registerEnumType(FollowTargetTypeEnum, {
  name: 'FollowTargetType',
  description: 'Qué se sigue.',
  valuesMap: {
    CHALLENGE: { description: 'Un reto (por su identificador).' },
    UNIT: { description: 'Una unidad de gobierno (por su identificador).' },
    CATEGORY: { description: 'Un tema (nombre del valor de ChallengeCategory).' },
    STATE: { description: 'Una entidad federativa (clave INEGI de 2 dígitos).' },
    MUNICIPALITY: { description: 'Un municipio (clave INEGI de 5 dígitos).' },
  },
});
