import { CURP_STATE_CODES, computeCurpCheckDigit, curpBirthDate, validateCurp } from './curp.js';

/** Completes 17 characters with the check digit, so a test can break exactly one other rule. */
function withCheckDigit(first17: string): string {
  return first17 + computeCurpCheckDigit(first17);
}

function problemOf(input: string): string {
  const result = validateCurp(input);
  if (result.ok) throw new Error(`Se esperaba un rechazo para ${input}`);
  return result.problem;
}

// Published examples whose check digits were recomputed by hand from RENAPO's algorithm.
const PUBLISHED = {
  instructivoRenapo: 'SABC560626MDFLRN01', // Concepción Salgado Briseño, RENAPO's Instructivo Normativo
  wikipedia: 'BEML920313HMCLNS09', // Luis Raúl Bello Mena, Wikipedia (es)
  bornAbroad: 'BOXW310820HNERXN09', // python-stdnum documentation, state NE
  veracruz: 'HEGG560427MVZRRL04',
};

describe('computeCurpCheckDigit', () => {
  it.each(Object.entries(PUBLISHED))('reproduces the check digit of the %s example', (_name, curp) => {
    expect(computeCurpCheckDigit(curp.slice(0, 17))).toBe(Number(curp[17]));
  });

  it('counts Ñ as its own letter between N and O', () => {
    expect(computeCurpCheckDigit('PEXA040229MJCÑRSB')).toBe(3);
    expect(computeCurpCheckDigit('PEXA040229MJCNRSB')).toBe(8);
  });

  it('gives 0, not 10, when the weighted sum is already a multiple of ten', () => {
    // Both prefixes were chosen because their weighted sums end in 0.
    expect(computeCurpCheckDigit('SABC560626MCLLRN1')).toBe(0);
    expect(computeCurpCheckDigit('SABC560626MGTLRN0')).toBe(0);
  });

  it('refuses input that is not 17 characters of the CURP alphabet', () => {
    expect(() => computeCurpCheckDigit('SABC560626MDFLRN')).toThrow(RangeError);
    expect(() => computeCurpCheckDigit('SABC560626MDFLRN01')).toThrow(RangeError);
    expect(() => computeCurpCheckDigit('SABC560626MDFLRN_')).toThrow(RangeError);
  });
});

describe('validateCurp', () => {
  describe('accepts', () => {
    it.each(Object.values(PUBLISHED))('the published example %s', (curp) => {
      expect(validateCurp(curp)).toEqual({ ok: true, curp });
    });

    it('lowercase input with surrounding whitespace, returning it normalised', () => {
      expect(validateCurp('  sabc560626mdflrn01\n')).toEqual({ ok: true, curp: 'SABC560626MDFLRN01' });
    });

    it('an Ñ among the internal consonants, even typed as N plus a combining tilde', () => {
      expect(validateCurp('PEXA040229MJCÑRSB3')).toEqual({ ok: true, curp: 'PEXA040229MJCÑRSB3' });
      expect(validateCurp('pexa040229mjcn\u0303rsb3')).toEqual({ ok: true, curp: 'PEXA040229MJCÑRSB3' });
    });

    it('X as the second letter, the sex, and the internal consonants, as RENAPO uses it', () => {
      const curp = withCheckDigit('MXXX050714XNEXXXC');
      expect(validateCurp(curp)).toEqual({ ok: true, curp });
    });

    it('every state code in the catalogue, including NE', () => {
      for (const state of CURP_STATE_CODES) {
        const curp = withCheckDigit(`SABC560626M${state}LRN0`);
        expect(validateCurp(curp)).toEqual({ ok: true, curp });
      }
    });

    it('a letter homoclave for people born from 2000 on', () => {
      const curp = withCheckDigit('GOMA100315HJCRRNB');
      expect(validateCurp(curp).ok).toBe(true);
    });
  });

  describe('rejects a wrong length', () => {
    it.each(['', 'SABC560626MDFLRN0', 'SABC560626MDFLRN012', 'SABC 560626MDFLRN01'])('%j', (input) => {
      expect(problemOf(input)).toBe('La CURP debe tener 18 caracteres.');
    });
  });

  describe('rejects bad initials', () => {
    it.each([
      ['a digit first', '9ABC560626MDFLRN01'],
      ['a consonant where the internal vowel goes', 'SBBC560626MDFLRN01'],
      ['a digit in the name initial', 'SAB1560626MDFLRN01'],
    ])('%s', (_case, input) => {
      expect(problemOf(input)).toBe('Las primeras cuatro letras de la CURP no son válidas.');
    });
  });

  describe('birth date', () => {
    const DATE_PROBLEM = 'La fecha de nacimiento de la CURP no es válida.';

    it.each([
      ['February 30', '990230', '0'],
      ['April 31', '990431', '0'],
      ['month 00', '990026', '0'],
      ['month 13', '991326', '0'],
      ['day 00', '990600', '0'],
      ['day 32', '990132', '0'],
      ['February 29 of a common year', '970229', '0'],
      ['February 29 of 1900, which was not a leap year', '000229', '0'],
      ['a letter in the date', 'A60626', '0'],
    ])('rejects %s', (_case, yymmdd, homoclave) => {
      expect(problemOf(withCheckDigit(`SABC${yymmdd}MDFLRN${homoclave}`))).toBe(DATE_PROBLEM);
    });

    it.each([
      ['February 29 of 1996', '960229', '0'],
      ['February 29 of 2000, a leap year because it is divisible by 400', '000229', 'A'],
      ['February 29 of 2004', '040229', 'B'],
      ['December 31', '991231', '0'],
      ['January 1 of 2000', '000101', 'Z'],
    ])('accepts %s', (_case, yymmdd, homoclave) => {
      expect(validateCurp(withCheckDigit(`SABC${yymmdd}MDFLRN${homoclave}`)).ok).toBe(true);
    });

    it('takes the century from the homoclave: the same 000229 is valid only with a letter', () => {
      expect(validateCurp(withCheckDigit('GOMA000229HDFRRNA')).ok).toBe(true);
      expect(problemOf(withCheckDigit('GOMA000229HDFRRN0'))).toBe(DATE_PROBLEM);
    });
  });

  it.each(['A', 'F', '0'])('rejects the sex letter %s', (sex) => {
    expect(problemOf(withCheckDigit(`SABC560626${sex}DFLRN0`))).toBe('El sexo de la CURP debe ser H, M o X.');
  });

  it.each(['XX', 'OX', 'DX', 'MX', '00'])('rejects the state code %s', (state) => {
    const input = withCheckDigit(`SABC560626M${state}LRN0`);
    expect(problemOf(input)).toBe('La entidad de nacimiento de la CURP no es válida.');
  });

  it.each([
    ['a vowel', 'SABC560626MDFARN0'],
    ['a digit', 'SABC560626MDF1RN0'],
    ['another vowel at the end', 'SABC560626MDFLRU0'],
  ])('rejects %s among the internal consonants', (_case, first17) => {
    expect(problemOf(withCheckDigit(first17))).toBe('Las consonantes internas de la CURP no son válidas.');
  });

  it('rejects a homoclave that is neither digit nor letter', () => {
    expect(problemOf('SABC560626MDFLRN_1')).toBe('El carácter 17 de la CURP debe ser un dígito o una letra.');
    expect(problemOf('SABC560626MDFLRNÑ1')).toBe('El carácter 17 de la CURP debe ser un dígito o una letra.');
  });

  it('rejects a letter as check digit', () => {
    expect(problemOf('SABC560626MDFLRN0A')).toBe('El dígito verificador de la CURP debe ser un número.');
  });

  describe('check digit', () => {
    const MISMATCH = 'El dígito verificador de la CURP no coincide.';

    it.each(['SABC560626MDFLRN00', 'SABC560626MDFLRN02', 'BEML920313HMCLNS08', 'BOXW310820HNERXN08'])(
      'rejects %s, off by one',
      (input) => {
        expect(problemOf(input)).toBe(MISMATCH);
      },
    );

    it('rejects every check digit but the right one', () => {
      const accepted = '0123456789'.split('').filter((d) => validateCurp(`SABC560626MDFLRN0${d}`).ok);
      expect(accepted).toEqual(['1']);
    });

    it('notices a single changed character that keeps the structure valid', () => {
      expect(problemOf('SABD560626MDFLRN01')).toBe(MISMATCH);
      expect(problemOf('SABC560626XDFLRN01')).toBe(MISMATCH);
      expect(problemOf('SABC560626MDFLRN11')).toBe(MISMATCH);
    });

    it('cannot notice H and M swapped: they differ by 5 at weight 8, a multiple of ten', () => {
      expect(validateCurp('SABC560626HDFLRN01').ok).toBe(true);
    });
  });
});

describe('CURP_STATE_CODES', () => {
  it('holds the 32 states and NE, each once', () => {
    expect(CURP_STATE_CODES).toHaveLength(33);
    expect(new Set(CURP_STATE_CODES).size).toBe(33);
    expect(CURP_STATE_CODES).toContain('NE');
    expect(CURP_STATE_CODES).toContain('DF');
    expect(CURP_STATE_CODES).toContain('CS');
    expect(CURP_STATE_CODES).toContain('CH');
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(CURP_STATE_CODES)).toBe(true);
  });
});

describe('curpBirthDate', () => {
  it('reads a 20th-century date when the homoclave is a digit', () => {
    expect(curpBirthDate('SABC560626MDFLRN01').toISOString()).toBe('1956-06-26T00:00:00.000Z');
  });

  it('reads a 21st-century date when the homoclave is a letter', () => {
    expect(curpBirthDate(withCheckDigit('GOMA100315HJCRRNB')).toISOString()).toBe('2010-03-15T00:00:00.000Z');
  });
});
