import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase } from '../../src/infrastructure/database/prepare-database.js';
import { ADMIN_DATABASE_URL, DATABASE_PREFIX, databaseUrl, runId, templateDatabase } from '../setup/test-run.js';

const TEMPLATE_LOCK = 748_311_903;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(ADMIN_DATABASE_URL);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The run's migrated template: the first test file to need it builds it, under a lock, the others wait. */
async function ensureTemplate(client: pg.Client): Promise<string> {
  const template = templateDatabase();
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [
      template,
    ]);
    if (!rowCount) {
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await prepareDatabase(databaseUrl(template));
      await client.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
  return template;
}

/** A fresh copy of the migrated template database, for one test file. */
export async function createTestDatabase(): Promise<string> {
  const name = `${DATABASE_PREFIX}${runId()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    const template = await ensureTemplate(client);
    // CREATE DATABASE … TEMPLATE needs the template idle; another file may be copying it right now.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  return databaseUrl(name);
}

/** A direct SQL connection to a test database, for assertions that must not go through the app. */
export async function sqlClient(url: string): Promise<pg.Client> {
  const client = new pg.Client(url);
  await client.connect();
  return client;
}
