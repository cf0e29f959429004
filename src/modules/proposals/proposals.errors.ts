import { DomainError } from '../../common/domain-error.js';
import type { UniqueViolationTable } from '../../infrastructure/database/unique-violations.js';
import { INVITATIONS_PER_DAY } from './co-author-rules.js';
import { MAX_CO_AUTHORS } from './proposal-rules.js';

// Two requests adding the same co-author at once: the primary key settles it, with the same answer as the check.
export const proposalsUniqueViolations: UniqueViolationTable = {
  proposal_co_authors_pkey: { message: 'Esa persona ya es coautora de la propuesta.', field: 'email' },
};

export const ProposalErrors = {
  notFound: () => DomainError.notFound('La propuesta'),
  challengeNotFound: () => DomainError.notFound('El reto'),
  notAuthor: () => DomainError.forbidden('Solo la autora o el autor de la propuesta puede hacer esto.'),
  notAuthorOrCoAuthor: () => DomainError.forbidden('Solo quienes firman la propuesta pueden editarla.'),
  challengeNotRunning: () =>
    DomainError.conflict('El reto no está en curso: ya terminó o fue cancelado.', 'INVALID_STATE_TRANSITION'),
  draftsClosed: () =>
    DomainError.conflict('La recepción de propuestas ya cerró: el texto quedó congelado.', 'ROUND_NOT_OPEN'),
  submissionsClosed: () =>
    DomainError.conflict(
      'La ronda de propuestas no está abierta: solo se envía mientras está abierta.',
      'ROUND_NOT_OPEN',
    ),
  notEditable: () =>
    DomainError.conflict(
      'Una propuesta retirada, oculta o no elegible ya no se puede modificar.',
      'INVALID_STATE_TRANSITION',
    ),
  notADraft: () => DomainError.conflict('Solo se envía un borrador.', 'INVALID_STATE_TRANSITION'),
  notWithdrawable: () =>
    DomainError.conflict(
      'Solo se retira un borrador o una propuesta en competencia de un reto que no ha terminado.',
      'INVALID_STATE_TRANSITION',
    ),
  selfCoAuthor: () => DomainError.field('email', 'Ya firmas la propuesta como autora o autor.'),
  invitationQuota: () =>
    new DomainError(
      'RATE_LIMITED',
      `Puedes enviar hasta ${INVITATIONS_PER_DAY} invitaciones de coautoría cada 24 horas. Intenta más tarde.`,
    ),
  invitationNotFound: () => DomainError.notFound('La invitación'),
  invitationAnswered: () => DomainError.conflict('Esa invitación ya fue respondida.', 'INVALID_STATE_TRANSITION'),
  notCoAuthor: () => DomainError.forbidden('No firmas esta propuesta como coautora o coautor.'),
  tooManyCoAuthors: () => DomainError.conflict(`Una propuesta admite como máximo ${MAX_CO_AUTHORS} coautorías.`),
  cannotHide: () =>
    DomainError.conflict('Solo se oculta una propuesta enviada o retirada.', 'INVALID_STATE_TRANSITION'),
  notHidden: () => DomainError.conflict('La propuesta no está oculta.', 'INVALID_STATE_TRANSITION'),
  cannotMarkIneligible: () =>
    DomainError.conflict(
      'Solo se declara no elegible una propuesta enviada de un reto que no ha terminado.',
      'INVALID_STATE_TRANSITION',
    ),
};
