import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPGlite, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { PGliteDialect } from '../../src/db/pglite-dialect.ts';

/** What the global setup hands the test files (read with `inject('databaseTemplate')`). */
export interface DatabaseTemplate {
  /** a file holding a migrated PGlite data folder (dumpDataDir), for PGlite's loadDataDir */
  pglite: string;
  /**
   * a file holding a PGlite data folder just initialised (initdb, no migration: what a first start
   * finds after creating its folder), for the suites about a fresh database
   */
  pgliteEmpty: string;
  /** a migrated database on the TEST_DATABASE_URL server, copied with `create database … template …` */
  postgres: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

/**
 * Global setup of the projects that open databases: migrates one PGlite and, when TEST_DATABASE_URL
 * is set, one PostgreSQL database, once per run. Each test file then starts from a copy (see
 * openTestDatabase in databases.ts) instead of creating and migrating its own: PGlite's initdb and
 * the migrations cost 6–20 s per file on a loaded 2-core machine, loading the copy about one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'dondoc-template-'));
  const pglite = join(folder, 'pglite.tar');
  const pgliteEmpty = join(folder, 'pglite-empty.tar');
  const instance = await createPGlite();
  const empty = await instance.dumpDataDir('none');
  writeFileSync(pgliteEmpty, new Uint8Array(await empty.arrayBuffer()));
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(instance) });
  await migrateToLatest(db);
  const dump = await instance.dumpDataDir('none');
  writeFileSync(pglite, new Uint8Array(await dump.arrayBuffer()));
  await db.destroy();
  await instance.close();

  const postgres = process.env.TEST_DATABASE_URL
    ? await createPostgresTemplate(process.env.TEST_DATABASE_URL)
    : null;
  project.provide('databaseTemplate', { pglite, pgliteEmpty, postgres: postgres?.name ?? null });
  return async () => {
    rmSync(folder, { recursive: true, force: true });
    await postgres?.drop();
  };
}

async function createPostgresTemplate(base: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `dondoc_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  try {
    await migrateToLatest(database.db as Kysely<unknown>);
  } finally {
    // a template must have no open connection while it is copied
    await database.close();
  }
  return { name, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
