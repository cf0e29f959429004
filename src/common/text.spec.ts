import { foldForSearch, hasForbiddenControlChars } from './text.js';

describe('hasForbiddenControlChars', () => {
  it.each([
    ['plain text', 'Agua limpia para Tlalpan'],
    ['the empty string', ''],
    ['accents and emoji', 'Niñas y niños ¿qué opinan? 🌱'],
    ['newlines', 'línea 1\nlínea 2\n'],
    ['tabs', 'a\tb'],
    ['Windows line breaks', 'línea 1\r\nlínea 2\r\n'],
    ['a no-break space (not a control character)', 'a\u00a0b'],
    ['the character right after the C1 block', '\u00a1Hola!'],
    ['the character right before DEL', 'a~'],
  ])('allows %s', (_case, s) => {
    expect(hasForbiddenControlChars(s)).toBe(false);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'ding\u0007'],
    ['ESC, as in terminal colour codes', '\u001b[31mrojo'],
    ['DEL', 'a\u007f'],
    ['a form feed', 'a\u000cb'],
    ['a vertical tab', 'a\u000bb'],
    ['the last C0 control', '\u001f'],
    ['the first C1 control', '\u0080'],
    ['a C1 control in the middle', 'a\u0085b'],
    ['the last C1 control', '\u009f'],
    ['a lone carriage return', 'línea 1\rlínea 2'],
    ['a carriage return at the end', 'texto\r'],
    ['a reversed Windows line break', 'a\n\rb'],
    ['a double carriage return before a newline', 'a\r\r\nb'],
    ['one bad character after many good lines', 'bien\r\nbien\nbien\t\u0000'],
  ])('forbids %s', (_case, s) => {
    expect(hasForbiddenControlChars(s)).toBe(true);
  });

  it('allows exactly tab, newline and carriage return among the C0 controls', () => {
    const allowed: number[] = [];
    for (let code = 0; code <= 0x1f; code++) {
      // A carriage return counts as allowed here when it starts a "\r\n".
      if (!hasForbiddenControlChars(`${String.fromCharCode(code)}\n`)) allowed.push(code);
    }
    expect(allowed).toEqual([0x09, 0x0a, 0x0d]);
  });

  it('forbids every code point from DEL through the C1 block, and nothing just around it', () => {
    for (let code = 0x7f; code <= 0x9f; code++) {
      expect(hasForbiddenControlChars(String.fromCharCode(code))).toBe(true);
    }
    expect(hasForbiddenControlChars('\u007e')).toBe(false);
    expect(hasForbiddenControlChars('\u00a0')).toBe(false);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Ñandú', 'nandu'],
    ['ÁÉÍÓÚ áéíóú', 'aeiou aeiou'],
    ['Pingüino', 'pinguino'],
    ['Participación CIUDADANA', 'participacion ciudadana'],
    ['Mérida, Yucatán', 'merida, yucatan'],
    ['ya sin acentos 123', 'ya sin acentos 123'],
    ['Çà', 'ca'],
    ['Straße', 'strasse'],
    ['Øresund Łódź', 'oresund lodz'],
    ['ＡＢＣ', 'abc'],
    ['ﬁn', 'fin'],
    ['İstanbul', 'istanbul'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('makes accented and unaccented spellings compare equal', () => {
    expect(foldForSearch('Educación')).toBe(foldForSearch('EDUCACION'));
    expect(foldForSearch('año')).toBe(foldForSearch('ANO'));
  });

  it('folds an Ñ typed as N plus a combining tilde like a precomposed one', () => {
    expect(foldForSearch('N\u0303')).toBe('n');
    expect(foldForSearch('Ñ')).toBe('n');
  });

  it('leaves punctuation, spaces and emoji in place', () => {
    expect(foldForSearch('¿Qué?  ¡Sí! 🌱')).toBe('¿que?  ¡si! 🌱');
  });
});
