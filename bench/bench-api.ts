// A throwaway database and Redis prefix with one API process in this process, for benches; `close()` drops them.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createApi, loadConfig, prepareInfrastructure } from '../src/bootstrap.js';
import { createLogger } from '../src/infrastructure/logging/logger.js';

export async function startBenchApi() {
  const admin = new URL(process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `retos_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = new URL(admin);
  databaseUrl.pathname = `/${name}`;
  const env = {
    DATABASE_URL: databaseUrl.toString(), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: name,
    LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', WORKERS_IN_PROCESS: 'false', JWT_SECRET: randomBytes(24).toString('hex'),
  };
  const config = loadConfig(env);
  await prepareInfrastructure(config);
  const app = await createApi(config, { workers: false }, createLogger('silent'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new pg.Client(env.DATABASE_URL);
  await sql.connect();
  return {
    app, url, sql, config, databaseUrl: env.DATABASE_URL,
    async close(): Promise<void> {
      await sql.end();
      await app.close();
      const redis = new Redis(env.REDIS_URL);
      for await (const keys of redis.scanStream({ match: `${name}:*`, count: 1000 }) as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
      redis.disconnect();
      const client = new pg.Client(admin.toString());
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
