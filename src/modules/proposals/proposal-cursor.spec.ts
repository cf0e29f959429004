import { decodeProposalCursor, encodeProposalCursor, randomSeed } from './proposal-cursor.js';

describe('proposal cursors', () => {
  it('round-trips an offset, with or without a seed', () => {
    expect(decodeProposalCursor(encodeProposalCursor(19, null))).toEqual({ offset: 20, seed: null });
    expect(decodeProposalCursor(encodeProposalCursor(0, '0123456789abcdef'))).toEqual({
      offset: 1,
      seed: '0123456789abcdef',
    });
    expect(decodeProposalCursor(null)).toEqual({ offset: 0, seed: null });
  });

  it('refuses cursors it did not issue', () => {
    for (const text of ['x', 'o:-1', 'r:nothex:3', "r:0123456789abcdef:1'; --"]) {
      expect(() => decodeProposalCursor(Buffer.from(text).toString('base64url'))).toThrow('cursor');
    }
  });

  it('gives a viewer the same seed every day and anonymous visitors one per day', () => {
    const monday = new Date('2030-01-07T10:00:00Z');
    const tuesday = new Date('2030-01-08T10:00:00Z');
    const id = '4f0c1d7e-0000-4000-8000-000000000001';
    expect(randomSeed(id, monday)).toBe(randomSeed(id, tuesday));
    expect(randomSeed(id, monday)).not.toBe(randomSeed('4f0c1d7e-0000-4000-8000-000000000002', monday));
    expect(randomSeed(null, monday)).toBe(randomSeed(null, new Date('2030-01-07T23:59:59Z')));
    expect(randomSeed(null, monday)).not.toBe(randomSeed(null, tuesday));
    expect(randomSeed(id, monday)).toMatch(/^[0-9a-f]{16}$/);
    expect(randomSeed(id, monday)).not.toContain(id.slice(0, 8));
  });
});
