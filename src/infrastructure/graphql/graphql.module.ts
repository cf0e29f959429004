import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { type GraphQLSchema, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { UniqueViolations } from '../database/unique-violations.js';
import { checksAccountInWrite } from './account-checked-in-write.js';
import { createErrorFormatter } from './format-error.js';
import type { IncomingMessage } from 'node:http';
import type { GraphqlContext, Viewer } from './graphql-context.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from './query-limits.js';
import { ViewerAuthenticator } from './viewer-authenticator.js';
import { wsOperationChecks } from './ws-operation-checks.js';
import { watchSession, type ClosableSocket } from './ws-session-watch.js';

/** Largest number of lexical tokens a document may have (HTTP and WebSocket); Apollo's own parser limit keeps syntax errors 400s. */
const MAX_TOKENS = 8000;

const logger = new Logger('GraphQL');

/** What graphql-ws hands to onConnect and context for a WebSocket operation. */
interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra: { request: IncomingMessage; socket: ClosableSocket; viewer?: Viewer | null };
}

function isWsContext(value: unknown): value is WsContext {
  return typeof value === 'object' && value !== null && 'extra' in value && 'connectionParams' in value;
}

export function graphqlOptions(
  config: AppConfig,
  authenticator: ViewerAuthenticator,
  uniqueViolations: UniqueViolations,
): ApolloDriverConfig {
  const formatError = createErrorFormatter(
    (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    uniqueViolations,
  );
  const validationRules: ValidationRule[] = [queryLimitsRule(DEFAULT_QUERY_LIMITS)];
  // Apollo adds its own introspection rule over HTTP; over WebSocket graphql's equivalent does the same.
  const wsRules = config.graphql.introspection
    ? validationRules
    : [NoSchemaIntrospectionCustomRule, ...validationRules];
  let schema: GraphQLSchema | undefined;
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: !config.production,
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules,
    formatError,
    // We set no cache hints; Apollo's cache-control plugin would still wrap every field's resolver (issue #17).
    plugins: [ApolloServerPluginCacheControlDisabled(), authenticateOnceResolved()],
    // Kept for the WebSocket checks below, which validate against the schema the server runs.
    transformSchema: (built) => (schema = built),
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    // GraphQL over WebSocket (graphql-ws) on the same path; the socket authenticates in connection_init, and a
    // signed-in socket is checked again periodically (closed with 4401 once its session ends).
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: async (raw) => {
          const ctx = raw as unknown as WsContext;
          const given = ctx.connectionParams?.authorization;
          const authorization = typeof given === 'string' ? given : undefined;
          ctx.extra.viewer = await authenticator.authenticate(authorization);
          if (ctx.extra.viewer)
            watchSession(ctx.extra.socket, () => authenticator.authenticate(authorization), config.graphql.wsRecheckMs);
          return true;
        },
        // Operations over WebSocket meet the same token limit, rules and query limits as over HTTP.
        onSubscribe: wsOperationChecks({
          schema: () => schema,
          rules: wsRules,
          maxTokens: MAX_TOKENS,
          formatError,
          hideSuggestions: config.production,
        }),
        // Errors of subscription events get the same codes and hiding as over HTTP (RULES §0).
        onNext: (_ctx, _id, _payload, _args, result) =>
          'errors' in result && result.errors?.length
            ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
            : undefined,
      },
    },
    context: async (req: FastifyRequest | WsContext, reply: FastifyReply): Promise<GraphqlContext> => {
      if (isWsContext(req)) {
        // One context per subscription, with its own loaders (the resolvers clear them for every pushed message).
        return {
          req: req.extra.request as unknown as FastifyRequest,
          viewer: req.extra.viewer ?? null,
          loaders: new Map(),
        };
      }
      // The viewer is known once the operation is (authenticateOnceResolved), before anything executes.
      return {
        req,
        reply,
        viewer: null,
        authenticate: (options) => authenticator.authenticate(req.headers.authorization, options),
        loaders: new Map(),
      };
    },
  };
}

/**
 * Authenticates an HTTP request once its operation is resolved, before it executes: an operation made only of
 * mutations that check the account as they write may use the account's facts this process last read (issue #17).
 */
function authenticateOnceResolved(): ApolloServerPlugin<GraphqlContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ operation, contextValue }) => {
          if (!contextValue.authenticate) return;
          contextValue.viewer = await contextValue.authenticate({ keptAccount: checksAccountInWrite(operation) });
        },
      }),
  };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, ViewerAuthenticator, UniqueViolations],
      useFactory: graphqlOptions,
    }),
  ],
})
export class GraphqlApiModule {}
