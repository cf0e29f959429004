import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ViewerAuthenticator } from '../../infrastructure/graphql/viewer-authenticator.js';
import { AccessTokens } from './access-tokens.js';
import { UsersRepository } from './users.repository.js';
import { isUuid } from '../../common/ids.js';

/**
 * `Bearer <JWT>` → the viewer. The account is read on every request, so a role change, a deleted account, a
 * logout or a password reset (session version) takes effect at once. A missing, malformed, forged or expired token makes the caller anonymous: public data
 * still answers, and anything that needs an account answers UNAUTHENTICATED, the client's cue to refresh.
 */
export class TokenViewerAuthenticator extends ViewerAuthenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UsersRepository,
  ) {
    super();
  }

  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match) return null;
    const claim = await this.tokens.verify(match[1]);
    if (!claim || !isUuid(claim.userId)) return null;
    const user = await this.users.viewerFacts(claim.userId);
    if (!user || user.sessionVersion !== claim.sessionVersion) return null; // signed out or password reset since
    return {
      id: user.id,
      platformRole: user.platformRole,
      participation: {
        emailVerified: user.emailVerified,
        curpVerified: user.curpVerified,
        stateCode: user.stateCode,
        municipalityCode: user.municipalityCode,
      },
    };
  }
}
