import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import type { TestDatabase } from './databases.ts';

let taken = 0;

export interface Snapshot {
  /** puts every table back to the rows it had when the snapshot was taken */
  restore(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Copies the rows of every table (not the migrations' own) into a side schema, so that a suite can
 * build its world once and return to it before each case instead of building it again: a restore
 * puts back the rows of the tables written since (a delete and an insert each) and sets every
 * sequence back to where it stood, so a test after a restore sees the ids it would see on a world
 * just built.
 *
 * Which tables were written: a statement-level trigger on every table counts its writes (insert,
 * update, delete, truncate; the triggers' own writes and cascades included) in a sequence of the side
 * schema, one per table (sequences take no locks and ignore rollbacks, so concurrent writers are not
 * serialised and a rolled-back write still counts). A table whose count and the application's
 * sequences are unchanged holds the snapshot's rows; a case that wrote nothing restores nothing.
 *
 * The restore runs with the triggers off (`session_replication_role = replica`: no trigger, the
 * foreign keys' checks and cascades included): the rows put back are the snapshot's own, the counts
 * the triggers keep (statistic_*, report_delta) as they were, and a table's delete touches no other.
 * Before this (until 2026-12-08) a restore truncated and refilled every table with the triggers on:
 * each assignment inserted upserted its counts again, ≈ 0.2–0.35 CPU-s of PostgreSQL per restore.
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
  // every sequence set back in one statement
  const setSequences = `select ${sequences
    .map(({ name, value }) =>
      value === null ? `setval('public.${name}', 1, false)` : `setval('public.${name}', ${value}, true)`,
    )
    .join(', ')}`;
  // one counter of writes per table, named after it (writes_<table>)
  await sql
    .raw(
      `create function ${SCHEMA}.count_write() returns trigger language plpgsql as $$ begin perform nextval('${SCHEMA}.writes_' || TG_TABLE_NAME); return null; end $$`,
    )
    .execute(db);
  for (const table of tables) {
    // PostgreSQL cuts a name at 63 bytes: a cut counter would not name its table back
    if (Buffer.byteLength(`writes_${table}`) > 63) throw new Error(`snapshot: table name too long: ${table}`);
    await sql.raw(`create sequence ${SCHEMA}.writes_${table}`).execute(db);
    await sql
      .raw(
        `create trigger ${SCHEMA}_writes after insert or update or delete or truncate on public.${table} for each statement execute function ${SCHEMA}.count_write()`,
      )
      .execute(db);
  }
  /** every table's count of writes (null: none yet), in one query */
  const writesNow = async (executor: Kysely<DB>) =>
    new Map(
      (
        await sql<{ name: string; value: string | null }>`
          select sequencename as name, last_value::text as value from pg_sequences
          where schemaname = ${SCHEMA}`.execute(executor)
      ).rows.map(({ name, value }) => [name.slice('writes_'.length), value]),
    );
  const sequencesNow = async () =>
    (
      await sql<{ state: string }>`
        select coalesce(string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' order by sequencename), '') as state
        from pg_sequences where schemaname = 'public'`.execute(db)
    ).rows[0]?.state;
  const sequencesTaken = await sequencesNow();
  let writesAtRestore = await writesNow(db);
  const putBack = (table: string) => {
    const list = (columns.get(table) ?? []).map((c) => `"${c}"`).join(', ');
    return [
      `delete from public.${table}`,
      `insert into public.${table} (${list}) overriding system value select ${list} from ${SCHEMA}.${table}`,
    ];
  };
  return {
    async restore() {
      const writes = await writesNow(db);
      const written = tables.filter((table) => writes.get(table) !== writesAtRestore.get(table));
      if (written.length === 0 && (await sequencesNow()) === sequencesTaken) return;
      await db.transaction().execute(async (trx) => {
        await sql.raw('set local session_replication_role = replica').execute(trx);
        for (const statement of [...written.flatMap(putBack), setSequences])
          await sql.raw(statement).execute(trx);
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
