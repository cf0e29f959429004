/** `npm run seed`: loads the demo data (src/seed/demo-seed.ts) into DATABASE_URL; running it again changes nothing. */
import { createApi, loadConfig, prepareInfrastructure, runOrExit } from '../src/bootstrap.js';
import { assertSeedAllowed, runDemoSeed } from '../src/seed/demo-seed.js';

await runOrExit(async () => {
  const config = loadConfig();
  assertSeedAllowed(config);
  await prepareInfrastructure(config);
  const app = await createApi(config, { workers: false });
  await app.init();
  try {
    await runDemoSeed(app, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await app.close();
  }
});
