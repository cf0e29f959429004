import { jwtVerify, SignJWT } from 'jose';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'retos-publicos';

/** Short-lived HS256 JWTs whose subject is the account id; the account itself is loaded per request. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + ACCESS_TOKEN_SECONDS;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The account id of a valid, unexpired token; null for anything else (bad signature, expired, malformed). */
  async verify(token: string): Promise<string | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock.now(),
      });
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
