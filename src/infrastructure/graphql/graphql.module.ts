import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { createErrorFormatter } from './format-error.js';
import type { GraphqlContext } from './graphql-context.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from './query-limits.js';
import { ViewerAuthenticator } from './viewer-authenticator.js';

/** Largest number of lexical tokens a document may have; Apollo's own parser limit keeps syntax errors 400s. */
const MAX_TOKENS = 8000;

const logger = new Logger('GraphQL');

export function graphqlOptions(config: AppConfig, authenticator: ViewerAuthenticator): ApolloDriverConfig {
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
    validationRules: [queryLimitsRule(DEFAULT_QUERY_LIMITS)],
    formatError: createErrorFormatter((error) => logger.error(error instanceof Error ? error.stack ?? error.message : String(error))),
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphqlContext> => ({
      req,
      reply,
      viewer: await authenticator.authenticate(req.headers.authorization),
      loaders: new Map(),
    }),
  };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, ViewerAuthenticator],
      useFactory: graphqlOptions,
    }),
  ],
})
export class GraphqlApiModule {}
