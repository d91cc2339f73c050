import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type QueryExecutorProvider, sql } from 'kysely';
import { type Database, openDatabase } from '../../db/database.ts';
import { lockDataDir } from '../../db/lock.ts';
import { knownMigrationNames } from '../../db/migrate.ts';
import { AppError } from '../../shared/errors.ts';
import { type FileStore, sha256Hex } from '../files/file-store.ts';
import { readAll, readArchive } from './archive.ts';
import type { DatabaseLocation } from './backup.service.ts';
import { hasPgliteDatabase, removePgliteData, restorePostgres } from './database-tools.ts';
import { FILES_PREFIX, type Manifest, PG_DUMP_MEMBER, PGLITE_PREFIX, verifyBackup } from './manifest.ts';
import { differingTables, digestTables } from './table-digests.ts';

export interface RestoreSummary {
  manifest: Manifest;
  tables: number;
  rows: number;
  files: number;
}

const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The tables of schema public that hold at least one row (the migrator's own do not count). */
async function tablesWithRows(db: QueryExecutorProvider): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by c.relname`.execute(db);
  const filled: string[] = [];
  for (const { name } of tables.rows) {
    if (MIGRATOR_TABLES.has(name)) continue;
    const any = await sql<{
      found: boolean;
    }>`select exists (select 1 from public.${sql.id(name)}) as found`.execute(db);
    if (any.rows[0]?.found) filled.push(name);
  }
  return filled;
}

function openLocation(location: DatabaseLocation): Promise<Database> {
  return openDatabase(
    location.kind === 'postgres'
      ? { kind: 'postgres', url: location.url, poolSize: 1 }
      : { kind: 'pglite', dataDir: location.dataDir },
  );
}

async function withDatabase<T>(
  location: DatabaseLocation,
  run: (db: QueryExecutorProvider) => Promise<T>,
): Promise<T> {
  const database = await openLocation(location);
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Khôi phục — the archive is verified whole first; then the target must be empty (no table with a row,
 * no file in the store) unless `force`, and of the backup's kind. The database is replaced (PostgreSQL:
 * schema public dropped and pg_restore in one transaction; PGlite: its folder replaced, the files
 * folder and anything else beside it kept), the files are put into the store (each checked against
 * its hash), and the restored tables must show the manifest's counts and digests.
 */
export async function restoreBackup(
  archive: string,
  target: { database: DatabaseLocation; files: FileStore },
  options: { force: boolean },
): Promise<RestoreSummary> {
  const { manifest } = await verifyBackup(archive);
  const from = manifest.database.kind;
  if (from !== target.database.kind) {
    throw new AppError(
      'BACKUP_INCOMPATIBLE',
      `Bản sao lưu của ${from === 'pglite' ? 'PGlite (cơ sở dữ liệu nhúng)' : 'PostgreSQL'} không khôi phục được vào ` +
        `${target.database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: chưa hỗ trợ khôi phục khác loại ` +
        `(cross-kind restore is not supported; restore into the same kind, then move the data).`,
      { from, to: target.database.kind },
    );
  }
  const migration = manifest.database.migration;
  if (migration && !knownMigrationNames().includes(migration)) {
    throw new AppError(
      'BACKUP_INCOMPATIBLE',
      `Bản sao lưu được tạo bởi dondoc mới hơn (migration ${migration}): hãy cập nhật dondoc ${manifest.dondocVersion} trước khi khôi phục.`,
      { migration },
    );
  }
  const filled =
    target.database.kind === 'pglite' && !hasPgliteDatabase(target.database.dataDir)
      ? []
      : await withDatabase(target.database, tablesWithRows);
  let storeHasFiles = false;
  for await (const _ of target.files.list()) {
    storeHasFiles = true;
    break;
  }
  if ((filled.length > 0 || storeHasFiles) && !options.force) {
    const where = [
      filled.length > 0
        ? `cơ sở dữ liệu có dữ liệu (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''})`
        : '',
      storeHasFiles ? `kho tệp ${target.files.description} có tệp` : '',
    ].filter(Boolean);
    throw new AppError(
      'RESTORE_TARGET_NOT_EMPTY',
      `Không khôi phục vào nơi đã có dữ liệu: ${where.join('; ')}. Dùng --force để xóa và thay thế (take a backup of it first).`,
      { tables: filled, storeHasFiles },
    );
  }

  let files = 0;
  if (target.database.kind === 'postgres') {
    const { url } = target.database;
    await withDatabase(target.database, async (db) => {
      await sql`drop schema if exists public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    });
    for await (const entry of readArchive(archive)) {
      if (entry.name === PG_DUMP_MEMBER) await restorePostgres(url, entry.stream);
      else if (entry.name.startsWith(FILES_PREFIX))
        files += await putFile(target.files, entry.name, await readAll(entry.stream));
    }
  } else {
    const { dataDir } = target.database;
    await mkdir(dataDir, { recursive: true });
    const unlock = lockDataDir(dataDir);
    try {
      await removePgliteData(dataDir);
      for await (const entry of readArchive(archive)) {
        if (entry.name.startsWith(PGLITE_PREFIX)) {
          const path = insideFolder(dataDir, entry.name.slice(PGLITE_PREFIX.length));
          if (entry.type === 'directory') await mkdir(path, { recursive: true, mode: 0o700 });
          else await pipeline(entry.stream, createWriteStream(path, { mode: 0o600 }));
        } else if (entry.name.startsWith(FILES_PREFIX)) {
          files += await putFile(target.files, entry.name, await readAll(entry.stream));
        }
      }
    } finally {
      unlock();
    }
  }

  const restored = await withDatabase(target.database, async (db) => ({
    digests: await digestTables(db),
    hashes: (await sql<{ sha256: string }>`select distinct sha256 from stored_file`.execute(db)).rows.map(
      (r) => r.sha256,
    ),
  }));
  const differing = differingTables(manifest.database.tables, restored.digests);
  if (differing.length > 0) {
    throw new AppError(
      'BACKUP_FAILED',
      `Dữ liệu sau khôi phục khác bản sao lưu ở bảng: ${differing.join(', ')}.`,
      {
        tables: differing,
      },
    );
  }
  const absent: string[] = [];
  for (const sha256 of restored.hashes) if (!(await target.files.exists(sha256))) absent.push(sha256);
  if (absent.length > manifest.files.missing.length) {
    throw new AppError(
      'BACKUP_FAILED',
      `${absent.length} tệp được tham chiếu không có trong kho sau khôi phục.`,
      { absent },
    );
  }
  const tables = Object.values(manifest.database.tables);
  return { manifest, tables: tables.length, rows: tables.reduce((sum, t) => sum + t.rows, 0), files };
}

async function putFile(store: FileStore, name: string, bytes: Buffer): Promise<number> {
  const expected = name.slice(FILES_PREFIX.length);
  if (sha256Hex(bytes) !== expected)
    throw new AppError('BACKUP_INVALID', `${name}: nội dung không khớp tên.`);
  await store.put(bytes);
  return 1;
}

/** A member's path inside the target folder, never outside it (`..` in a crafted archive). */
function insideFolder(folder: string, relative: string): string {
  const path = normalize(join(folder, relative));
  if (!path.startsWith(normalize(folder) + sep) && path !== normalize(folder)) {
    throw new AppError('BACKUP_INVALID', `Đường dẫn không hợp lệ trong bản sao lưu: ${relative}`);
  }
  return path;
}
