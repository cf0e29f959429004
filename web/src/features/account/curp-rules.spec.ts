import { accountTexts } from './account-texts';
import { curpFormatProblem, normalizeCurp } from './curp-rules';

describe('CURP in the browser', () => {
  it('normalises what was pasted: spaces, dashes and lower case', () => {
    expect(normalizeCurp('  sabc560626mdflrn01 ')).toBe('SABC560626MDFLRN01');
    expect(normalizeCurp('SABC-560626-MDFLRN-01')).toBe('SABC560626MDFLRN01');
    expect(normalizeCurp('pexa040229mjcn\u0303rsb3')).toBe('PEXA040229MJCÑRSB3');
  });

  it('accepts the shape of a CURP, leaving date and check digit to the server', () => {
    expect(curpFormatProblem('SABC560626MDFLRN01')).toBeNull();
    expect(curpFormatProblem('PEXA040229MJCÑRSB3')).toBeNull();
    // Wrong check digit: only the server knows.
    expect(curpFormatProblem('SABC560626MDFLRN09')).toBeNull();
  });

  it('explains an empty, short or misshapen CURP', () => {
    expect(curpFormatProblem('')).toBe(accountTexts.curp.empty);
    expect(curpFormatProblem('SABC560626')).toBe(accountTexts.curp.wrongLength(10));
    expect(curpFormatProblem('SABC560626MDFLRN0X')).toBe(accountTexts.curp.wrongShape);
    expect(curpFormatProblem('123456789012345678')).toBe(accountTexts.curp.wrongShape);
  });
});
