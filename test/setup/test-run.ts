/** Names shared by the global setup, every test file and the teardown of one `npm test` run. */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_PREFIX = 'retos_t_';

export function runId(): string {
  const id = process.env.RETOS_TEST_RUN;
  if (!id) throw new Error('RETOS_TEST_RUN is not set: run the tests through jest (npm test)');
  return id;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const templateDatabase = () => `${DATABASE_PREFIX}${runId()}_tpl`;
