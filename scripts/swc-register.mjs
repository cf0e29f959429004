// `node --import ./scripts/swc-register.mjs some.ts`: runs our TypeScript directly, with decorator
// metadata, transformed by SWC as in the tests (.swcrc). For child processes in tests and for benches.
import { register } from 'node:module';

register('./swc-loader.mjs', import.meta.url);
