// Runs once per `npm test` (plain ESM: Jest loads global setup outside its ESM transform).
// Names the run, so every database and Redis key it creates can be found and dropped at the end,
// and drops what runs that crashed hours ago left behind.
import { databasesLike, dropDatabase, withAdmin } from './admin.mjs';

const PREFIX = 'retos_t_';
const STALE_AFTER_MS = 6 * 3600 * 1000;

export default async function globalSetup() {
  process.env.RETOS_TEST_RUN = `${Date.now().toString(36)}_${process.pid}`;
  await withAdmin(async (client) => {
    for (const name of await databasesLike(client, PREFIX)) {
      const started = parseInt(name.slice(PREFIX.length).split('_')[0], 36);
      if (!(Date.now() - started < STALE_AFTER_MS)) await dropDatabase(client, name);
    }
  });
}
