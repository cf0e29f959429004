import { registerEnumType } from '@nestjs/graphql';
import type { PlatformRole } from '../user.entity.js';

export const PlatformRoleEnum = {
  CITIZEN: 'CITIZEN',
  MODERATOR: 'MODERATOR',
  ADMIN: 'ADMIN',
} as const satisfies Record<PlatformRole, PlatformRole>;

registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description: 'Rol de una cuenta en toda la plataforma (no en una unidad de gobierno).',
  valuesMap: {
    CITIZEN: { description: 'Ciudadana o ciudadano: propone, vota y sigue retos. Toda cuenta lo es.' },
    MODERATOR: { description: 'Modera: oculta y vuelve a mostrar propuestas.' },
    ADMIN: { description: 'Administra la plataforma: asigna roles y crea unidades de gobierno.' },
  },
});
