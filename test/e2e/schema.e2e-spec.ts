import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { startTestApp, TestApp } from '../support/test-app.js';

const SCHEMA_FILE = new URL('../../src/schema.gql', import.meta.url);
const HEADER = '# Generated from the code-first schema by `npm run schema`. Do not edit by hand.\n\n';

describe('the committed schema', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(() => api.close());

  it('is exactly what the code generates (run `npm run schema` after changing the API)', () => {
    const generated = HEADER + printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === 'true') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
