import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { hasForbiddenControlChars } from './text.js';

/** Trims strings (and each string of an array) before validation (RULES §0). */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** Refuses control characters other than newline and tab (RULES §0). */
export function NoControlChars(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'noControlChars',
      target: target.constructor,
      propertyName,
      options: { message: 'El texto contiene caracteres de control no permitidos.', ...options },
      validator: {
        validate: (value: unknown) =>
          value == null || (Array.isArray(value) ? value : [value]).every((v) => typeof v !== 'string' || !hasForbiddenControlChars(v)),
      },
    });
}
