import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** A throwaway database and Redis prefix for one bench run, and how to remove both afterwards. */
export function benchEnvironment(extra: Record<string, string> = {}) {
  const admin = new URL(process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `retos_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = new URL(admin);
  databaseUrl.pathname = `/${name}`;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: name,
    LOG_LEVEL: 'silent',
    MAIL_DIR: `/tmp/${name}-mail`,
    ...extra,
  };

  async function dropAll(): Promise<void> {
    const redis = new Redis(env.REDIS_URL);
    for await (const keys of redis.scanStream({ match: `${name}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.unlink(...keys);
    }
    redis.disconnect();
    const client = new pg.Client(admin.toString());
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }

  return { name, env, dropAll };
}
