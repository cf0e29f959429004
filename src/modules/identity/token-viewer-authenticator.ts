import type { DataSource } from 'typeorm';
import { KeptCopies } from '../../common/kept-copies.js';
import { readAccountFacts, viewerOf } from '../../infrastructure/auth/account-facts.js';
import type { AccountFacts, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ViewerAuthenticator } from '../../infrastructure/graphql/viewer-authenticator.js';
import { AccessTokens } from './access-tokens.js';
import { isUuid } from '../../common/ids.js';

/**
 * `Bearer <JWT>` → the viewer. The account is read on every request, so a role change, a deleted account, a
 * logout or a password reset (session version) takes effect at once. A missing, malformed, forged or expired token makes the caller anonymous: public data
 * still answers, and anything that needs an account answers UNAUTHENTICATED, the client's cue to refresh.
 *
 * The one exception (issue #17): an operation made only of mutations whose statement checks the account's facts as
 * it writes (`checksAccountInWrite`: a vote, a retraction, a ballot) may use the facts last read in this process,
 * so a vote at the deadline rush is one round trip. A change committed since then makes that statement refuse, and
 * the refusal is decided again on a fresh read: it still takes effect on the very next request.
 */
export class TokenViewerAuthenticator extends ViewerAuthenticator {
  private readonly kept = new KeptCopies<AccountFacts>();

  constructor(
    private readonly tokens: AccessTokens,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async authenticate(
    authorization: string | undefined,
    options: { keptAccount?: boolean } = {},
  ): Promise<Viewer | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match) return null;
    const claim = await this.tokens.verify(match[1]);
    if (!claim || !isUuid(claim.userId)) return null;
    const kept = options.keptAccount ? this.kept.get(claim.userId) : null;
    if (kept?.sessionVersion === claim.sessionVersion) return viewerOf(claim.userId, kept, true);
    const account = await readAccountFacts(this.dataSource, claim.userId);
    if (!account) return null;
    this.kept.keep(claim.userId, account);
    if (account.sessionVersion !== claim.sessionVersion) return null; // signed out or password reset since
    return viewerOf(claim.userId, account, false);
  }
}
