import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import type { DatabaseTemplate } from './database-template.ts';
import { type BackendName, createScratchDatabase } from './databases.ts';

function providedTemplate(): DatabaseTemplate | undefined {
  try {
    return inject('databaseTemplate');
  } catch {
    return undefined; // outside a vitest worker
  }
}

/**
 * Makes the PGlite data folder `dataDir` from the run's template (test/support/database-template.ts):
 * `empty`, the folder as initdb leaves it (what the product creates on its first open, without the
 * seconds of initdb in each test); `migrated`, the migrated one. Through the product's own
 * openDatabase (its loadDataDir option, the folder's lock and modes). Without a template (outside
 * the db projects' global setup) nothing is made: the product then creates the folder itself.
 */
export async function pgliteFolderFromTemplate(dataDir: string, which: 'empty' | 'migrated'): Promise<void> {
  const template = providedTemplate();
  const file = which === 'empty' ? template?.pgliteEmpty : template?.pglite;
  if (!file || !existsSync(file)) return;
  const database = await openDatabase({
    kind: 'pglite',
    dataDir,
    loadDataDir: new Blob([readFileSync(file)]),
  });
  await database.close();
}

/** A scratch PostgreSQL database, a copy of the run's migrated template when `migrated` (and there is one). */
export function postgresScratch(migrated: boolean): ReturnType<typeof createScratchDatabase> {
  return createScratchDatabase(migrated ? (providedTemplate()?.postgres ?? undefined) : undefined);
}

/**
 * Where a CLI suite runs `dondoc`: a fresh data folder (PGlite: initialised, not migrated, see
 * pgliteFolderFromTemplate) or a scratch PostgreSQL database, given to the CLI through its
 * environment, as a user would. `migrated`: the database already migrated (a copy of the run's template).
 */
export async function cliWorkspace(
  backend: BackendName,
  prefix: string,
  options: { migrated?: boolean } = {},
): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  if (backend === 'postgres') {
    const scratch = await postgresScratch(options.migrated === true);
    return { env: { DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), `dondoc-${prefix}-`));
  await pgliteFolderFromTemplate(join(dir, 'data'), options.migrated ? 'migrated' : 'empty');
  return {
    env: { DONDOC_DATA_DIR: join(dir, 'data') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs one `dondoc` command in-process; returns its exit code and what it printed. */
export async function runCaptured(env: NodeJS.ProcessEnv, argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * `dondoc user add` of the first administrator, `quantri`, with a new authority (`code`, `name`) and its
 * directory from the `reference` list: the command a new install starts with (docs/operations.md).
 */
export function firstAdministrator(
  code: string,
  name: string,
  reference: string,
  ...extra: string[]
): string[] {
  return [
    ...['user', 'add', '--role', 'admin', '--username', 'quantri', '--name', 'Quản trị'],
    ...['--password', 'mat-khau-dai-rat-kho-1', '--authority', code, '--authority-name', name],
    ...['--reference', reference, ...extra],
  ];
}

/** What a command run gives back: its exit code and what it printed to stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The command was refused: exit code 1 and `text` in what it wrote to stderr. */
export function expectRefused(run: Pick<CliRun, 'code' | 'err'>, text: string): void {
  expect(run.code).toBe(1);
  expect(run.err).toContain(text);
}

/** The command succeeded: exit code 0 and `text` in what it printed. */
export function expectPrinted(run: Pick<CliRun, 'code' | 'out'>, text: string): void {
  expect(run.code).toBe(0);
  expect(run.out).toContain(text);
}

/** `dondoc submit`: Sở Tư pháp's result on task I.3 of the seed plan (87/KH-UBND), submitted 19/01/2021. */
export const SUBMIT_STP_I3 = [
  'submit',
  '--plan',
  '87/KH-UBND',
  '--task',
  'I.3',
  '--agency',
  'STP',
  '--on',
  '2021-01-19',
];

/** Runs `fn` on the database of a CLI environment, opened after the CLI has closed it. */
export async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  fn: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(loadConfig(env).database);
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export interface CliSuite {
  /** the workspace's environment (set once the block's beforeAll has run) */
  readonly env: NodeJS.ProcessEnv;
  /** runs `dondoc argv…` in the workspace */
  cli(...argv: string[]): ReturnType<typeof runCaptured>;
  /** the same with more environment variables (SMTP_URL, DONDOC_TOKEN_DAYS …) */
  cliWith(extraEnv: NodeJS.ProcessEnv, ...argv: string[]): ReturnType<typeof runCaptured>;
  /** runs `fn` on the workspace's database once the CLI has closed it */
  withDatabase<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/**
 * A CLI workspace (cliWorkspace) for the describe block that calls this: made before its tests, with
 * the demo loaded when `demo` is set, and removed after them.
 */
export function useCliWorkspace(
  backend: BackendName,
  prefix: string,
  options: { demo?: boolean; migrated?: boolean } = {},
): CliSuite {
  let env: NodeJS.ProcessEnv | undefined;
  let cleanup = async () => {};
  const suite: CliSuite = {
    get env() {
      if (!env) throw new Error('the CLI workspace is not made yet (use it in a test or a hook)');
      return env;
    },
    cli: (...argv) => runCaptured(suite.env, argv),
    cliWith: (extraEnv, ...argv) => runCaptured({ ...suite.env, ...extraEnv }, argv),
    withDatabase: (fn) => withDatabase(suite.env, fn),
  };
  beforeAll(async () => {
    ({ env, cleanup } = await cliWorkspace(backend, prefix, { migrated: options.migrated === true }));
    if (options.demo) expect((await suite.cli('demo')).code).toBe(0);
  });
  afterAll(() => cleanup());
  return suite;
}
