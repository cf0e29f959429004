import type { FollowTargetType } from '../../gql/graphql';

/** Spanish texts of following (RULES §8: followers of a challenge hear of its rounds, results and cancellation). */
export const followTexts = {
  follow: 'Seguir este reto',
  unfollow: 'Dejar de seguir',
  youFollow: 'Sigues este reto: te avisaremos cuando abra o cierre una ronda y cuando se publiquen los resultados.',
  following: (title: string) => `Ahora sigues «${title}».`,
  unfollowed: (title: string) => `Dejaste de seguir «${title}».`,
  signIn: 'Inicia sesión para seguir este reto y recibir sus avisos',
  pageTitle: 'Lo que sigo',
  pageIntro: 'Recibes avisos de lo que sigues. Votar o enviar una propuesta en un reto también hace que lo sigas.',
  signInToSee: 'Inicia sesión para ver lo que sigues',
  none: 'Todavía no sigues nada. Abre un reto y elige «Seguir este reto».',
  since: (when: string) => `Desde el ${when}`,
  stopped: 'Listo: ya no recibirás esos avisos.',
  unknownChallenge: 'Un reto que ya no está visible',
  preferencesLink: 'Elegir qué avisos recibir y por dónde',
  targetType: {
    CHALLENGE: 'Reto',
    UNIT: 'Unidad de gobierno',
    CATEGORY: 'Tema',
    STATE: 'Entidad',
    MUNICIPALITY: 'Municipio',
  } satisfies Record<FollowTargetType, string>,
};
