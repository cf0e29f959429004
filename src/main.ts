import { createApi, loadConfig, prepareInfrastructure, runOrExit } from './bootstrap.js';
import { runDemoSeed } from './seed/demo-seed.js';

await runOrExit(async () => {
  const config = loadConfig();
  await prepareInfrastructure(config);
  const app = await createApi(config, { workers: config.workersInProcess });
  await app.listen({ port: config.http.port, host: '0.0.0.0' });
  if (config.seedDemo) await runDemoSeed(app, (line) => process.stdout.write(`${line}\n`));
});
