import { DomainError } from '../../common/domain-error.js';

export const PrivacyErrors = {
  wrongPassword: () => DomainError.field('password', 'La contraseña no es correcta.', 'INVALID_CREDENTIALS'),
  tooManyAttempts: () =>
    new DomainError('RATE_LIMITED', 'Demasiados intentos con una contraseña incorrecta. Espera 15 minutos.'),
  tooManyExports: () =>
    new DomainError('RATE_LIMITED', 'Ya pediste varias descargas de tus datos hoy. Inténtalo mañana.'),
  lastPlatformAdmin: () =>
    DomainError.conflict(
      'Eres la única persona administradora de la plataforma: nombra a otra antes de eliminar tu cuenta.',
    ),
  lastUnitAdmin: (units: string[]) =>
    DomainError.conflict(
      `Eres la única persona administradora de ${units.join(', ')}: nombra a otra antes de eliminar tu cuenta.`,
    ),
};
