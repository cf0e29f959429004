// A worker process for tests that need to kill one for real: `node --import ./scripts/swc-register.mjs test/support/worker-child.ts`.
import { createWorker, loadConfig } from '../../src/bootstrap.js';

const worker = await createWorker(loadConfig(process.env));
process.stdout.write('ready\n');
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
