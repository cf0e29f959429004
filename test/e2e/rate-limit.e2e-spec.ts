import type { Redis } from 'ioredis';
import { RateLimiter } from '../../src/infrastructure/http/rate-limiter.js';
import { REDIS } from '../../src/infrastructure/redis/redis.module.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 20;

/** Starts away from the end of a clock minute, so one fixed window holds the whole test. */
async function awayFromMinuteEnd(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('the per-address limit on /graphql', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });

  afterAll(() => api?.close());

  it('admits exactly the limit per minute, then answers 429 in Spanish with Retry-After', async () => {
    await awayFromMinuteEnd();
    const answers: { status: number; retryAfter: string | null; body: any }[] = [];
    for (let i = 0; i < LIMIT + 5; i++) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      answers.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.json(),
      });
    }
    expect(answers.filter((a) => a.status === 200)).toHaveLength(LIMIT);
    const refused = answers.slice(LIMIT);
    expect(refused.map((a) => a.status)).toEqual(Array(5).fill(429));
    expect(refused[0].retryAfter).toBe('60');
    expect(refused[0].body.errors[0]).toMatchObject({
      message: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
      extensions: { code: 'RATE_LIMITED' },
    });
  });

  it('takes hits from Redis in blocks, and two processes together never admit more than the limit', async () => {
    await awayFromMinuteEnd();
    const redis = api.app.get<Redis>(REDIS);
    const processes = [api.app.get(RateLimiter), new RateLimiter(redis, api.config)];
    const limit = 30; // blocks of 3
    const key = `bloques:${Date.now()}`;
    expect(await processes[0].admit(key, limit, 60)).toBe(true);
    const counter = `${api.config.redis.prefix}:rl:${key}:${Math.floor(Date.now() / 60_000)}`;
    expect(await redis.get(counter)).toBe('3');
    expect(await processes[0].admit(key, limit, 60)).toBe(true);
    expect(await redis.get(counter)).toBe('3'); // the second hit came from the block

    let admitted = 2;
    for (let i = 0; i < 60; i++) if (await processes[i % 2].admit(key, limit, 60)) admitted++;
    expect(admitted).toBeLessThanOrEqual(limit);
    expect(admitted).toBeGreaterThanOrEqual(limit - 2 * 2); // at most a block's unused rest per process
  });

  it('keeps every block taken by requests that arrived together: each hit counted in Redis is admitted once', async () => {
    await awayFromMinuteEnd();
    const redis = api.app.get<Redis>(REDIS);
    const limiter = new RateLimiter(redis, api.config);
    const key = `juntas:${Date.now()}`;
    const counter = `${api.config.redis.prefix}:rl:${key}:${Math.floor(Date.now() / 60_000)}`;
    const together = await Promise.all(Array.from({ length: 20 }, () => limiter.admit(key, 1000, 60))); // blocks of 10
    expect(together.every(Boolean)).toBe(true);
    expect(await redis.get(counter)).toBe('200');

    for (let i = 0; i < 180; i++) expect(await limiter.admit(key, 1000, 60)).toBe(true);
    expect(await redis.get(counter)).toBe('200'); // the 180 came from the blocks taken together
  });
});
