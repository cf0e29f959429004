import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { hasForbiddenControlChars } from './text.js';

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** Trims surrounding whitespace of a string input, or of each string of a list (RULES §0); other values pass untouched. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(trim) : trim(value)));

/** Rejects control characters other than newline and tab (RULES §0), in a string or in each string of a list. */
export function NoControlChars(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'noControlChars',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'No se admiten caracteres de control.', ...options },
      validator: {
        validate: (value: unknown) =>
          (Array.isArray(value) ? value : [value]).every((v) => typeof v !== 'string' || !hasForbiddenControlChars(v)),
      },
    });
  };
}
