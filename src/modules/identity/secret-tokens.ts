import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Opaque tokens (refresh, e-mail verification, password reset): 32 random bytes, base64url (43 characters). */
export const OPAQUE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface OpaqueToken {
  /** Given to the client once; never stored. */
  token: string;
  /** What the database keeps. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newOpaqueToken(): OpaqueToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * An e-mail link token that is a keyed hash of its row id: the outbox event that asks for the e-mail carries
 * only the id, and the relay derives the token again, so no live token is ever stored (not even in the outbox).
 */
export function derivedOpaqueToken(key: Buffer, id: string): OpaqueToken {
  const token = createHmac('sha256', key).update(id).digest('base64url');
  return { token, hash: hashToken(token) };
}

/** A key for one purpose derived from the deployment secret, so the JWT key never doubles as another key. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'retos-publicos', purpose, 32));
}

/** Keyed hash of a normalised CURP: equal CURPs give equal hashes, and without the key a hash reveals nothing. */
export function curpHash(key: Buffer, curp: string): string {
  return createHmac('sha256', key).update(curp).digest('hex');
}
