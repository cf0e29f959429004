import { bellBadge, bellTexts, bellUnreadText } from './bell-label';

/** The accessible name the bell gets from its content. */
const bellName = (unread: number) => `${bellTexts.name} ${bellUnreadText(unread)}`.trim();

describe('the bell name', () => {
  it('says only «Avisos» when nothing is unread', () => {
    expect(bellName(0)).toBe('Avisos');
  });

  it('says how many are unread, in es-MX digits', () => {
    expect(bellName(1)).toBe('Avisos (1 sin leer)');
    expect(bellName(3)).toBe('Avisos (3 sin leer)');
    expect(bellName(1200)).toBe('Avisos (1,200 sin leer)');
  });
});

describe('bellBadge', () => {
  it('shows nothing at zero and the number up to 99', () => {
    expect(bellBadge(0)).toBeNull();
    expect(bellBadge(7)).toBe('7');
    expect(bellBadge(99)).toBe('99');
  });

  it('caps the visible number at 99+', () => {
    expect(bellBadge(100)).toBe('99+');
  });
});
