import { jwtVerify, SignJWT } from 'jose';
import { webcrypto } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'retos-publicos';

/** What a valid access token says: its account, and that account's session version when it was issued. */
export interface AccessClaim {
  userId: string;
  sessionVersion: number;
}

/**
 * Short-lived HS256 JWTs whose subject is the account id; the account itself is loaded per request. The `sv`
 * claim is the account's session version: a logout or password reset bumps it, which ends every access
 * token issued before at once (tokens from before this claim existed count as version 0).
 */
export class AccessTokens {
  /** Imported once: jose would import raw key bytes again on every verification (issue #17). */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(config.auth.jwtSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async issue(userId: string, sessionVersion = 0): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + ACCESS_TOKEN_SECONDS;
    const token = await new SignJWT({ sv: sessionVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(await this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claim of a valid, unexpired token; null for anything else (bad signature, expired, malformed). */
  async verify(token: string): Promise<AccessClaim | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock.now(),
      });
      const sessionVersion = payload.sv ?? 0;
      if (typeof payload.sub !== 'string' || typeof sessionVersion !== 'number') return null;
      return { userId: payload.sub, sessionVersion };
    } catch {
      return null;
    }
  }
}
