import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Suites that need a PostgreSQL server (several app processes); in CI TEST_DATABASE_URL is always set. */
const POSTGRES_ONLY = ['test/sweep-concurrency.test.ts', 'test/concurrent-first-start.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      ...(process.env.TEST_DATABASE_URL || process.env.CI ? [] : POSTGRES_ONLY),
    ],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    // one more worker than cores: the API, CLI and browser suites wait on PostgreSQL, child processes and chromium
    maxWorkers: Math.max(2, availableParallelism() + 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
