import { MAX_CENTAVOS, formatCentavos, parseDecimal } from './money.js';

describe('parseDecimal', () => {
  it.each([
    ['1500000', 150000000n],
    ['1500000.00', 150000000n],
    ['12.5', 1250n],
    ['12.50', 1250n],
    ['12.05', 1205n],
    ['0.01', 1n],
    ['0.1', 10n],
    ['0', 0n],
    ['0.00', 0n],
    ['-0', 0n],
    ['-0.50', -50n],
    ['-12.3', -1230n],
    ['007', 700n],
    ['999999999999.99', 99_999_999_999_999n],
    ['-999999999999.99', -99_999_999_999_999n],
  ])('reads %j as %p centavos', (text, centavos) => {
    expect(parseDecimal(text)).toBe(centavos);
  });

  it('is exact where multiplying a float by 100 is not', () => {
    expect(Number('4.35') * 100).not.toBe(435);
    expect(parseDecimal('4.35')).toBe(435n);
    expect(parseDecimal('0.29')).toBe(29n);
    expect(parseDecimal('999999999999.99')! - parseDecimal('999999999999.98')!).toBe(1n);
  });

  it.each([
    ['an exponent', '1e5'],
    ['a leading space', ' 1'],
    ['a trailing space', '1 '],
    ['a trailing newline', '1\n'],
    ['three decimals', '1.234'],
    ['the empty string', ''],
    ['letters', 'abc'],
    ['a thousands separator', '1,000'],
    ['a decimal comma', '12,50'],
    ['a plus sign', '+1'],
    ['a double minus', '--1'],
    ['a bare leading point', '.5'],
    ['a bare trailing point', '5.'],
    ['only a point', '.'],
    ['only a minus', '-'],
    ['thirteen integer digits', '1000000000000'],
    ['thirteen integer digits with decimals', '1000000000000.00'],
    ['non-ASCII digits', '١٢'],
    ['full-width digits', '１２'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['hexadecimal', '0x10'],
    ['an underscore separator', '1_000'],
  ])('rejects %s (%j)', (_case, text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('formatCentavos', () => {
  it.each([
    [150000000n, '1500000.00'],
    [1250n, '12.50'],
    [1205n, '12.05'],
    [1n, '0.01'],
    [10n, '0.10'],
    [0n, '0.00'],
    [-50n, '-0.50'],
    [-1n, '-0.01'],
    [-123456n, '-1234.56'],
    [MAX_CENTAVOS, '999999999999.99'],
  ])('writes %p as %j', (centavos, text) => {
    expect(formatCentavos(centavos)).toBe(text);
  });

  it('round-trips with parseDecimal', () => {
    const samples = [0n, 1n, 9n, 10n, 99n, 100n, 101n, 123456789n, MAX_CENTAVOS];
    for (const c of [...samples, ...samples.map((s) => -s)]) {
      expect(parseDecimal(formatCentavos(c))).toBe(c);
    }
  });
});

describe('MAX_CENTAVOS', () => {
  it('is the largest value of numeric(14,2), and one centavo more is unrepresentable', () => {
    expect(MAX_CENTAVOS).toBe(parseDecimal('999999999999.99'));
    expect(formatCentavos(MAX_CENTAVOS + 1n)).toBe('1000000000000.00');
    expect(parseDecimal(formatCentavos(MAX_CENTAVOS + 1n))).toBeNull();
  });
});
