/** Spanish texts of "Mi unidad": the dashboard and the management of a challenge, its jury and the unit's team. */

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('es-MX')} ${n === 1 ? one : many}`;
}

export type UnitAction =
  | 'closeRound'
  | 'reschedule'
  | 'markIneligible'
  | 'hide'
  | 'unhide'
  | 'addJuror'
  | 'removeJuror'
  | 'addMember'
  | 'removeMember';

const adminOnly: Partial<Record<UnitAction, string>> = {
  closeRound: 'Solo una persona administradora (ADMIN) de la unidad puede cerrar una ronda.',
  reschedule: 'Solo una persona administradora (ADMIN) de la unidad puede reprogramar una ronda.',
  addMember: 'Solo una persona administradora (ADMIN) de la unidad puede agregar integrantes.',
  removeMember: 'Solo una persona administradora (ADMIN) de la unidad puede quitar integrantes.',
  hide: 'Ocultar propuestas le corresponde a la moderación de la plataforma.',
  unhide: 'Volver a mostrar propuestas le corresponde a la moderación de la plataforma.',
};

const byReason: Record<string, string> = {
  JUROR_CONFLICT: 'Esa persona firmó una propuesta o votó en este reto, así que no puede formar parte de su jurado.',
  INVALID_STATE_TRANSITION: 'La ronda ya no está en un estado que permita ese cambio. Recarga la página.',
  ROUND_NOT_OPEN: 'La ronda no está abierta en este momento.',
};

export const unitTexts = {
  navLink: 'Mi unidad',
  dashboardTitle: 'Mi unidad',
  dashboardIntro: 'Los retos de las unidades de gobierno de las que formas parte, y lo que necesita tu atención.',
  role: { ADMIN: 'Administración (ADMIN)', EDITOR: 'Edición (EDITOR)' } as Record<string, string>,
  yourRole: (role: string) => `Tu papel: ${unitTexts.role[role] ?? role}`,
  team: 'Equipo de la unidad',
  newChallenge: 'Nuevo reto',
  noChallenges: 'Esta unidad todavía no tiene retos.',
  attentionTitle: 'Requiere atención',
  nothingNeedsAttention: 'Nada requiere tu atención por ahora.',
  toReview: (n: number) => `${plural(n, 'propuesta recibida', 'propuestas recibidas')} por revisar`,
  closingSoon: (round: string, left: string) => `La ronda «${round}» cierra pronto: ${left}`,
  pending: (n: number) => plural(n, 'evaluación pendiente', 'evaluaciones pendientes'),
  manage: (title: string) => `Gestionar «${title}»`,
  proposals: (n: number) => plural(n, 'propuesta', 'propuestas'),

  noAccessTitle: 'No tienes acceso',
  noAccessBody:
    'Esta sección es para el personal de las unidades de gobierno que publican retos. Tu cuenta no forma parte de ninguna unidad con acceso a esta página.',
  noAccessHelp: 'Si trabajas en una unidad, pide a su persona administradora que te agregue con tu correo.',
  backToChallenges: 'Volver a los retos',

  challengeTitle: (title: string) => `Gestión de «${title}»`,
  backToDashboard: 'Volver a Mi unidad',
  publicPage: 'Ver la página pública del reto',
  sectionsLabel: 'Secciones',
  phase: 'Fase',
  participants: (n: number) => `Personas participantes: ${n.toLocaleString('es-MX')}`,

  roundsTitle: 'Rondas',
  roundDates: (opens: string, closes: string) => `Abre el ${opens}; cierra el ${closes}.`,
  closedAt: (when: string) => `Cerró el ${when}.`,
  closeNow: 'Cerrar ronda ahora',
  closeNowFor: (round: string) => `Cerrar ronda ahora: «${round}»`,
  confirmCloseTitle: (round: string) => `¿Cerrar la ronda «${round}» ahora?`,
  confirmCloseConsequences: [
    'La ronda cierra de inmediato y ya no acepta propuestas, votos ni evaluaciones.',
    'Su resultado queda fijado: se calcula con lo recibido hasta este momento y no se puede reabrir.',
    'El cierre queda en la bitácora pública del reto y se avisa a quienes lo siguen.',
  ],
  confirmClose: 'Sí, cerrar la ronda',
  cancel: 'Cancelar',
  closed: (round: string) => `La ronda «${round}» quedó cerrada.`,
  reschedule: 'Reprogramar',
  rescheduleFor: (round: string) => `Reprogramar «${round}»`,
  rescheduleTitle: (round: string) => `Nuevas fechas de «${round}»`,
  opensAt: 'Nueva apertura',
  closesAt: 'Nuevo cierre',
  dateHint: 'Fecha y hora de la Ciudad de México.',
  opensAtLocked: 'La ronda ya abrió: solo se puede mover su cierre.',
  saveSchedule: 'Guardar fechas',
  openNow: 'Abrir ahora',
  openNowHint: (previous: string | null) =>
    previous
      ? `La ronda anterior («${previous}») ya cerró: «Abrir ahora» abre esta ronda de inmediato y conserva el cierre indicado.`
      : '«Abrir ahora» abre esta ronda de inmediato y conserva el cierre indicado.',
  openingNow: (round: string) => `La ronda «${round}» abre ahora; su estado cambia en unos segundos.`,
  rescheduled: (round: string) => `Se reprogramó la ronda «${round}».`,
  invalidDate: 'Escribe una fecha y hora válidas.',
  adminOnlyHint: 'Solo la administración (ADMIN) de la unidad cierra y reprograma rondas.',
  tallyTitle: (round: string) => `Conteo de «${round}»`,
  tallyHidden: 'El conteo de esta ronda está oculto hasta que cierre.',
  tallyEmpty: 'Todavía no hay votos.',
  tallyProposal: 'Propuesta',
  tallyVotes: 'Votos',
  tallyRank: 'Lugar',
  participation: (budget: boolean, voters: number, votes: number) => {
    const n = voters.toLocaleString('es-MX');
    const m = votes.toLocaleString('es-MX');
    return budget
      ? `Participación: ${n} ${voters === 1 ? 'boleta enviada' : 'boletas enviadas'} (incluidas las vacías), ${m} ${votes === 1 ? 'proyecto aprobado' : 'proyectos aprobados'}.`
      : `Participación: ${n} ${voters === 1 ? 'persona votó' : 'personas votaron'}, ${m} ${votes === 1 ? 'voto' : 'votos'}.`;
  },

  moderationTitle: 'Moderación',
  moderationIntro:
    'Propuestas enviadas al reto. Declarar una propuesta no elegible o ocultarla exige un motivo público, que verán su autoría y la ciudadanía.',
  noProposals: 'Este reto no tiene propuestas enviadas.',
  reasonLabel: (title: string) => `Motivo para «${title}»`,
  reasonHint: 'Público: lo verán la autoría y la ciudadanía (3 a 2 000 caracteres).',
  reasonRequired: 'Escribe el motivo: es obligatorio y será público.',
  markIneligible: 'Declarar no elegible',
  hide: 'Ocultar',
  unhide: 'Volver a mostrar',
  actionFor: (title: string) => `«${title}»`,
  markedIneligible: (title: string) => `«${title}» quedó declarada no elegible.`,
  hidden: (title: string) => `«${title}» quedó oculta.`,
  unhidden: (title: string) => `«${title}» se muestra de nuevo.`,
  reasonShown: (reason: string) => `Motivo: ${reason}`,
  by: (name: string) => `por ${name}`,
  anonymous: 'Anónimo',

  juryTitle: 'Jurado',
  juryIntro:
    'Agrega al jurado cuentas existentes por su correo. El avance muestra solo conteos: las calificaciones no se ven antes del cierre de la evaluación.',
  noJurors: 'El jurado todavía no tiene integrantes.',
  jurorEmail: 'Correo de la persona',
  jurorEmailHint: 'Debe tener una cuenta en la plataforma.',
  isChair: 'Preside el jurado',
  addJuror: 'Agregar al jurado',
  jurorAdded: (name: string) => `${name} se integró al jurado.`,
  removeJuror: 'Quitar del jurado',
  removeJurorFor: (name: string) => `Quitar a ${name} del jurado`,
  jurorRemoved: (name: string) => `${name} dejó el jurado.`,
  chair: 'Presidencia',
  conflicts: 'Conflictos de interés',
  noConflicts: 'Sin conflictos declarados',
  progress: (evaluated: number, assigned: number) =>
    `Evaluaciones enviadas: ${evaluated.toLocaleString('es-MX')} de ${assigned.toLocaleString('es-MX')}`,
  progressHidden: 'Avance no disponible',
  noEvaluationRound: 'Este reto no tiene una ronda de evaluación abierta o por venir: el jurado ya no cambia.',

  auditTitle: 'Bitácora',
  auditIntro: 'Lo que ha pasado en el reto, lo más reciente primero. Es pública y no se borra.',
  auditEmpty: 'Todavía no hay eventos.',
  system: 'El sistema',
  auditBy: (who: string) => `Por ${who}`,

  teamTitle: (unit: string) => `Equipo de ${unit}`,
  teamIntro:
    'La administración (ADMIN) gestiona integrantes y publica, cierra y cancela retos; la edición (EDITOR) crea y edita retos y gestiona el jurado.',
  memberName: 'Persona',
  memberRole: 'Papel',
  memberActions: 'Acciones',
  you: '(tú)',
  memberEmail: 'Correo de la persona',
  memberEmailHint: 'Debe tener una cuenta en la plataforma. Si ya es integrante, cambia su papel.',
  roleLabel: 'Papel',
  addMember: 'Agregar o cambiar papel',
  memberAdded: (name: string, role: string) => `${name} ahora tiene el papel ${unitTexts.role[role] ?? role}.`,
  removeMember: 'Quitar de la unidad',
  removeMemberFor: (name: string) => `Quitar a ${name} de la unidad`,
  memberRemoved: (name: string) => `${name} dejó la unidad.`,
  membersAdminOnly: 'Solo la administración (ADMIN) de la unidad agrega y quita integrantes.',
  unitNotFound: 'Esa unidad no existe o no formas parte de ella.',

  /** The API's refusal explained for the action that caused it; the server's own Spanish text otherwise. */
  refusal(code: string | undefined, reason: string | undefined, serverMessage: string, action: UnitAction): string {
    if (reason && byReason[reason]) return byReason[reason];
    if (code === 'FORBIDDEN') return adminOnly[action] ?? 'Tu papel en la unidad no permite hacer esto.';
    if (code === 'CONFLICT' && action === 'removeMember')
      return 'No se puede quitar a la última persona administradora: la unidad debe conservar al menos una. Da primero el papel ADMIN a otra persona.';
    if (code === 'CONFLICT' && action === 'addMember')
      return 'No se puede cambiar el papel de la última persona administradora: la unidad debe conservar al menos una.';
    return serverMessage;
  },
};
