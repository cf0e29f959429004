import { createHmac, timingSafeEqual } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'retos-publicos';
const HEADER = base64url({ alg: 'HS256', typ: 'JWT' });

/** What a valid access token says: its account, and that account's session version when it was issued. */
export interface AccessClaim {
  userId: string;
  sessionVersion: number;
}

/**
 * Short-lived HS256 JWTs (RFC 7519) whose subject is the account id; the account itself is loaded per request. The
 * `sv` claim is the account's session version: a logout or password reset bumps it, which ends every access token
 * issued before at once (tokens from before this claim existed count as version 0).
 *
 * Signed and checked with node:crypto's HMAC: WebCrypto (what jose uses) cost about 6 % of the API's CPU per vote
 * (issue #17). Only HS256 is accepted, whatever the header asks for; `access-tokens.spec.ts` checks both ways against
 * jose.
 */
export class AccessTokens {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  issue(userId: string, sessionVersion = 0): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + ACCESS_TOKEN_SECONDS;
    const signed = `${HEADER}.${base64url({ sv: sessionVersion, iss: ISSUER, sub: userId, iat: issuedAt, exp: expiresAt })}`;
    return Promise.resolve({ token: `${signed}.${this.signature(signed)}`, expiresAt: new Date(expiresAt * 1000) });
  }

  /** The claim of a valid, unexpired token; null for anything else (bad signature, expired, malformed). */
  verify(token: string): Promise<AccessClaim | null> {
    return Promise.resolve(this.check(token));
  }

  private check(token: string): AccessClaim | null {
    const [header, payload, signature, ...rest] = token.split('.');
    if (signature === undefined || rest.length) return null;
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [head, claims] = [decode(header), decode(payload)];
    if (head?.alg !== 'HS256' || head.crit !== undefined || !claims) return null;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const { iss, sub, exp, nbf, sv = 0 } = claims;
    if (iss !== ISSUER || typeof sub !== 'string' || typeof sv !== 'number' || typeof exp !== 'number') return null;
    if (now >= exp || (nbf !== undefined && (typeof nbf !== 'number' || now < nbf))) return null;
    return { userId: sub, sessionVersion: sv };
  }

  private signature(signed: string): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update(signed).digest('base64url');
  }
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JSON object from a base64url segment, or null. */
function decode(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
