import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { hasForbiddenControlChars } from './text.js';

/** Trims surrounding whitespace of a string input (RULES §0); other values pass untouched for the validators to judge. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Rejects control characters other than newline and tab (RULES §0). Non-strings are left to the other validators. */
export function NoControlChars(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'noControlChars',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'No se admiten caracteres de control.', ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasForbiddenControlChars(value),
      },
    });
  };
}
