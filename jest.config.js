import { availableParallelism } from 'node:os';

/**
 * Jest runs our TypeScript as native ESM (NestJS 12 ships ESM only), transformed by SWC.
 * `unit` needs nothing; `integration` tests get a migrated template database (global setup)
 * and each test file its own copy of it and its own Redis prefix.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

/**
 * Two workers per core: most integration files wait (round timers, PostgreSQL, Redis, Chromium) far more than they
 * compute, so a core serves two of them; on the 2-core machine that is the 4 workers the suite always ran with
 * (README, "Start and test"). At least 2, at most 8 (each worker boots whole apps).
 * `npx jest --maxWorkers=N …` overrides it for one run.
 */
const MAX_WORKERS = Math.min(8, Math.max(2, 2 * availableParallelism()));

export default {
  maxWorkers: MAX_WORKERS,
  // Integration files boot the whole app (about 2 s alone, more on a busy 2-core machine).
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
  ],
};
