// One API process in this process on a throwaway database and Redis prefix, for benches; `close()` drops them.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createApi, loadConfig, prepareInfrastructure } from '../../src/bootstrap.js';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { benchEnvironment } from './bench-environment.js';

export async function startBenchApi() {
  const { env, dropAll } = benchEnvironment({
    RATE_LIMIT_PER_MINUTE: '1000000',
    WORKERS_IN_PROCESS: 'false',
    JWT_SECRET: randomBytes(24).toString('hex'),
  });
  const config = loadConfig(env);
  await prepareInfrastructure(config);
  const app = await createApi(config, { workers: false }, createLogger('silent'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  process.stdout.write(
    'measured: the API started inside this bench process (same event loop and RSS as the client and the seeding, ' +
      'TypeScript through SWC, logs silent), not a separate server as `npm start` runs it\n',
  );
  const sql = new pg.Client(env.DATABASE_URL);
  await sql.connect();
  return {
    app,
    url,
    sql,
    config,
    databaseUrl: env.DATABASE_URL,
    async close(): Promise<void> {
      await sql.end();
      await app.close();
      await dropAll();
    },
  };
}
