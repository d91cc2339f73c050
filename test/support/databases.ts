import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import type { DatabaseTemplate } from './database-template.ts';

/**
 * The databases a suite runs on: the embedded PGlite always, and a real PostgreSQL server when
 * TEST_DATABASE_URL is set (each suite creates and drops its own database there). In CI the
 * PostgreSQL suites are mandatory: without TEST_DATABASE_URL the run fails.
 *
 * Which suites run on both (docs/ARCHITECTURE.md, "Tests"): the two are the same SQL engine
 * (PostgreSQL 15 server, PostgreSQL 17 in WASM) behind different drivers, so a suite runs on both
 * when its subject is the database itself — migrations, triggers, the SQL of states, counts and
 * folds, transactions and locks (the PGlite mutex against the server's pool), crash recovery, backups,
 * first start, the seed figures and the import, sweep and outbox paths end to end. Every other suite
 * (HTTP contracts, access rules, CLI arguments, input fuzzing) runs once, on the fastest database:
 * PostgreSQL when TEST_DATABASE_URL is set, else PGlite — so a machine without PostgreSQL still runs
 * every suite on PGlite.
 */
export type BackendName = 'pglite' | 'postgres';

// statistic_*, report_delta: the counts the triggers keep (migrations 2026-12-08T0600, 2026-12-09T0100);
// a truncate fires no trigger
const TABLES = [
  'report_delta',
  'statistic_delta',
  'statistic_fact',
  'audit_log',
  'index_link',
  'index_owner',
  'index_target',
  'index_component_score',
  'index_result',
  'plan_source',
  'obstacle',
  'result_file',
  'stored_file',
  'api_token',
  'user_session',
  'oidc_login',
  'login_throttle',
  'rate_limit_hit',
  'app_user',
  'written_reminder',
  'extension_request',
  'result_submission',
  'assignment',
  'task',
  'plan_section',
  'plan',
  'agency_group_member',
  'agency_group',
  'agency_successor',
  'agency',
  'authority',
];

export function backendNames(): BackendName[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) {
    throw new Error(
      'CI: TEST_DATABASE_URL is not set, so the PostgreSQL suite would be skipped — failing instead.',
    );
  }
  return ['pglite'];
}

export interface TestDatabase {
  readonly db: Kysely<DB>;
  readonly backend: BackendName;
  /** the connection string of this suite's own PostgreSQL database (postgres backend only) */
  readonly url: string | undefined;
  /**
   * While a block restores its own rows before each test (useSeedWorld), the suite's emptying of
   * every table before each test is left out: it would only be undone by the restore.
   */
  rowsRestoredBeforeEach?(restored: boolean): void;
}

/** `describe` once per backend; the database is migrated once and emptied before each test. */
export function describeEachDatabase(name: string, suite: (t: TestDatabase) => void): void {
  describeOn(backendNames(), name, suite);
}

/**
 * For suites whose subject does not depend on the database engine (routes, access rules, CLI
 * arguments, input fuzzing): once, on PostgreSQL when TEST_DATABASE_URL is set, else on PGlite.
 */
export function describeOnFastestDatabase(name: string, suite: (t: TestDatabase) => void): void {
  describeOn(fastestBackendNames(), name, suite);
}

/**
 * `describe` on one backend only, for a long suite split into a file per backend so that the two run
 * in parallel (test/sweep-year-pglite.test.ts and test/sweep-year-postgres.test.ts, say). A PostgreSQL
 * file is listed in vitest.config.ts's POSTGRES_ONLY, left out of a run without TEST_DATABASE_URL
 * outside CI; in CI without it the suite fails, as describeEachDatabase's does.
 */
export function describeOnDatabase(
  backend: BackendName,
  name: string,
  suite: (t: TestDatabase) => void,
): void {
  if (!backendNames().includes(backend)) {
    throw new Error(`${name}: the ${backend} suite needs TEST_DATABASE_URL (a PostgreSQL server).`);
  }
  describeOn([backend], name, suite);
}

/** The one backend of such suites, for those that loop themselves (`for (const backend of …)`). */
export function fastestBackendNames(): BackendName[] {
  const names = backendNames();
  return [names.includes('postgres') ? 'postgres' : 'pglite'];
}

function describeOn(backends: BackendName[], name: string, suite: (t: TestDatabase) => void): void {
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let database: Database | undefined;
      let dropDatabase: (() => Promise<void>) | undefined;
      let url: string | undefined;
      let restoredBySnapshot = false;
      const handle: TestDatabase = {
        get db() {
          if (!database) throw new Error('test database not open yet');
          return database.db;
        },
        backend,
        get url() {
          return url;
        },
        rowsRestoredBeforeEach(restored) {
          restoredBySnapshot = restored;
        },
      };
      beforeAll(async () => {
        const opened = await openTestDatabase(backend, { poolSize: 4 });
        database = opened.database;
        url = opened.url;
        dropDatabase = opened.drop;
      });
      beforeEach(async () => {
        if (database && !restoredBySnapshot) await truncateAll(database.db);
      });
      afterAll(async () => {
        await database?.close();
        await dropDatabase?.();
      });
      suite(handle);
    });
  }
}

/**
 * A migrated database of its own for one test file: a copy of the run's template (the global setup
 * test/support/database-template.ts) — PGlite loaded from the template's data folder, PostgreSQL
 * created from the template database; without a template (a project without that setup), a new
 * database migrated here. `drop` removes a PostgreSQL database after `database.close()`.
 */
export async function openTestDatabase(
  backend: BackendName,
  options: { poolSize?: number } = {},
): Promise<{ database: Database; url: string | undefined; drop: () => Promise<void> }> {
  const template = providedTemplate();
  if (backend === 'postgres') {
    const scratch = await createScratchDatabase(template?.postgres ?? undefined);
    const database = await openDatabase({
      kind: 'postgres',
      url: scratch.url,
      poolSize: options.poolSize ?? 4,
    });
    if (!template?.postgres) await migrateToLatest(database.db as Kysely<unknown>);
    return { database, url: scratch.url, drop: scratch.drop };
  }
  if (template && existsSync(template.pglite)) {
    const loadDataDir = new Blob([readFileSync(template.pglite)]);
    return {
      database: await openDatabase({ kind: 'pglite', loadDataDir }),
      url: undefined,
      drop: async () => {},
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db as Kysely<unknown>);
  return { database, url: undefined, drop: async () => {} };
}

function providedTemplate(): DatabaseTemplate | undefined {
  try {
    return inject('databaseTemplate');
  } catch {
    return undefined; // outside a vitest worker
  }
}

export async function truncateAll(db: Kysely<DB>): Promise<void> {
  await sql.raw(`truncate table ${TABLES.join(', ')} restart identity cascade`).execute(db);
}

/** A fresh database on the TEST_DATABASE_URL server (a copy of `template` when given), dropped by `drop()`. */
export async function createScratchDatabase(
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `dondoc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  // a test database need not wait for each commit's WAL flush (fdatasync: ≈ 3–15 ms on this machine's
  // disk, thousands of commits per file). A commit is still atomic and visible at once, and the server
  // keeps it across any client's crash (the kill -9 suites kill the app, not PostgreSQL); only a crash
  // of the server's machine could lose the last few hundred milliseconds — of a database dropped after
  // the file anyway. Set per database, so the server's own setting is untouched.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
