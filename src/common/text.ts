/** Checks and normalisations for free text typed by users. */

// C0 controls except tab (\u0009), newline (\u000A) and carriage return (\u000D), plus DEL and
// the C1 block. A carriage return is only allowed as part of a Windows line break "\r\n".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

export function hasForbiddenControlChars(s: string): boolean {
  return FORBIDDEN_CONTROL.test(s);
}

const COMBINING_MARKS = /\p{M}/gu;

// Latin letters that have no decomposition, so stripping marks alone would leave them as they are.
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSABLE = new RegExp(`[${Object.keys(UNDECOMPOSABLE_LETTERS).join('')}]`, 'g');

/**
 * Lowercase without accents, for comparing text the way a person would: "Ñandú" → "nandu".
 * NFKD also unfolds compatibility forms, so full-width "ＡＢＣ" and the ligature "ﬁ" match "abc" and "fi".
 */
export function foldForSearch(s: string): string {
  return (
    s
      .normalize('NFKD')
      // Lowercasing after NFKD catches capitals it produces ("ℌ" → "H"); marks go after
      // lowercasing because "İ" lowercases to "i" plus a combining dot.
      .toLowerCase()
      .replace(COMBINING_MARKS, '')
      .replace(UNDECOMPOSABLE, (letter) => UNDECOMPOSABLE_LETTERS[letter])
  );
}
