/**
 * CURP (Clave Única de Registro de Población) validation following RENAPO's
 * Instructivo Normativo: structure, real birth date, state catalogue and check digit.
 */

export type CurpValidation = { ok: true; curp: string } | { ok: false; problem: string };

/** The 32 RENAPO state codes plus NE (nacido en el extranjero). */
export const CURP_STATE_CODES: readonly string[] = Object.freeze([
  'AS',
  'BC',
  'BS',
  'CC',
  'CL',
  'CM',
  'CS',
  'CH',
  'DF',
  'DG',
  'GT',
  'GR',
  'HG',
  'JC',
  'MC',
  'MN',
  'MS',
  'NT',
  'NL',
  'OC',
  'PL',
  'QT',
  'QR',
  'SP',
  'SL',
  'SR',
  'TC',
  'TS',
  'TL',
  'VZ',
  'YN',
  'ZS',
  'NE',
]);

const CURP_LENGTH = 18;

// Position 2 is the first internal vowel, or X when there is none or RENAPO masks a word.
const INITIALS = /^[A-Z][AEIOUX][A-Z]{2}$/;
const BIRTH_DATE = /^[0-9]{6}$/;
const SEX = /^[HMX]$/;
const INTERNAL_CONSONANTS = /^[B-DF-HJ-NP-TV-ZÑ]{3}$/;
const HOMOCLAVE = /^[0-9A-Z]$/;
const DIGIT = /^[0-9]$/;

// Ñ sits between N and O, so every letter from O on is worth one more than in plain base 36.
const CHECK_DIGIT_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/**
 * The check digit RENAPO assigns to the first 17 characters of a CURP:
 * sum of value × (18 − index), then (10 − sum mod 10) mod 10.
 */
export function computeCurpCheckDigit(first17: string): number {
  if (first17.length !== CURP_LENGTH - 1) {
    throw new RangeError(`Se esperaban 17 caracteres, llegaron ${first17.length}`);
  }
  let sum = 0;
  for (let index = 0; index < first17.length; index++) {
    const value = CHECK_DIGIT_ALPHABET.indexOf(first17[index]);
    if (value < 0) throw new RangeError(`Carácter no válido en la CURP: ${first17[index]}`);
    sum += value * (CURP_LENGTH - index);
  }
  return (10 - (sum % 10)) % 10;
}

export function validateCurp(input: string): CurpValidation {
  // NFC so that an Ñ typed as N + combining tilde counts as one character.
  const curp = input.normalize('NFC').trim().toUpperCase();
  const fail = (problem: string): CurpValidation => ({ ok: false, problem });

  if (curp.length !== CURP_LENGTH) return fail('La CURP debe tener 18 caracteres.');
  if (!INITIALS.test(curp.slice(0, 4))) return fail('Las primeras cuatro letras de la CURP no son válidas.');

  // Checked before the date because the century of the date depends on it.
  const homoclave = curp[16];
  if (!HOMOCLAVE.test(homoclave)) return fail('El carácter 17 de la CURP debe ser un dígito o una letra.');

  if (!isRealBirthDate(curp.slice(4, 10), homoclave)) {
    return fail('La fecha de nacimiento de la CURP no es válida.');
  }
  if (!SEX.test(curp[10])) return fail('El sexo de la CURP debe ser H, M o X.');
  if (!CURP_STATE_CODES.includes(curp.slice(11, 13))) {
    return fail('La entidad de nacimiento de la CURP no es válida.');
  }
  if (!INTERNAL_CONSONANTS.test(curp.slice(13, 16))) {
    return fail('Las consonantes internas de la CURP no son válidas.');
  }

  const checkDigit = curp[17];
  if (!DIGIT.test(checkDigit)) return fail('El dígito verificador de la CURP debe ser un número.');
  if (Number(checkDigit) !== computeCurpCheckDigit(curp.slice(0, 17))) {
    return fail('El dígito verificador de la CURP no coincide.');
  }
  return { ok: true, curp };
}

/** A digit homoclave means born 1900–1999, a letter means born 2000 or later. */
function isRealBirthDate(yymmdd: string, homoclave: string): boolean {
  if (!BIRTH_DATE.test(yymmdd)) return false;
  const century = DIGIT.test(homoclave) ? 1900 : 2000;
  const year = century + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Birth date (UTC midnight) of a CURP that validateCurp accepted. */
export function curpBirthDate(curp: string): Date {
  const century = DIGIT.test(curp[16]) ? 1900 : 2000;
  return new Date(
    Date.UTC(century + Number(curp.slice(4, 6)), Number(curp.slice(6, 8)) - 1, Number(curp.slice(8, 10))),
  );
}
