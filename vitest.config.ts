import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suites that need a PostgreSQL server (several app processes, or the PostgreSQL file of a suite split
 * per database); in CI TEST_DATABASE_URL is always set.
 */
const POSTGRES_ONLY = [
  'test/sweep-concurrency.test.ts',
  'test/concurrent-first-start.test.ts',
  'test/sweep-year-postgres.test.ts',
  'test/sweep-half-done-postgres.test.ts',
  'test/browser/settings.browser.test.ts',
  'test/browser/workflow.browser.test.ts',
  'test/browser/reports.browser.test.ts',
];

/** Test files under test/ that need no database, no child process, no OCR engine and no SPA build. */
const UNIT_FILES_IN_TEST = [
  'test/chromium-setup.test.ts',
  'test/ocr-engine-setup.test.ts',
  'test/production-config.test.ts',
  'test/redmine-bench.test.ts',
];

/**
 * Test files under src/ that open a database, run the OCR engine (test/ocr-engine.ts lists it) or take
 * seconds of CPU (the parser over 1,000 random texts, the PDF reader over rendered documents): they run
 * with the db project, so that `npm run test:unit` stays a loop of seconds.
 */
const SLOW_FILES_IN_SRC = [
  'src/db/pglite-dialect.test.ts',
  'src/modules/import/readers/ocr-reader.test.ts',
  'src/modules/import/plan-text.property.test.ts',
  'src/modules/import/readers/pdf-reader.test.ts',
];

/** Suites about the built SPA: the browser tests and the bundle budget. */
const BROWSER_FILES = ['test/browser/**/*.test.ts', 'test/web-bundle.test.ts'];

/**
 * The longest files (tens of seconds each: the authorisation matrix, kill -9, the fuzzer, the
 * simulated year, the builds), started first. Without a cache of earlier runs (a fresh clone, CI)
 * vitest starts the largest files first, and these are short files that import much: started last,
 * each one alone would make the tail of the run.
 */
const LONGEST_FIRST = [
  'test/browser/app-shell.browser.test.ts',
  'test/authorization-matrix.test.ts',
  'test/crash.test.ts',
  'test/fuzz.test.ts',
  'test/fuzz.part2.test.ts',
  'test/sweep-year-pglite.test.ts',
  'test/sweep-half-done-pglite.test.ts',
  'test/sweep-year-postgres.test.ts',
  'test/sweep-half-done-postgres.test.ts',
  'test/cli.test.ts',
  'test/compiled-build.test.ts',
  'src/modules/import/readers/ocr-reader.test.ts',
  'test/parse-pool.test.ts',
  'test/upload-limits.test.ts',
  'test/migrate-cli.test.ts',
  'test/backup.test.ts',
  'test/first-start.test.ts',
  'test/outbox.test.ts',
  'test/statistics.api.test.ts',
];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((spec, order) => ({ spec, order, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ spec }) => spec);
  }
}

/**
 * Three projects, so that a run builds and starts only what its files need (`npm run test:unit`, or
 * `vitest run --project db`):
 * - unit: pure code, no database (src/**, and the few such files of test/); seconds;
 * - db: database, API, CLI, child-process and OCR suites; its global setup migrates one database
 *   template per run (test/support/database-template.ts), builds the server for the suites that
 *   start it as a child process (test/support/server-build.ts) and checks the OCR engine;
 * - browser: the only project whose global setup builds the SPA and checks chromium.
 * In CI (CI=true) a database or browser suite that cannot run fails; it is never skipped.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // one more worker than cores: the API, CLI and browser suites wait on PostgreSQL, child processes and chromium
    maxWorkers: Math.max(2, availableParallelism() + 1),
    sequence: { sequencer: LongestFirstSequencer },
    // a bound on a hang, not on speed (issue #17: no test depends on wall-clock speed): a passing test
    // takes what the machine gives it — under a load of 20 on 2 cores, tests of 30 s alone took 70–110 s
    // and failed at the 60 s this was; a test or hook that never ends still fails, after 10 minutes
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // DONDOC_CPU_LOG=<file>: each database or browser file appends its CPU seconds (children reaped
    // included) and wall seconds to <file> — where the suite's time goes (docs/benchmarks.md, test loop)
    setupFiles: process.env.DONDOC_CPU_LOG ? ['test/support/cpu-log.ts'] : [],
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
          // the files of a worker share one module graph: the app's ~300 modules are evaluated once
          // per worker, not once per file (each file opens its own database and app all the same)
          isolate: false,
          include: ['test/**/*.test.ts', ...SLOW_FILES_IN_SRC],
          exclude: [
            '**/node_modules/**',
            ...UNIT_FILES_IN_TEST,
            ...BROWSER_FILES,
            ...(process.env.TEST_DATABASE_URL || process.env.CI ? [] : POSTGRES_ONLY),
          ],
          // the server build first: it is started in the background, while the templates are made
          globalSetup: [
            'test/support/server-build.ts',
            'test/support/database-template.ts',
            'test/ocr-setup.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // as db: one module graph per worker (each file still starts its own server and chromium)
          isolate: false,
          include: BROWSER_FILES,
          globalSetup: ['test/support/database-template.ts', 'test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
