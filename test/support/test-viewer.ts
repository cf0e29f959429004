import { AccessTokens } from '../../src/modules/identity/access-tokens.js';
import type { Viewer } from '../../src/infrastructure/graphql/graphql-context.js';
import { sqlClient } from './test-database.js';
import type { TestApp } from './test-app.js';

/**
 * A real access token for a user created directly in the database (test factories), with the given
 * platform role: the same token path, authenticator and guards as production.
 */
export async function accessTokenFor(
  api: TestApp,
  userId: string,
  role: Viewer['platformRole'] = 'CITIZEN',
): Promise<string> {
  const sql = await sqlClient(api.env.DATABASE_URL);
  try {
    await sql.query('UPDATE users SET platform_role = $2 WHERE id = $1', [userId, role]);
  } finally {
    await sql.end();
  }
  return (await api.app.get(AccessTokens).issue(userId)).token;
}
