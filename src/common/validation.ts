import { ValidationError } from 'class-validator';
import { DomainError, FieldProblem } from './domain-error.js';
import { spanishConstraintMessage } from './spanish-messages.js';

/** Flattens class-validator's tree into one `{ path, message }` per invalid field (`rounds.1.closesAt`). */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ path, message: spanishConstraintMessage(Object.values(error.constraints)[0]) }]
      : [];
    return own.concat(fieldProblems(error.children ?? [], path));
  });
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return DomainError.badInput(fieldProblems(errors));
}
