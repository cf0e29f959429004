import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { ACCESS_TOKEN_SECONDS, AccessTokens } from './access-tokens.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = new Date('2026-12-06T12:00:00Z');
const USER = '8a3c2b1e-5d4f-4a6b-9c8d-7e6f5a4b3c2d';

class At extends Clock {
  constructor(private readonly date: Date) {
    super();
  }
  now(): Date {
    return this.date;
  }
}

const config = (secret = SECRET) => ({ auth: { jwtSecret: secret } }) as AppConfig;
const tokens = (at = NOW, secret = SECRET) => new AccessTokens(config(secret), new At(at));
const key = new TextEncoder().encode(SECRET);
/** jose, an independent implementation of RFC 7519, signs what we must accept or refuse. */
const joseToken = (claims: Record<string, unknown>) =>
  new SignJWT({ iss: 'retos-publicos', sub: USER, iat: 1, exp: NOW.getTime() / 1000 + 60, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key);

/** A token with any header, signed with our secret (jose refuses to sign some of these). */
const rawToken = (header: object, claims: object) => {
  const signed = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
};

describe('access tokens', () => {
  it('round-trips the account and its session version, and jose accepts what we sign', async () => {
    const { token, expiresAt } = await tokens().issue(USER, 3);
    expect(await tokens().verify(token)).toEqual({ userId: USER, sessionVersion: 3 });
    expect(expiresAt.getTime()).toBe(NOW.getTime() + ACCESS_TOKEN_SECONDS * 1000);
    const { payload, protectedHeader } = await jwtVerify(token, key, { issuer: 'retos-publicos', currentDate: NOW });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: USER, sv: 3 });
  });

  it('accepts tokens jose signs with our secret; without `sv` they are version 0', async () => {
    expect(await tokens().verify(await joseToken({ sv: 2 }))).toEqual({ userId: USER, sessionVersion: 2 });
    expect(await tokens().verify(await joseToken({}))).toEqual({ userId: USER, sessionVersion: 0 });
  });

  it('refuses a token once it expires, and before its nbf', async () => {
    const { token } = await tokens().issue(USER);
    const expiry = new Date(NOW.getTime() + ACCESS_TOKEN_SECONDS * 1000);
    expect(await tokens(new Date(expiry.getTime() - 1000)).verify(token)).not.toBeNull();
    expect(await tokens(expiry).verify(token)).toBeNull();
    expect(await tokens().verify(await joseToken({ nbf: NOW.getTime() / 1000 + 5 }))).toBeNull();
  });

  it('refuses another secret, a changed payload or signature, other algorithms, crit headers and other issuers', async () => {
    const { token } = await tokens().issue(USER);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ iss: 'retos-publicos', sub: 'otra', exp: 2e9 })).toString('base64url');
    const refused = [
      (await tokens(NOW, 'another-secret-of-thirty-two-characters!').issue(USER)).token,
      `${header}.${forged}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}`,
      `${header}.${payload}.${signature}x`,
      `${header}.${payload}`,
      `${token}.extra`,
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
      await new SignJWT({ iss: 'retos-publicos', sub: USER, exp: 2e9 }).setProtectedHeader({ alg: 'HS512' }).sign(key),
      rawToken({ alg: 'HS256', crit: ['x'], x: 1 }, { iss: 'retos-publicos', sub: USER, exp: 2e9 }),
      rawToken({ alg: 'HS512' }, { iss: 'retos-publicos', sub: USER, exp: 2e9 }),
      await joseToken({ iss: 'otro-emisor' }),
      await joseToken({ sub: 42 }),
      'no-es-un-token',
      '',
    ];
    for (const candidate of refused) expect(await tokens().verify(candidate)).toBeNull();
  });
});
