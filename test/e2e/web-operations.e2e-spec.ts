import { readFileSync } from 'node:fs';
import { buildSchema, Kind, specifiedRules, validate, type DocumentNode } from 'graphql';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from '../../src/infrastructure/graphql/query-limits.js';
import * as generated from '../../web/src/gql/graphql.js';

/** Every operation the web app sends, as codegen produced it from the pages (`npm test` generates it first). */
const operations = Object.entries(generated as Record<string, unknown>).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' &&
    entry[1] !== null &&
    (entry[1] as DocumentNode).kind === Kind.DOCUMENT &&
    (entry[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('the web app’s operations', () => {
  const schema = buildSchema(readFileSync(new URL('../../src/schema.gql', import.meta.url), 'utf8'));

  it('are found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  // A page whose query the API's limits refuse never loads; this says which one before a browser test times out.
  it.each(operations)('%s passes the schema and the API’s query limits', (_name, document) => {
    const errors = validate(schema, document, [...specifiedRules, queryLimitsRule(DEFAULT_QUERY_LIMITS)]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
