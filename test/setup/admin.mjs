// Shared by the global setup and teardown (plain ESM, outside Jest's transform).
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `work` with a connection to the server's `postgres` database. */
export async function withAdmin(work) {
  const client = new pg.Client(ADMIN_URL);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Databases whose name starts with `prefix`. */
export async function databasesLike(client, prefix) {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
  return rows.map((r) => r.datname);
}

export async function dropDatabase(client, name) {
  await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`).catch(() => undefined);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
