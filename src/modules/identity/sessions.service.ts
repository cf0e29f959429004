import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { Transactions, Tx } from '../../infrastructure/database/transactions.js';
import { AccessTokens } from './access-tokens.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { ViewerModel } from './dto/viewer.model.js';
import { IdentityErrors } from './identity.errors.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { hashToken, newOpaqueToken } from './secret-tokens.js';
import { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

const REFRESH_TOKEN_MS = 30 * 24 * 3600 * 1000;

/** Sessions: short JWTs plus opaque refresh tokens, rotated on every use, grouped in families. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly accessTokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  /** Starts a new family (a sign-in) and returns its first refresh token. */
  open(tx: Tx, userId: string): Promise<string> {
    return this.issueRefreshToken(tx, userId, randomUUID());
  }

  async payload(user: User, refreshToken: string): Promise<AuthPayload> {
    const access = await this.accessTokens.issue(user.id, user.sessionVersion);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      viewer: ViewerModel.from(user),
    };
  }

  async refresh(refreshToken: string): Promise<AuthPayload> {
    const tokenHash = hashToken(refreshToken);
    const now = this.clock.now();
    const rotated = await this.transactions.run(async (tx) => {
      const live = await this.refreshTokens.markRotated(tx, tokenHash, now);
      if (!live) return null;
      const user = await this.users.findById(live.userId, tx);
      return user && { user, next: await this.issueRefreshToken(tx, user.id, live.familyId) };
    });
    if (rotated) return this.payload(rotated.user, rotated.next);

    const known = await this.refreshTokens.findByHash(tokenHash);
    if (known?.rotatedAt) {
      // Someone holds a token that was already exchanged: a copy leaked. End the whole family, in its own
      // transaction so the revocation stays even though this call fails.
      await this.transactions.run((tx) => this.refreshTokens.revokeFamily(tx, known.familyId, now));
      throw IdentityErrors.refreshTokenReused();
    }
    throw IdentityErrors.invalidRefreshToken();
  }

  /**
   * Ends the token's family, and every access token of the account at once (session version): other devices
   * keep their refresh tokens and get a fresh access token on their next refresh. An unknown or already ended
   * session is not an error: it is closed either way.
   */
  async logout(refreshToken: string): Promise<boolean> {
    const known = await this.refreshTokens.findByHash(hashToken(refreshToken));
    if (known)
      await this.transactions.run(async (tx) => {
        await this.refreshTokens.revokeFamily(tx, known.familyId, this.clock.now());
        await this.users.bumpSessionVersion(tx, known.userId);
      });
    return true;
  }

  /** Every session of the account ends: refresh tokens revoked, access tokens refused from now on. */
  async revokeAll(tx: Tx, userId: string): Promise<void> {
    await this.refreshTokens.revokeAllOfUser(tx, userId, this.clock.now());
    await this.users.bumpSessionVersion(tx, userId);
  }

  private async issueRefreshToken(tx: Tx, userId: string, familyId: string): Promise<string> {
    const { token, hash } = newOpaqueToken();
    const now = this.clock.now();
    await this.refreshTokens.insert(tx, {
      userId,
      familyId,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_MS),
    });
    return token;
  }
}
