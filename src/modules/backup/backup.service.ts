import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, type QueryExecutorProvider, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { ArchiveWriter } from './archive.ts';
import { dumpPostgres, listPgliteData } from './database-tools.ts';
import {
  dondocVersion,
  FILES_PREFIX,
  MANIFEST_NAME,
  type Manifest,
  PG_DUMP_MEMBER,
  PGLITE_PREFIX,
} from './manifest.ts';
import { digestTables, type TableDigest } from './table-digests.ts';

/** Where the database lives: what a backup reads and a restore writes. */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface BackupSource {
  db: Kysely<DB>;
  database: DatabaseLocation;
  files: FileStore;
}

/** What the database held at the backup's snapshot. */
interface SnapshotFacts {
  tables: Record<string, TableDigest>;
  hashes: string[];
  migration: string | null;
  serverVersion: string;
}

async function readSnapshotFacts(db: QueryExecutorProvider): Promise<SnapshotFacts> {
  const version = await sql<{ server_version: string }>`show server_version`.execute(db);
  const migrated = await sql<{
    found: string | null;
  }>`select to_regclass('public.kysely_migration')::text as found`.execute(db);
  const migration = migrated.rows[0]?.found
    ? ((await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(db)).rows[0]
        ?.name ?? null)
    : null;
  const stored = await sql<{
    found: string | null;
  }>`select to_regclass('public.stored_file')::text as found`.execute(db);
  const hashes = stored.rows[0]?.found
    ? (
        await sql<{ sha256: string }>`select distinct sha256 from stored_file order by sha256`.execute(db)
      ).rows.map((r) => r.sha256)
    : [];
  return {
    tables: await digestTables(db),
    hashes,
    migration,
    serverVersion: version.rows[0]?.server_version ?? 'unknown',
  };
}

export interface BackupSummary {
  path: string;
  manifest: Manifest;
  archiveBytes: number;
}

/**
 * Sao lưu — one archive with the database, every file a row references, and the manifest, written
 * to `out.partial-…` and renamed when complete (an interrupted backup never looks like a finished one).
 * The database is read in one snapshot while the app keeps writing: PostgreSQL exports the snapshot of
 * a read-only repeatable-read transaction and pg_dump imports it, so the dump, the table digests and
 * the list of files are of the same instant; PGlite is copied holding its only connection, after a
 * CHECKPOINT (writes wait the few seconds it takes). Files are content-addressed and never change, and
 * every row's file was in the store before its row committed, so copying them after the snapshot is
 * consistent; a referenced file absent from the store is listed in the manifest (`files.missing`).
 */
export async function createBackup(
  source: BackupSource,
  out: string,
  /** the backup's instant (manifest, archive members): the caller reads the clock once */
  now: Date,
): Promise<BackupSummary> {
  if (existsSync(out)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tệp ${out} đã có: chọn tên khác (a backup never overwrites a file).`,
    );
  }
  const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
  const writer = new ArchiveWriter(partial, now);
  try {
    const facts =
      source.database.kind === 'postgres'
        ? await snapshotPostgres(source.db, source.database.url, partial, writer)
        : await snapshotPglite(source.db, source.database.dataDir, writer);
    const missing: string[] = [];
    let bytes = 0;
    for (const sha256 of facts.hashes) {
      const opened = await source.files.open(sha256);
      if (!opened) {
        missing.push(sha256);
        continue;
      }
      const member = await writer.add(`${FILES_PREFIX}${sha256}`, opened.size, opened.stream);
      if (member.sha256 !== sha256) {
        throw new AppError(
          'BACKUP_FAILED',
          `Tệp ${sha256} trong kho bị hỏng: nội dung không còn khớp mã SHA-256.`,
          { sha256 },
        );
      }
      bytes += opened.size;
    }
    const manifest: Manifest = {
      format: 'dondoc-backup/1',
      dondocVersion: dondocVersion(),
      createdAt: now.toISOString(),
      database: {
        kind: source.database.kind,
        serverVersion: facts.serverVersion,
        migration: facts.migration,
        tables: facts.tables,
      },
      files: {
        store: source.files.description.split(' ')[0] ?? 'local',
        count: facts.hashes.length - missing.length,
        bytes,
        missing,
      },
      directories: [...writer.directories],
      members: [...writer.members],
    };
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await writer.add(MANIFEST_NAME, text.byteLength, text);
    await writer.finish();
    await rename(partial, out);
    return { path: out, manifest, archiveBytes: (await stat(out)).size };
  } catch (error) {
    writer.abort(error as Error);
    await rm(partial, { force: true });
    throw error;
  }
}

async function snapshotPostgres(
  db: Kysely<DB>,
  url: string,
  partial: string,
  writer: ArchiveWriter,
): Promise<SnapshotFacts> {
  const dumpFile = `${partial}.dump`;
  try {
    const facts = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const exported = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const snapshot = exported.rows[0]?.id;
        if (!snapshot) throw new Error('pg_export_snapshot() returned nothing');
        // pg_dump reads in our snapshot while this transaction stays open
        const [read] = await Promise.all([readSnapshotFacts(trx), dumpPostgres(url, snapshot, dumpFile)]);
        return read;
      });
    const { size } = await stat(dumpFile);
    await writer.add(PG_DUMP_MEMBER, size, createReadStream(dumpFile));
    return facts;
  } finally {
    await rm(dumpFile, { force: true });
  }
}

async function snapshotPglite(
  db: Kysely<DB>,
  dataDir: string,
  writer: ArchiveWriter,
): Promise<SnapshotFacts> {
  // one connection, held: no statement runs until the folder is copied
  return db.connection().execute(async (connection) => {
    const facts = await readSnapshotFacts(connection);
    await sql`checkpoint`.execute(connection);
    for await (const item of listPgliteData(dataDir)) {
      if (item.directory) await writer.addDirectory(`${PGLITE_PREFIX}${item.path}/`);
      else
        await writer.add(
          `${PGLITE_PREFIX}${item.path}`,
          item.size,
          createReadStream(join(dataDir, item.path)),
        );
    }
    return facts;
  });
}
