// Drops every database and Redis key this run created.
import { Redis } from 'ioredis';
import { databasesLike, dropDatabase, withAdmin } from './admin.mjs';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export default async function globalTeardown() {
  const run = process.env.RETOS_TEST_RUN;
  await withAdmin(async (client) => {
    for (const name of await databasesLike(client, `retos_t_${run}_`)) await dropDatabase(client, name);
  });
  const redis = new Redis(REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `rt_${run}_*`, count: 1000 })) {
      if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
