// Spanish texts of the platform administration page.
import type { PlatformRole, UnitRole } from '../../gql/graphql';

export const adminTexts = {
  formHasProblems: 'Revisa los campos marcados.',
  title: 'Administración de la plataforma',
  noAccess: 'No tienes acceso',
  noAccessBody:
    'Esta página es solo para la administración de la plataforma. Si crees que deberías entrar, escribe a quien administra la plataforma.',
  signIn: 'Inicia sesión para administrar la plataforma',

  createUnit: 'Crear una unidad de gobierno',
  name: 'Nombre oficial',
  nameHint: 'De 3 a 200 caracteres, p. ej. «Ayuntamiento de Puebla».',
  acronym: 'Siglas (opcional)',
  level: 'Orden de gobierno',
  state: 'Entidad federativa',
  chooseState: 'Elige una entidad',
  municipality: 'Municipio o alcaldía',
  chooseMunicipality: 'Elige un municipio',
  municipalityHint: 'Del catálogo de municipios del INEGI para la entidad elegida.',
  stateRequired: 'Elige la entidad de la unidad.',
  municipalityRequired: 'Elige el municipio de la unidad.',
  nameRequired: 'El nombre debe tener de 3 a 200 caracteres.',
  create: 'Crear la unidad',
  created: (name: string) => `Se creó la unidad «${name}».`,

  assignRole: 'Dar un papel en una unidad',
  assignRoleHint: 'La persona necesita una cuenta en la plataforma.',
  unit: 'Unidad',
  chooseUnit: 'Elige una unidad',
  unitRequired: 'Elige la unidad.',
  email: 'Correo electrónico de la persona',
  emailRequired: 'Escribe el correo de la persona.',
  role: 'Papel en la unidad',
  unitRole: {
    ADMIN: 'Administración: gestiona integrantes, publica y cancela retos',
    EDITOR: 'Edición: crea y edita retos sin publicarlos',
  } satisfies Record<UnitRole, string>,
  assign: 'Dar el papel',
  assigned: (name: string, unit: string, role: string) => `${name} ahora tiene el papel «${role}» en «${unit}».`,
  unitRoleName: { ADMIN: 'Administración', EDITOR: 'Edición' } satisfies Record<UnitRole, string>,

  platformRoles: 'Papeles en la plataforma',
  searchEmail: 'Correo de la cuenta',
  searchHint: 'El correo exacto; la búsqueda queda en el registro.',
  search: 'Buscar la cuenta',
  notFound: 'No hay ninguna cuenta con ese correo.',
  found: (name: string, email: string, role: string) => `${name} (${email}): ${role}.`,
  platformRole: 'Nuevo rol en la plataforma',
  changeRole: 'Cambiar el rol',
  roleChanged: (name: string, role: string) => `${name} ahora tiene el rol «${role}».`,
  platformRoleName: {
    ADMIN: 'Administración de la plataforma',
    MODERATOR: 'Moderación',
    CITIZEN: 'Ciudadanía',
  } satisfies Record<PlatformRole, string>,
};
