// The one place where API errors become what a form shows: a Spanish message at each field, or one for the form.
import { texts } from './texts';

/** The parts of urql's CombinedError this mapping reads. */
export interface ApiErrorLike {
  graphQLErrors: { message: string; extensions?: Record<string, unknown> }[];
  networkError?: unknown;
}

export interface FormProblems {
  /** Spanish message per input field name (`title`, `email`, `links.0`). */
  fields: Record<string, string>;
  /** A message for the whole form (refusal without a field, network failure), or null. */
  form: string | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, form: null };

interface FieldProblem {
  path: string;
  message: string;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).path === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

/** `input.title` and `title` both name the form's `title` field. */
function fieldName(path: string): string {
  return path.replace(/^input\./, '');
}

export function formProblems(error: ApiErrorLike | undefined): FormProblems {
  if (!error) return NO_PROBLEMS;
  if (error.networkError && !error.graphQLErrors.length) return { fields: {}, form: texts.errors.network };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of error.graphQLErrors) {
    const list = Array.isArray(problem.extensions?.fields) ? (problem.extensions.fields as unknown[]) : [];
    const known = list.filter(isFieldProblem);
    for (const field of known) fields[fieldName(field.path)] ??= field.message;
    if (!known.length) general.push(problem.message);
  }
  return { fields, form: general.length ? general.join(' ') : null };
}

/** The first field (in the form's order) that has a problem, to move focus there. */
export function firstProblemField(problems: FormProblems, order: readonly string[]): string | null {
  return order.find((name) => problems.fields[name]) ?? null;
}

/** A one-field form shows a refusal without a field (CURP_TAKEN, RATE_LIMITED) at its only field. */
export function formMessageAt(field: string) {
  return (problems: FormProblems): FormProblems =>
    problems.form
      ? { fields: { ...problems.fields, [field]: problems.fields[field] ?? problems.form }, form: null }
      : problems;
}

/**
 * A problem at a field the form has no input for (the link's `token`) becomes the form message: the API's,
 * or `instead`, a text that fits the page better.
 */
export function fieldAsFormMessage(field: string, instead?: string) {
  return (problems: FormProblems): FormProblems => {
    const { [field]: message, ...fields } = problems.fields;
    return message ? { fields, form: instead ?? message } : problems;
  };
}
