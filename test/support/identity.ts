import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

export const VIEWER_FIELDS =
  'id email emailVerified displayName platformRole curpVerified createdAt state { code } municipality { code }';
export const AUTH_FIELDS = `accessToken refreshToken accessTokenExpiresAt viewer { ${VIEWER_FIELDS} }`;

export const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
export const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`;
export const VIEWER = `{ viewer { ${VIEWER_FIELDS} } }`;

export const DEFAULT_PASSWORD = 'contraseña-segura-1';

export function uniqueEmail(prefix = 'persona'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.mx`;
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers a fresh account (which signs it in) and returns its credentials and tokens. */
export async function registerAndLogin(api: TestApp, input: Record<string, unknown> = {}): Promise<TestAccount> {
  const full = { email: uniqueEmail(), password: DEFAULT_PASSWORD, displayName: 'Persona de Prueba', ...input };
  const { data, errors } = await api.gql(REGISTER, { input: full });
  if (errors) throw new Error(`register falló: ${JSON.stringify(errors)}`);
  const payload = data.register;
  return {
    id: payload.viewer.id,
    email: full.email,
    password: full.password,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
  };
}

/** Like `api.gql`, from a given client IP (the API trusts X-Forwarded-For), for tests of per-IP limits. */
export async function gqlFrom(
  api: TestApp,
  ip: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}
