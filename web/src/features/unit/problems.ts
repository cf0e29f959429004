// Reads a mutation's refusal: the Spanish explanation for the action, plus the field problems it names.
import { formProblems, type ApiErrorLike } from '../../shared/graphql-errors';
import { texts } from '../../shared/texts';
import { unitTexts, type UnitAction } from './unit-texts';

export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

export function refusalOf(error: ApiErrorLike, action: UnitAction): Refusal {
  const problem = error.graphQLErrors[0];
  if (!problem) return { message: texts.errors.network, fields: {} };
  const code = typeof problem.extensions?.code === 'string' ? problem.extensions.code : undefined;
  const reason = typeof problem.extensions?.reason === 'string' ? problem.extensions.reason : undefined;
  const { fields } = formProblems(error);
  return { message: unitTexts.refusal(code, reason, problem.message, action), fields };
}
