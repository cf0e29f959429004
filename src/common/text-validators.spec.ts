import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { NoControlChars, Trim } from './text-validators.js';

class Sample {
  @Trim()
  @IsString()
  @NoControlChars()
  name: string;
}

const check = (name: unknown) => {
  const sample = plainToInstance(Sample, { name });
  return {
    value: sample.name,
    errors: validateSync(sample)
      .map((e) => Object.values(e.constraints ?? {}))
      .flat(),
  };
};

describe('Trim and NoControlChars', () => {
  it('trims surrounding whitespace before validating', () => {
    expect(check('  Ana López \n')).toEqual({ value: 'Ana López', errors: [] });
  });

  it('keeps inner newlines and tabs', () => {
    expect(check('a\n\tb').errors).toEqual([]);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001bb'],
    ['a C1 control', 'a\u0085b'],
    ['a lone carriage return', 'a\rb'],
  ])('rejects %s with a Spanish message', (_case, name) => {
    expect(check(name).errors).toEqual(['No se admiten caracteres de control.']);
  });

  it('leaves non-strings to the other validators', () => {
    expect(check(42)).toEqual({ value: 42, errors: ['name must be a string'] });
  });
});
