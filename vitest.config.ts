import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Suites that need a PostgreSQL server (several app processes); in CI TEST_DATABASE_URL is always set. */
const POSTGRES_ONLY = ['test/sweep-concurrency.test.ts', 'test/concurrent-first-start.test.ts'];

/** Test files under test/ that need no database, no child process, no OCR engine and no SPA build. */
const UNIT_FILES_IN_TEST = [
  'test/chromium-setup.test.ts',
  'test/ocr-engine-setup.test.ts',
  'test/production-config.test.ts',
  'test/redmine-bench.test.ts',
];

/** Test files under src/ that open a database or run the OCR engine (test/ocr-engine.ts lists the latter). */
const SLOW_FILES_IN_SRC = ['src/db/pglite-dialect.test.ts', 'src/modules/import/readers/ocr-reader.test.ts'];

/** Suites about the built SPA: the browser tests and the bundle budget. */
const BROWSER_FILES = ['test/browser/**/*.test.ts', 'test/web-bundle.test.ts'];

/**
 * Three projects, so that a run builds and starts only what its files need (`npm run test:unit`, or
 * `vitest run --project db`):
 * - unit: pure code, no database (src/**, and the few such files of test/); seconds;
 * - db: database, API, CLI, child-process and OCR suites; its global setup migrates one database
 *   template per run (test/support/database-template.ts) and checks the OCR engine;
 * - browser: the only project whose global setup builds the SPA and checks chromium.
 * In CI (CI=true) a database or browser suite that cannot run fails; it is never skipped.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // one more worker than cores: the API, CLI and browser suites wait on PostgreSQL, child processes and chromium
    maxWorkers: Math.max(2, availableParallelism() + 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', ...UNIT_FILES_IN_TEST],
          exclude: ['**/node_modules/**', ...SLOW_FILES_IN_SRC],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/**/*.test.ts', ...SLOW_FILES_IN_SRC],
          exclude: [
            '**/node_modules/**',
            ...UNIT_FILES_IN_TEST,
            ...BROWSER_FILES,
            ...(process.env.TEST_DATABASE_URL || process.env.CI ? [] : POSTGRES_ONLY),
          ],
          globalSetup: ['test/support/database-template.ts', 'test/ocr-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_FILES,
          globalSetup: ['test/support/database-template.ts', 'test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
