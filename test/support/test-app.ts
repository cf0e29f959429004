import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApi, loadConfig } from '../../src/bootstrap.js';
import type { Clock } from '../../src/common/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { runId, TEST_REDIS_URL } from '../setup/test-run.js';
import { createTestDatabase } from './test-database.js';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  env: Record<string, string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** The environment of one isolated test instance: its own database, Redis prefix and mail folder. */
export async function testEnvironment(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: overrides.DATABASE_URL ?? (await createTestDatabase()),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `rt_${runId()}_${randomBytes(3).toString('hex')}`,
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'retos-mail-')),
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0001',
    ...overrides,
  };
}

/** Boots the whole API (Fastify, GraphQL, PostgreSQL, Redis) on a random local port. */
export async function startTestApp(
  options: { env?: Record<string, string>; workers?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const env = await testEnvironment(options.env);
  const config = loadConfig(env);
  const app = await createApi(
    config,
    { workers: options.workers ?? false, clock: options.clock },
    createLogger(config.logLevel),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    app,
    config,
    env,
    url: url.replace('[::1]', '127.0.0.1'),
    async gql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    close: () => app.close(),
  };
}
