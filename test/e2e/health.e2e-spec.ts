import { Redis } from 'ioredis';
import { REDIS } from '../../src/infrastructure/redis/redis.module.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, TestApp } from '../support/test-app.js';

describe('readiness follows Redis', () => {
  const proxy = new TcpProxy('127.0.0.1', 6379);
  let api: TestApp;

  beforeAll(async () => {
    const port = await proxy.start();
    api = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });

  afterAll(async () => {
    await api.close();
    await proxy.stop();
  });

  it('is 503 while Redis is unreachable and ready again once it is back', async () => {
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);

    await proxy.stop();
    const down = await fetch(`${api.url}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', checks: { database: 'up', redis: 'down' } });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

    const redis = api.app.get<Redis>(REDIS);
    // not events.once: it would reject on the connection errors ioredis emits while reconnecting
    const reconnected = new Promise((resolve) => redis.once('ready', resolve));
    await proxy.start();
    await reconnected;
    const status = (await fetch(`${api.url}/health/ready`)).status;
    expect(status).toBe(200);
  });
});
