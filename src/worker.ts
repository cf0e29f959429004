import { createWorker, loadConfig, prepareInfrastructure, runOrExit } from './bootstrap.js';

await runOrExit(async () => {
  const config = loadConfig();
  await prepareInfrastructure(config);
  await createWorker(config);
});
