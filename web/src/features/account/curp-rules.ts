// A format hint before sending; the API checks the date, the state and the check digit and has the last word.
import { accountTexts } from './account-texts';

// Letters, six digits, sex, state, three consonants, homoclave, digit: RENAPO's layout without its catalogues.
const CURP_SHAPE = /^[A-Z]{4}[0-9]{6}[HMX][A-Z]{2}[A-ZÑ]{3}[0-9A-Z][0-9]$/;

/** What a person pasted or typed, as the CURP it means: no spaces or dashes, upper case, Ñ as one character. */
export function normalizeCurp(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

/** A problem to show at the field without asking the server, or null when it has the shape of a CURP. */
export function curpFormatProblem(curp: string): string | null {
  if (!curp) return accountTexts.curp.empty;
  if ([...curp].length !== 18) return accountTexts.curp.wrongLength([...curp].length);
  return CURP_SHAPE.test(curp) ? null : accountTexts.curp.wrongShape;
}
