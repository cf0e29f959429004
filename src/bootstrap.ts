import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { HttpErrorsFilter } from './infrastructure/http/http-errors.filter.js';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppModule, AppOptions } from './app.module.js';
import { validationExceptionFactory } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { ConfigError, parseEnvironment } from './config/environment.js';
import { prepareDatabase } from './infrastructure/database/prepare-database.js';
import { installHttpHooks } from './infrastructure/http/http-hooks.js';
import { serveWebApp } from './infrastructure/http/web-app.js';
import { createLogger, PinoNestLogger } from './infrastructure/logging/logger.js';
import { CoreOptions } from './core.module.js';
import { WorkerModule } from './worker.module.js';

const BODY_LIMIT_BYTES = 100 * 1024;

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Validates the environment and makes PostgreSQL and Redis ready (database created, migrations applied).
 * Any problem becomes a ConfigError whose one-line message names the variable.
 */
export async function prepareInfrastructure(config: AppConfig): Promise<void> {
  try {
    await prepareDatabase(config.databaseUrl);
  } catch (error) {
    throw new ConfigError(
      `DATABASE_URL: no se pudo preparar la base de datos en ${redactUrl(config.databaseUrl)} (${(error as Error).message})`,
    );
  }
  try {
    await checkRedis(config.redis.url);
  } catch (error) {
    throw new ConfigError(
      `REDIS_URL: no se pudo conectar a ${redactUrl(config.redis.url)} (${(error as Error).message})`,
    );
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig(parseEnvironment(source));
}

export async function createApi(
  config: AppConfig,
  options: AppOptions,
  logger: Logger = createLogger(config.logLevel),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.http.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID(),
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.useGlobalPipes(new ValidationPipe({ transform: true, exceptionFactory: validationExceptionFactory }));
  app.useGlobalFilters(new HttpErrorsFilter());
  await app.register(helmet, { contentSecurityPolicy: config.production ? undefined : false });
  if (config.http.corsOrigins === '*' || config.http.corsOrigins.length) {
    app.enableCors({ origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins });
  }
  await app.register(fastifyCookie);
  installHttpHooks(app);
  await serveWebApp(app, config.web.distDir);
  app.enableShutdownHooks();
  return app;
}

export async function createWorker(
  config: AppConfig,
  options: CoreOptions = {},
  logger: Logger = createLogger(config.logLevel),
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}

/** For the entry points: a configuration problem prints one clear line and ends the process, never a stack trace. */
export async function runOrExit(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `No se pudo iniciar: ${(error as Error).message}`;
    process.stderr.write(`retos-publicos: ${message}\n`);
    process.exit(1);
  }
}
