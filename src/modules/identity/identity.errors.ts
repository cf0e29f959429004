import { DomainError } from '../../common/domain-error.js';
import type { UniqueViolationTable } from '../../infrastructure/database/unique-violations.js';

// A concurrent request can still hit these indexes after the service's own check: same answer either way.
export const identityUniqueViolations: UniqueViolationTable = {
  users_email_unique: { reason: 'EMAIL_TAKEN', message: 'Ya existe una cuenta con ese correo.', field: 'email' },
  users_curp_unique: { reason: 'CURP_TAKEN', message: 'Esa CURP ya está registrada en otra cuenta.', field: 'curp' },
};

export const IdentityErrors = {
  invalidCredentials: () =>
    new DomainError('UNAUTHENTICATED', 'Correo o contraseña incorrectos.', 'INVALID_CREDENTIALS'),
  loginRateLimited: () =>
    new DomainError('RATE_LIMITED', 'Demasiados intentos fallidos. Espera 15 minutos e inténtalo de nuevo.'),
  mailRateLimited: () =>
    new DomainError('RATE_LIMITED', 'Ya enviamos varios correos. Espera una hora e inténtalo de nuevo.'),
  invalidRefreshToken: () =>
    new DomainError('UNAUTHENTICATED', 'La sesión no es válida o ya venció. Inicia sesión de nuevo.', 'INVALID_TOKEN'),
  refreshTokenReused: () =>
    new DomainError(
      'UNAUTHENTICATED',
      'Ese token de sesión ya se había usado; por seguridad cerramos la sesión. Inicia sesión de nuevo.',
      'TOKEN_REUSED',
    ),
  invalidEmailToken: () =>
    DomainError.field('token', 'El enlace no es válido, ya se usó o venció. Solicita uno nuevo.', 'INVALID_TOKEN'),
  invalidCurp: (problem: string) => DomainError.field('curp', problem, 'INVALID_CURP'),
  curpTakenElsewhere: () => DomainError.conflict('Esa CURP ya está registrada en otra cuenta.', 'CURP_TAKEN', 'curp'),
  anotherCurpVerified: () =>
    DomainError.conflict(
      'Tu cuenta ya tiene verificada otra CURP; solo se admite una por cuenta.',
      'CURP_TAKEN',
      'curp',
    ),
  ownRole: () => DomainError.conflict('No puedes cambiar tu propio rol; pídeselo a otra persona administradora.'),
  lastPlatformAdmin: () => DomainError.conflict('La plataforma debe conservar al menos una persona administradora.'),
  emailNotVerified: () => DomainError.forbidden('Confirma tu correo para participar.', 'EMAIL_NOT_VERIFIED'),
};
