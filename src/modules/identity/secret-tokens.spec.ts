import { curpHash, deriveKey, hashToken, newOpaqueToken, OPAQUE_TOKEN_PATTERN } from './secret-tokens.js';

describe('opaque tokens', () => {
  it('are 43 base64url characters whose stored hash is their SHA-256', () => {
    const { token, hash } = newOpaqueToken();
    expect(token).toMatch(OPAQUE_TOKEN_PATTERN);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newOpaqueToken().token));
    expect(tokens.size).toBe(1000);
  });
});

describe('curpHash', () => {
  const key = deriveKey('a-secret-of-at-least-thirty-two-chars!!', 'curp');

  it('is stable for a key and differs between keys and purposes', () => {
    expect(curpHash(key, 'SABC560626MDFLRN01')).toBe(curpHash(key, 'SABC560626MDFLRN01'));
    expect(curpHash(key, 'SABC560626MDFLRN01')).not.toBe(
      curpHash(deriveKey('another-secret-of-thirty-two-chars!!', 'curp'), 'SABC560626MDFLRN01'),
    );
    expect(deriveKey('a-secret-of-at-least-thirty-two-chars!!', 'curp')).not.toEqual(
      deriveKey('a-secret-of-at-least-thirty-two-chars!!', 'jwt'),
    );
  });

  it('does not contain the CURP', () => {
    expect(curpHash(key, 'SABC560626MDFLRN01')).not.toContain('SABC');
  });
});
