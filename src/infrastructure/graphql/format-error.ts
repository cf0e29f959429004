import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorReason } from '../../common/domain-error.js';
import { spanishGraphqlError } from '../../common/spanish-messages.js';
import type { UniqueViolations } from '../database/unique-violations.js';

/** Codes that Apollo or our scalars raise on purpose and whose messages are safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

const INTERNAL_MESSAGE = 'Ocurrió un error interno. Intenta de nuevo más tarde.';

function fromDomainError(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.reason) extensions.reason = error.reason satisfies ErrorReason;
  if (error.code === 'BAD_USER_INPUT') extensions.fields = error.fields ?? [];
  else if (error.fields?.length) extensions.fields = error.fields; // a conflict about one input, e.g. CURP_TAKEN
  return { message: error.message, locations: formatted.locations, path: formatted.path, extensions };
}

/**
 * The one place where failures become GraphQL errors (RULES §0): domain errors keep their code and
 * reason, unique violations become CONFLICT with the matching reason, and anything unexpected is
 * logged and shown only as INTERNAL_SERVER_ERROR, without stack, SQL or driver text.
 */
export function createErrorFormatter(logUnexpected: (error: unknown) => void, uniqueViolations: UniqueViolations) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    if (error instanceof DomainError) return fromDomainError(formatted, error);
    const conflict = uniqueViolations.errorFor(error);
    if (conflict) return fromDomainError(formatted, conflict);

    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      const { stacktrace: _s, originalError: _o, ...extensions } = formatted.extensions ?? {};
      // Framework texts (graphql-js, Apollo) in Spanish; ours carry a reason and are Spanish already.
      const spanish = extensions.reason ? null : spanishGraphqlError(formatted.message, code);
      if (code === 'BAD_USER_INPUT' && !extensions.fields) extensions.fields = spanish?.fields ?? [];
      return { ...formatted, message: spanish?.message ?? formatted.message, extensions };
    }
    logUnexpected(error);
    return {
      message: INTERNAL_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
