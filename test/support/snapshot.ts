import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import type { TestDatabase } from './databases.ts';

let taken = 0;

const DERIVED_TABLES = new Set(['statistic_fact', 'statistic_delta', 'report_delta']);

export interface Snapshot {
  /** puts every table back to the rows it had when the snapshot was taken */
  restore(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Copies the rows of every table (not the migrations' own) into a side schema, so that a suite can
 * build its world once and return to it before each case instead of building it again: a restore
 * is one truncate and one insert per table, and every sequence set back to where it stood, so a
 * test after a restore sees the ids it would see on a world just built.
 *
 * A restore after a case that wrote nothing (a read, a refused call) is skipped: a statement-level
 * trigger on every table counts writes in a sequence of the side schema (sequences take no locks and
 * ignore rollbacks, so concurrent writers are not serialised and a rolled-back write still counts),
 * and the application's sequences are compared with the snapshot's. Unchanged both → the rows are
 * the snapshot's.
 */
export async function takeSnapshot(db: Kysely<DB>): Promise<Snapshot> {
  taken += 1;
  const SCHEMA = `test_snapshot_${taken}`;
  const tables = await tablesInInsertOrder(db);
  const columns = await insertableColumns(db);
  await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  await sql.raw(`create schema ${SCHEMA}`).execute(db);
  for (const table of tables) {
    await sql.raw(`create table ${SCHEMA}.${table} as select * from public.${table}`).execute(db);
  }
  const { rows: sequences } = await sql<{ name: string; value: string | null }>`
    select sequencename as name, last_value::text as value from pg_sequences
    where schemaname = 'public'`.execute(db);
  const setSequences = sequences.map(({ name, value }) =>
    value === null
      ? `select setval('public.${name}', 1, false)`
      : `select setval('public.${name}', ${value}, true)`,
  );
  await sql.raw(`create sequence ${SCHEMA}.writes`).execute(db);
  await sql
    .raw(
      `create function ${SCHEMA}.count_write() returns trigger language plpgsql as $$ begin perform nextval('${SCHEMA}.writes'); return null; end $$`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(
        `create trigger ${SCHEMA}_writes after insert or update or delete or truncate on public.${table} for each statement execute function ${SCHEMA}.count_write()`,
      )
      .execute(db);
  }
  const writesNow = async (executor: Kysely<DB>) =>
    (
      await sql<{ n: string }>`select last_value::text as n from ${sql.raw(`${SCHEMA}.writes`)}`.execute(
        executor,
      )
    ).rows[0]?.n;
  const sequencesNow = async () =>
    (
      await sql<{ state: string }>`
        select coalesce(string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' order by sequencename), '') as state
        from pg_sequences where schemaname = 'public'`.execute(db)
    ).rows[0]?.state;
  const sequencesTaken = await sequencesNow();
  let writesAtRestore = await writesNow(db);
  const truncate = `truncate table ${tables.map((t) => `public.${t}`).join(', ')} cascade`;
  // the counts kept by triggers (statistic_*, report_delta: migrations 2026-12-08T0600, 2026-12-09T0100) are not copied back: the
  // triggers write them again as the assignments are inserted
  const inserts = tables
    .filter((table) => !DERIVED_TABLES.has(table))
    .map((table) => {
      const list = (columns.get(table) ?? []).map((c) => `"${c}"`).join(', ');
      return `insert into public.${table} (${list}) overriding system value select ${list} from ${SCHEMA}.${table}`;
    });
  return {
    async restore() {
      if ((await writesNow(db)) === writesAtRestore && (await sequencesNow()) === sequencesTaken) return;
      await db.transaction().execute(async (trx) => {
        await sql.raw(truncate).execute(trx);
        for (const statement of [...inserts, ...setSequences]) await sql.raw(statement).execute(trx);
      });
      writesAtRestore = await writesNow(db);
    },
    async drop() {
      await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
    },
  };
}

/**
 * Builds a describe block's rows once (`build`), snapshots them, and puts them back before each of
 * its tests; after the block, `close` (when given) runs and the snapshot is dropped.
 */
export function restoredBeforeEach(
  t: TestDatabase,
  build: () => Promise<void>,
  close?: () => Promise<void>,
): void {
  let snapshot: Snapshot | undefined;
  beforeAll(async () => {
    await build();
    snapshot = await takeSnapshot(t.db);
    t.rowsRestoredBeforeEach?.(true);
  });
  beforeEach(async () => {
    await snapshot?.restore();
  });
  afterAll(async () => {
    t.rowsRestoredBeforeEach?.(false);
    await close?.();
    await snapshot?.drop();
  });
}

/** The application's tables, each after the tables its foreign keys point to. */
async function tablesInInsertOrder(db: Kysely<DB>): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const { rows: edges } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`.execute(db);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const edge of edges) if (edge.child === table) visit(edge.parent, path);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name, new Set());
  return ordered;
}

/** Columns a row can be inserted with (generated columns are computed again). */
async function insertableColumns(db: Kysely<DB>): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const columns = new Map<string, string[]>();
  for (const row of rows) columns.set(row.table, [...(columns.get(row.table) ?? []), row.column]);
  return columns;
}
