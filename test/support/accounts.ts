import { randomBytes } from 'node:crypto';
import { sqlClient } from './test-database.js';
import type { TestApp } from './test-app.js';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken viewer { id } } }`;

/**
 * A registered account through the API, with its e-mail verified and platform role set directly in the
 * database (what the verification link and an admin would do), ready to call the API with `token`.
 */
export async function signUp(
  api: TestApp,
  options: {
    role?: 'CITIZEN' | 'MODERATOR' | 'ADMIN';
    verified?: boolean;
    displayName?: string;
    stateCode?: string;
    municipalityCode?: string;
  } = {},
): Promise<TestAccount> {
  const email = `persona-${randomBytes(5).toString('hex')}@ejemplo.mx`;
  const password = 'contraseña-segura-123';
  const { data, errors } = await api.gql(REGISTER, {
    input: {
      email,
      password,
      displayName: options.displayName ?? 'Persona de Prueba',
      stateCode: options.stateCode,
      municipalityCode: options.municipalityCode,
    },
  });
  if (errors) throw new Error(`register failed: ${JSON.stringify(errors)}`);
  const id = data.register.viewer.id as string;
  const sql = await sqlClient(api.env.DATABASE_URL);
  try {
    await sql.query(
      `UPDATE users SET platform_role = $2, email_verified_at = CASE WHEN $3 THEN now() ELSE NULL END WHERE id = $1`,
      [id, options.role ?? 'CITIZEN', options.verified ?? true],
    );
  } finally {
    await sql.end();
  }
  return { id, email, password, token: data.register.accessToken };
}

const CREATE_UNIT = `mutation CreateUnit($input: CreateGovernmentUnitInput!) { createGovernmentUnit(input: $input) { id name level } }`;
const ADD_MEMBER = `mutation AddMember($unitId: ID!, $email: String!, $role: UnitRole!) { addUnitMember(unitId: $unitId, email: $email, role: $role) { role } }`;

/** A government unit created by a platform admin, with an ADMIN and an EDITOR member. */
export async function createUnitWithStaff(
  api: TestApp,
  input: Record<string, unknown> = { name: 'Gobierno del Estado de Puebla', level: 'STATE', stateCode: '21' },
) {
  const platformAdmin = await signUp(api, { role: 'ADMIN', displayName: 'Administración' });
  const created = await api.gql(CREATE_UNIT, { input }, platformAdmin.token);
  if (created.errors) throw new Error(`createGovernmentUnit failed: ${JSON.stringify(created.errors)}`);
  const unitId = created.data.createGovernmentUnit.id as string;
  const admin = await signUp(api, { displayName: 'Titular de la unidad' });
  const editor = await signUp(api, { displayName: 'Editora de la unidad' });
  for (const [account, role] of [
    [admin, 'ADMIN'],
    [editor, 'EDITOR'],
  ] as const) {
    const added = await api.gql(ADD_MEMBER, { unitId, email: account.email, role }, platformAdmin.token);
    if (added.errors) throw new Error(`addUnitMember failed: ${JSON.stringify(added.errors)}`);
  }
  return { unitId, platformAdmin, admin, editor };
}
