import {
  type ExecutionArgs,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';

export interface WsOperationChecks {
  /** The schema the server runs (known only once Nest has built it). */
  schema: () => GraphQLSchema | undefined;
  /** The same rules as over HTTP, besides graphql's specified rules. */
  rules: readonly ValidationRule[];
  maxTokens: number;
  /** The same formatter as over HTTP. */
  formatError: (formatted: GraphQLFormattedError, raw: unknown) => GraphQLFormattedError;
  /** Leave out graphql's "Did you mean …?" hints, as Apollo's hideSchemaDetailsFromClientErrors does. */
  hideSuggestions: boolean;
}

/** A refused operation's errors, formatted as over HTTP (graphql-ws only sends GraphQLError instances). */
function refusal(errors: readonly GraphQLError[], code: string, checks: WsOperationChecks): GraphQLError[] {
  return errors.map((error) => {
    const message = checks.hideSuggestions ? error.message.replace(/ ?Did you mean(.+?)\?$/, '') : error.message;
    const coded = new GraphQLError(message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      extensions: { code, ...error.extensions },
    });
    const formatted = checks.formatError(coded.toJSON(), coded);
    return new GraphQLError(formatted.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      extensions: formatted.extensions,
    });
  });
}

/**
 * graphql-ws `onSubscribe`: an operation over WebSocket is parsed and validated exactly as over HTTP (token
 * limit, graphql's rules, the query limits), and a refused one gets the same codes and reasons, before any
 * resolver runs. Without it, graphql-ws parses and validates with graphql's defaults only.
 */
export function wsOperationChecks(checks: WsOperationChecks) {
  return (_ctx: unknown, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] => {
    const schema = checks.schema();
    if (!schema) throw new Error('GraphQL schema not built yet');
    let document;
    try {
      document = parse(payload.query, { maxTokens: checks.maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError) return refusal([error], 'GRAPHQL_PARSE_FAILED', checks);
      throw error;
    }
    const errors = validate(schema, document, [...specifiedRules, ...checks.rules]);
    if (errors.length) return refusal(errors, 'GRAPHQL_VALIDATION_FAILED', checks);
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
