// Spanish texts of the proposal pages: write and send, the list, the proposal page, editing, withdrawing and co-authors.
import type { ProposalOrder } from '../../gql/graphql';
import { texts } from '../../shared/texts';

export const proposalTexts = {
  newTitle: 'Nueva propuesta',
  forChallenge: (title: string) => `Para el reto «${title}»`,
  backToChallenge: (title: string) => `Volver al reto «${title}»`,
  title: 'Título',
  titleHint: 'De 5 a 150 caracteres.',
  summary: 'Resumen',
  summaryHint: 'Una o dos frases que expliquen la idea (10 a 500 caracteres).',
  body: 'Propuesta completa',
  bodyHint: 'Qué propones, cómo funcionaría y a quién beneficia (al menos 20 caracteres).',
  estimatedCost: 'Costo estimado en pesos (opcional)',
  required: {
    title: 'Escribe el título de tu propuesta.',
    summary: 'Escribe un resumen de tu propuesta.',
    body: 'Escribe tu propuesta completa.',
  },
  stepWrite: 'Paso 1 de 2: escribe tu propuesta',
  stepReview: 'Paso 2 de 2: revisa y envía',
  review: 'Revisar propuesta',
  reviewIntro: 'Así verán tu propuesta las demás personas. Si todo está bien, envíala.',
  backToWrite: 'Volver a editar',
  submit: 'Enviar propuesta',
  sending: 'Enviando…',
  sent: 'Tu propuesta fue enviada.',
  signInFirst: 'Inicia sesión para proponer.',
  draftKept: 'Guardamos lo que escribes solo en este navegador durante 30 días, hasta que la envíes.',
  draftRestored: (when: string) => `Recuperamos tu borrador guardado en este navegador el ${when}.`,
  discardDraft: 'Descartar borrador',
  draftDiscarded: 'Descartamos el borrador.',

  status: texts.proposals.status,

  list: {
    title: (challenge: string) => `Propuestas de «${challenge}»`,
    orderLabel: 'Ordenar por',
    order: {
      NEWEST: 'Más recientes',
      MOST_VOTED: 'Más votadas',
      RANDOM: 'Orden aleatorio',
      RANK: 'Lugar en el ranking',
    } satisfies Record<ProposalOrder, string>,
    randomExplained:
      'Mientras se vota, el orden es aleatorio para que ninguna propuesta gane por su lugar en la lista.',
    count: (shown: number, total: number) =>
      total === 1 ? 'Se muestra 1 propuesta.' : `Se muestran ${shown} de ${total} propuestas.`,
    empty: 'Todavía no hay propuestas enviadas.',
    more: 'Ver más',
    loadingMore: 'Cargando…',
    loadedMore: (n: number) => (n === 1 ? 'Se cargó 1 propuesta más.' : `Se cargaron ${n} propuestas más.`),
  },

  page: {
    status: 'Estado',
    challenge: 'Reto',
    author: 'Autoría',
    coAuthors: 'Coautoría',
    anonymous: 'Anónimo',
    submittedAt: 'Enviada el',
    cost: 'Costo estimado',
    summary: 'Resumen',
    body: 'Propuesta completa',
    links: 'Enlaces de apoyo',
    votesLabel: 'Votos',
    votes: (n: number) => (n === 1 ? '1 voto' : `${n.toLocaleString('es-MX')} votos`),
    hidden: 'La moderación de la plataforma ocultó esta propuesta.',
    ineligible: 'La unidad que publica el reto declaró esta propuesta no elegible.',
    reason: (reason: string) => `Motivo: ${reason}`,
    contentHidden: 'Su contenido no se muestra; el título y el motivo siguen a la vista.',
    withdrawn: 'Su autora o autor retiró esta propuesta: ya no está en competencia.',
    draft: 'Es un borrador: solo lo ven quienes lo firman. Envíalo para que participe.',
    yours: 'Tu propuesta',
    edit: 'Editar',
    editClosed: 'La recepción de propuestas cerró: el texto ya no se puede editar.',
    withdraw: 'Retirar propuesta',
  },

  withdraw: {
    title: (title: string) => `¿Retirar «${title}»?`,
    consequences: [
      'Sale de la competencia: ya no se podrá votar por ella y los votos que tenga dejarán de contar.',
      'Seguirá a la vista como «Retirada», con tu nombre.',
      'No se puede deshacer.',
    ],
    confirm: 'Sí, retirar la propuesta',
    cancel: 'Cancelar',
    done: 'Retiraste tu propuesta. Ya no está en competencia.',
  },

  coAuthor: {
    title: 'Invitar a coautoría',
    intro:
      'Invita a otra persona a firmar la propuesta contigo. Si tiene una cuenta verificada con ese correo, recibirá la invitación; firmará cuando la acepte (hasta 5 personas).',
    email: 'Correo de la persona',
    emailHint: 'Por ejemplo, nombre@ejemplo.mx',
    invite: 'Enviar invitación',
    inviting: 'Enviando…',
    emailRequired: 'Escribe el correo de la persona que quieres invitar.',
    emailInvalid: 'Escribe un correo válido, como nombre@ejemplo.mx.',
    sent: (email: string) =>
      `Listo: si ${email} tiene una cuenta verificada, le llegará la invitación. Firmará cuando la acepte.`,
  },

  edit: {
    title: (title: string) => `Editar «${title}»`,
    save: 'Guardar cambios',
    saving: 'Guardando…',
    saved: 'Guardamos los cambios de tu propuesta.',
    signIn: 'Inicia sesión para editar tu propuesta.',
    notAllowed: 'Solo quienes firman la propuesta pueden editarla, y solo hasta que cierra la recepción de propuestas.',
    backToProposal: 'Volver a la propuesta',
  },
};
