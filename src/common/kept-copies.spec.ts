import { jest } from '@jest/globals';
import { KeptCopies } from './kept-copies.js';

describe('KeptCopies', () => {
  afterEach(() => jest.useRealTimers());

  it('gives back what was kept until it is older than its time to live', () => {
    jest.useFakeTimers({ now: 0 });
    const copies = new KeptCopies<string>(1_000);
    copies.keep('a', 'uno');
    jest.setSystemTime(1_000);
    expect(copies.get('a')).toBe('uno');
    jest.setSystemTime(1_001);
    expect(copies.get('a')).toBeNull();
  });

  it('drops the oldest kept entry when full, and keeping again makes an entry the newest', () => {
    const copies = new KeptCopies<number>(60_000, 2);
    copies.keep('a', 1);
    copies.keep('b', 2);
    copies.keep('a', 3);
    copies.keep('c', 4);
    expect([copies.get('a'), copies.get('b'), copies.get('c')]).toEqual([3, null, 4]);
  });

  it('forgets an entry on request', () => {
    const copies = new KeptCopies<number>();
    copies.keep('a', 1);
    copies.forget('a');
    expect(copies.get('a')).toBeNull();
  });
});
