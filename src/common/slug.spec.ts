import { SLUG_MAX_LENGTH, slugify, withSuffix } from './slug.js';

const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugify', () => {
  it.each([
    ['Agua limpia', 'agua-limpia'],
    ['¿Agua limpia para Tlalpan?', 'agua-limpia-para-tlalpan'],
    ['Educación y Niñez', 'educacion-y-ninez'],
    ['Pingüinos del Ártico', 'pinguinos-del-artico'],
    ['  Muchos   espacios  ', 'muchos-espacios'],
    ['Reto #1: ¡Ciclovías!', 'reto-1-ciclovias'],
    ['guiones---repetidos___y_más', 'guiones-repetidos-y-mas'],
    ['2025: año del agua', '2025-ano-del-agua'],
    ['Línea 1\nLínea 2\tfin', 'linea-1-linea-2-fin'],
    ['Straße Øresund', 'strasse-oresund'],
    ['Emoji 🌱 en medio', 'emoji-en-medio'],
    ['YA-EN-MAYÚSCULAS', 'ya-en-mayusculas'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each(['', '   ', '¿¡!?', '🌱🌊', '---', '漢字'])('falls back to "reto" for %j', (text) => {
    expect(slugify(text)).toBe('reto');
  });

  describe('length', () => {
    const words =
      'participacion ciudadana para mejorar el transporte publico de la zona metropolitana del valle de mexico';

    it('stays within 80 characters by default, cutting between words', () => {
      const slug = slugify(words);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      expect(slug).toBe('participacion-ciudadana-para-mejorar-el-transporte-publico-de-la-zona');
      expect(words.replaceAll(' ', '-').startsWith(`${slug}-`)).toBe(true);
    });

    it('keeps a word that ends exactly at the limit', () => {
      expect(slugify('agua limpia ya', 11)).toBe('agua-limpia');
      expect(slugify('agua limpia ya', 12)).toBe('agua-limpia');
      expect(slugify('agua limpia ya', 14)).toBe('agua-limpia-ya');
    });

    it('drops a word that would cross the limit', () => {
      expect(slugify('agua limpia ya', 10)).toBe('agua');
      expect(slugify('agua limpia ya', 13)).toBe('agua-limpia');
    });

    it('cuts inside a word only when the first word alone is too long', () => {
      expect(slugify('a'.repeat(100))).toBe('a'.repeat(80));
      expect(slugify('supercalifragilistico espialidoso', 10)).toBe('supercalif');
    });

    it('measures the limit after folding, not on the original text', () => {
      // "ß" becomes "ss", so the folded text is longer than the input.
      expect(slugify('ßßßß ßßßß', 8)).toBe('ssssssss');
    });

    it('always yields a well-formed slug within the limit', () => {
      for (let maxLength = 4; maxLength <= 40; maxLength++) {
        const slug = slugify('¡Árboles, agua y aire limpio para todas las colonias de Iztapalapa!', maxLength);
        expect(slug.length).toBeLessThanOrEqual(maxLength);
        expect(slug).toMatch(SLUG_SHAPE);
      }
    });

    it.each([0, 3, -1, 2.5, Number.NaN])('refuses a maxLength of %p, too short even for "reto"', (maxLength) => {
      expect(() => slugify('agua', maxLength)).toThrow(RangeError);
    });
  });
});

describe('withSuffix', () => {
  it('appends the number after a hyphen', () => {
    expect(withSuffix('agua-limpia', 2)).toBe('agua-limpia-2');
    expect(withSuffix('agua-limpia', 17)).toBe('agua-limpia-17');
    expect(withSuffix('reto', 1)).toBe('reto-1');
  });

  it('drops trailing words so the whole slug stays within 80 characters', () => {
    const base = slugify(`${'palabra '.repeat(9)}finales`);
    expect(base).toHaveLength(79);
    const suffixed = withSuffix(base, 2);
    expect(suffixed.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(suffixed).toBe(`${'palabra-'.repeat(9)}2`);
  });

  it('keeps a base that leaves exactly enough room', () => {
    const base = 'a'.repeat(78);
    expect(withSuffix(base, 2)).toBe(`${base}-2`);
    expect(withSuffix(base, 2)).toHaveLength(80);
  });

  it('cuts into a single long word when there is no word boundary to use', () => {
    expect(withSuffix('a'.repeat(80), 123)).toBe(`${'a'.repeat(76)}-123`);
  });

  it('respects a custom maxLength matching the one given to slugify', () => {
    expect(withSuffix('agua-limpia-ya', 2, 14)).toBe('agua-limpia-2');
    expect(withSuffix('agua-limpia-ya', 2, 16)).toBe('agua-limpia-ya-2');
  });

  it('falls back to "reto" for an empty base', () => {
    expect(withSuffix('', 3)).toBe('reto-3');
  });

  it('produces distinct, well-formed slugs for successive numbers', () => {
    const base = slugify('¿Dónde ponemos la nueva biblioteca pública de la colonia Santa María la Ribera?');
    const candidates = [2, 3, 9, 10, 99, 100, 1000].map((n) => withSuffix(base, n));
    expect(new Set(candidates).size).toBe(candidates.length);
    for (const candidate of candidates) {
      expect(candidate.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      expect(candidate).toMatch(SLUG_SHAPE);
    }
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the number %p', (n) => {
    expect(() => withSuffix('agua', n)).toThrow(RangeError);
  });
});
