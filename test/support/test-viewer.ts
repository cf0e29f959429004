import type { INestApplicationContext } from '@nestjs/common';
import type { Viewer } from '../../src/infrastructure/graphql/graphql-context.js';
import { ViewerAuthenticator } from '../../src/infrastructure/graphql/viewer-authenticator.js';

/**
 * Until identity issues real access tokens, tests sign in with `Bearer test:<userId>:<platformRole>`.
 * Replaces only how the token is read; the access guards, unit roles and resolvers run as in production.
 */
export function acceptTestTokens(app: INestApplicationContext): void {
  const authenticator = app.get(ViewerAuthenticator);
  authenticator.authenticate = async (authorization) => {
    const match = /^Bearer test:([0-9a-f-]{36}):(CITIZEN|MODERATOR|ADMIN)$/.exec(authorization ?? '');
    return match ? { id: match[1], platformRole: match[2] as Viewer['platformRole'] } : null;
  };
}

export const testToken = (userId: string, role: Viewer['platformRole'] = 'CITIZEN') => `test:${userId}:${role}`;
