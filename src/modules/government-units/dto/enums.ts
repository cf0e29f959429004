import { registerEnumType } from '@nestjs/graphql';

export const GovernmentLevelEnum = { FEDERAL: 'FEDERAL', STATE: 'STATE', MUNICIPAL: 'MUNICIPAL' } as const;
registerEnumType(GovernmentLevelEnum, {
  name: 'GovernmentLevel',
  description: 'Orden de gobierno.',
  valuesMap: {
    FEDERAL: { description: 'Gobierno federal: sin territorio.' },
    STATE: { description: 'Gobierno de una entidad federativa.' },
    MUNICIPAL: { description: 'Gobierno municipal o alcaldía.' },
  },
});

export const UnitRoleEnum = { ADMIN: 'ADMIN', EDITOR: 'EDITOR' } as const;
registerEnumType(UnitRoleEnum, {
  name: 'UnitRole',
  description: 'Papel de una persona dentro de una unidad de gobierno.',
  valuesMap: {
    ADMIN: { description: 'Administra miembros y publica, cancela y gestiona los retos de la unidad.' },
    EDITOR: { description: 'Crea y edita retos de la unidad, sin publicarlos ni cancelarlos.' },
  },
});
