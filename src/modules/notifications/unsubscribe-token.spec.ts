import { UnsubscribeTokens } from './unsubscribe-token.js';

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens('secreto-de-prueba');
  const user = '3f1c2a9e-1b2c-4d5e-8f90-123456789abc';

  it('round-trips the user and the type', () => {
    expect(tokens.verify(tokens.issue(user, 'ROUND_CLOSING_SOON'))).toEqual({
      userId: user,
      type: 'ROUND_CLOSING_SOON',
    });
  });

  it('refuses a token whose type, user or signature was changed, or signed with another secret', () => {
    const token = tokens.issue(user, 'ROUND_CLOSING_SOON');
    const [, signature] = token.split('.');
    const otherPayload = Buffer.from(`${user}:CHALLENGE_PUBLISHED`).toString('base64url');
    expect(tokens.verify(`${otherPayload}.${signature}`)).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
    expect(tokens.verify(new UnsubscribeTokens('otro').issue(user, 'ROUND_CLOSING_SOON'))).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(tokens.verify(undefined)).toBeNull();
  });
});
