import { canonicalEmail, normalizeEmail } from './email.js';

describe('e-mail normalisation', () => {
  it('trims, folds compatibility forms and lower-cases', () => {
    expect(normalizeEmail('  Ciudadana40@Ejemplo.MX ')).toBe('ciudadana40@ejemplo.mx');
    expect(canonicalEmail('ｃiudadana@ejemplo.mx')).toBe('ciudadana@ejemplo.mx'); // fullwidth c
  });

  it('refuses the dotted capital I and other letters outside ASCII instead of mapping them onto i', () => {
    expect(normalizeEmail('cİudadana40@ejemplo.mx')).toBe('ci\u0307udadana40@ejemplo.mx');
    expect(canonicalEmail('cİudadana40@ejemplo.mx')).toBeNull();
    expect(canonicalEmail('ciudadanа@ejemplo.mx')).toBeNull(); // Cyrillic а
    expect(canonicalEmail('josé@ejemplo.mx')).toBeNull();
  });

  it('keeps the RFC 5321 punctuation of local parts and needs a dotted domain', () => {
    expect(canonicalEmail("o'neil+retos@sub.ejemplo.mx")).toBe("o'neil+retos@sub.ejemplo.mx");
    expect(canonicalEmail('a@localhost')).toBeNull();
    expect(canonicalEmail('a b@ejemplo.mx')).toBeNull();
  });
});
