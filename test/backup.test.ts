import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { DB } from '../src/db/schema.ts';
import { ArchiveWriter, readAll, readArchive } from '../src/modules/backup/archive.ts';
import { createBackup, type DatabaseLocation } from '../src/modules/backup/backup.service.ts';
import { restoreBackup } from '../src/modules/backup/restore.service.ts';
import { type FileStore, sha256Hex } from '../src/modules/files/file-store.ts';
import { createLocalFileStore } from '../src/modules/files/local-file-store.ts';
import { buildApp } from '../src/server/app.ts';
import { multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { expectPrinted, expectRefused, pgliteFolderFromTemplate, postgresScratch } from './support/cli.ts';
import { backendNames, type TestDatabase } from './support/databases.ts';
import { buildWorld, signIn, type World } from './support/http.ts';

/**
 * dondoc backup / restore (issue #15) on each database: a backup taken while results with files are
 * being written restores into a fresh database and store, every table and every file checked; a
 * tampered archive fails --verify; a database or store with data is not overwritten without --force.
 */

/**
 * An empty database of the suite's kind: a scratch PostgreSQL database or a new PGlite folder; with
 * `migrated`, a copy of the run's migrated template instead (a database holding the schema, no rows).
 */
async function emptyLocation(
  backend: 'pglite' | 'postgres',
  cleanups: (() => Promise<void>)[],
  { migrated = false } = {},
) {
  if (backend === 'postgres') {
    const scratch = await postgresScratch(migrated);
    cleanups.push(scratch.drop);
    return { kind: 'postgres', url: scratch.url } as const;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-restore-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  if (migrated) await pgliteFolderFromTemplate(dataDir, 'migrated');
  return { kind: 'pglite', dataDir } as const;
}

function open(location: DatabaseLocation): Promise<Database> {
  return openDatabase(
    location.kind === 'postgres' ? { kind: 'postgres', url: location.url, poolSize: 2 } : location,
  );
}

/** Every table of schema public: row count and the MD5 of its rows in primary-key order (written here, apart from the code under test). */
async function tableContents(db: Kysely<DB>): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ table_name: string; key: string | null }>`
    select t.table_name,
      (select string_agg(quote_ident(k.column_name), ', ' order by k.ordinal_position)
         from information_schema.table_constraints c
         join information_schema.key_column_usage k
           on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema and k.table_name = c.table_name
        where c.table_schema = 'public' and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY') as key
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db);
  const contents: Record<string, { rows: number; md5: string }> = {};
  for (const { table_name: name, key } of tables.rows) {
    const { rows } = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${sql.raw(key ?? 't::text')}), '')) as md5
      from public.${sql.id(name)} as t`.execute(db);
    contents[name] = rows[0] as { rows: number; md5: string };
  }
  return contents;
}

async function rowTexts(db: Kysely<DB>, table: string): Promise<string[]> {
  const { rows } = await sql<{
    row: string;
  }>`select t::text as row from public.${sql.id(table)} as t`.execute(db);
  return rows.map((r) => r.row);
}

/** Every file row of a database downloaded through GET /api/files/:id of an app on that database and store. */
async function downloadEveryFile(db: Kysely<DB>, backend: 'pglite' | 'postgres', files: FileStore) {
  const app = await buildApp({
    db,
    databaseKind: backend,
    files,
    http: { loginAttemptsPerIp: 10_000 },
    web: false,
  });
  try {
    const office = await signIn(app, 'vanphong');
    const stored = await db.selectFrom('stored_file').select(['id', 'sha256']).orderBy('id').execute();
    const answers = [];
    for (const file of stored) {
      const reply = await office.get(`/api/files/${file.id}`);
      answers.push({
        id: file.id,
        status: reply.statusCode,
        sha256: sha256Hex(reply.rawPayload),
        expected: file.sha256,
      });
    }
    return answers;
  } finally {
    await app.close();
  }
}

for (const backend of backendNames()) {
  describe(`backup and restore [${backend}]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    const work = mkdtempSync(join(tmpdir(), 'dondoc-backup-'));
    let source: { location: DatabaseLocation; database: Database; files: FileStore; world: World };

    beforeAll(async () => {
      const location = await emptyLocation(backend, cleanups, { migrated: true });
      const database = await open(location);
      await migrateToLatest(database.db as Kysely<unknown>);
      // PGlite: the files in <DONDOC_DATA_DIR>/files as by default, which the database's copy must leave out
      const files = createLocalFileStore(
        location.kind === 'pglite'
          ? join(location.dataDir, 'files')
          : mkdtempSync(join(tmpdir(), 'dondoc-files-')),
      );
      const handle: TestDatabase = {
        db: database.db,
        backend,
        url: location.kind === 'postgres' ? location.url : undefined,
      };
      const world = await buildWorld(handle, { files });
      source = { location, database, files, world };
    });

    afterAll(async () => {
      await source?.world.app.close();
      await source?.database.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
      rmSync(work, { recursive: true, force: true });
    });

    it('a backup taken while results with files are written restores table by table and file by file', async () => {
      const { world, database } = source;
      const office = await signIn(world.app, 'vanphong');
      const targets = await database.db
        .selectFrom('assignment')
        .select('id')
        .where('authority_id', '=', world.authorityId)
        .where('role', '=', 'lead')
        .where('parent_assignment_id', 'is', null)
        .orderBy('id')
        .limit(12)
        .execute();
      expect(targets).toHaveLength(12);
      let written = 0;
      let reachedFour: () => void = () => {};
      const fourWritten = new Promise<void>((resolve) => {
        reachedFour = resolve;
      });
      const writes = (async () => {
        const statuses: number[] = [];
        for (const [n, { id }] of targets.entries()) {
          const bytes = Buffer.concat([SMALL_PDF, Buffer.from(`% kết quả ${n}\n`)]);
          const reply = await office.request({
            method: 'POST',
            url: `/api/assignments/${id}/results`,
            ...(await multipart({ documentNumber: `${n}/BC` }, [{ name: `ket-qua-${n}.pdf`, bytes }])),
          });
          statuses.push(reply.statusCode);
          written++;
          if (written === 4) reachedFour();
        }
        return statuses;
      })();
      await fourWritten;
      const during = await createBackup(
        { db: database.db, database: source.location, files: source.files },
        join(work, 'during.tar'),
        new Date(),
      );
      expect(await writes).toEqual(targets.map(() => 201));
      const atSnapshot = during.manifest.database.tables.result_submission?.rows ?? 0;
      expect(atSnapshot).toBeGreaterThanOrEqual(4);
      expect(atSnapshot).toBeLessThanOrEqual(12);
      expect(during.manifest.files.count).toBe(atSnapshot);
      expect(during.manifest.files.missing).toEqual([]);

      // into a fresh database and store: what the snapshot held, each row as the source has it
      const target = await emptyLocation(backend, cleanups);
      const targetFiles = createLocalFileStore(mkdtempSync(join(tmpdir(), 'dondoc-files-')));
      const restored = await restoreBackup(
        during.path,
        { database: target, files: targetFiles },
        { force: false },
      );
      expect(restored.files).toBe(atSnapshot);
      const restoredDb = await open(target);
      try {
        const contents = await tableContents(restoredDb.db);
        expect(Object.keys(contents).sort()).toEqual(Object.keys(during.manifest.database.tables).sort());
        for (const [name, table] of Object.entries(during.manifest.database.tables)) {
          expect({ name, rows: contents[name]?.rows }).toEqual({ name, rows: table.rows });
        }
        for (const table of ['result_submission', 'stored_file', 'result_file']) {
          const sourceRows = new Set(await rowTexts(database.db, table));
          const restoredRows = await rowTexts(restoredDb.db, table);
          expect(restoredRows).toHaveLength(atSnapshot);
          expect(restoredRows.filter((row) => !sourceRows.has(row))).toEqual([]);
        }
        const downloads = await downloadEveryFile(restoredDb.db, backend, targetFiles);
        expect(downloads).toHaveLength(atSnapshot);
        for (const d of downloads) expect(d).toEqual({ ...d, status: 200, sha256: d.expected });
      } finally {
        await restoredDb.close();
      }

      // once the writes are over, a backup restores to exactly the source: every table, every file
      const after = await createBackup(
        { db: database.db, database: source.location, files: source.files },
        join(work, 'after.tar'),
        new Date(),
      );
      const target2 = await emptyLocation(backend, cleanups);
      const targetFiles2 = createLocalFileStore(mkdtempSync(join(tmpdir(), 'dondoc-files-')));
      await restoreBackup(after.path, { database: target2, files: targetFiles2 }, { force: false });
      const restored2 = await open(target2);
      try {
        expect(await tableContents(restored2.db)).toEqual(await tableContents(database.db));
        const sourceFiles = await database.db.selectFrom('stored_file').select('sha256').execute();
        expect(sourceFiles).toHaveLength(12);
        for (const { sha256 } of sourceFiles) {
          const copy = await targetFiles2.open(sha256);
          const original = await source.files.open(sha256);
          if (!copy || !original) throw new Error(`file ${sha256} missing`);
          const bytes = async (s: NodeJS.ReadableStream) => {
            const chunks: Buffer[] = [];
            for await (const chunk of s) chunks.push(Buffer.from(chunk as Uint8Array));
            return Buffer.concat(chunks);
          };
          expect(sha256Hex(await bytes(copy.stream))).toBe(sha256Hex(await bytes(original.stream)));
        }
        const downloads = await downloadEveryFile(restored2.db, backend, targetFiles2);
        expect(downloads.map((d) => [d.status, d.sha256 === d.expected])).toEqual(
          sourceFiles.map(() => [200, true]),
        );
      } finally {
        await restored2.close();
      }
    });

    it('dondoc backup --verify finds a changed byte, a cut archive and a member added', async () => {
      const archive = join(work, 'verify.tar');
      await createBackup(
        { db: source.database.db, database: source.location, files: source.files },
        archive,
        new Date(),
      );
      const env = { DONDOC_DATA_DIR: join(work, 'unused-data') };
      const cli = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const intact = await cli('backup', '--verify', archive);
      expectPrinted(intact, 'toàn vẹn');

      // one byte of one uploaded file changed inside the archive
      const bytes = readFileSync(archive);
      const stored = await source.database.db
        .selectFrom('stored_file')
        .select('sha256')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const original = await source.files.open(stored.sha256);
      if (!original) throw new Error('no file');
      const chunks: Buffer[] = [];
      for await (const chunk of original.stream) chunks.push(Buffer.from(chunk as Uint8Array));
      const at = bytes.indexOf(Buffer.concat(chunks));
      expect(at).toBeGreaterThan(0);
      const tampered = Buffer.from(bytes);
      tampered[at + 20] = (tampered[at + 20] ?? 0) ^ 0x01;
      writeFileSync(join(work, 'tampered.tar'), tampered);
      const changed = await cli('backup', '--verify', join(work, 'tampered.tar'));
      expectRefused(changed, '[BACKUP_INVALID]');
      expect(changed.err).toContain(`files/${stored.sha256}: sai mã kiểm tra SHA-256`);

      writeFileSync(join(work, 'cut.tar'), bytes.subarray(0, Math.floor(bytes.length / 2)));
      const cut = await cli('backup', '--verify', join(work, 'cut.tar'));
      expectRefused(cut, '[BACKUP_INVALID]');

      // a member the manifest does not list, slipped in before the manifest
      const padded = new ArchiveWriter(join(work, 'added.tar'), new Date());
      for await (const entry of readArchive(archive)) {
        if (entry.type === 'directory') await padded.addDirectory(entry.name);
        else {
          const content = await readAll(entry.stream);
          if (entry.name === 'manifest.json') {
            const extra = Buffer.from('tệp lạ');
            await padded.add(`files/${sha256Hex(extra)}`, extra.byteLength, extra);
          }
          await padded.add(entry.name, content.byteLength, content);
        }
      }
      await padded.finish();
      const added = await cli('backup', '--verify', join(work, 'added.tar'));
      expectRefused(added, `files/${sha256Hex(Buffer.from('tệp lạ'))}: không có trong manifest`);

      // a restore checks first, and changes nothing when the archive is bad
      const target = await emptyLocation(backend, cleanups);
      const targetFiles = createLocalFileStore(mkdtempSync(join(tmpdir(), 'dondoc-files-')));
      await expect(
        restoreBackup(join(work, 'tampered.tar'), { database: target, files: targetFiles }, { force: true }),
      ).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      const untouched: string[] = [];
      for await (const file of targetFiles.list()) untouched.push(file.sha256);
      expect(untouched).toEqual([]);
    });

    it('dondoc restore refuses a database or store holding data unless --force, then replaces it', async () => {
      const archive = join(work, 'force.tar');
      const backup = await createBackup(
        { db: source.database.db, database: source.location, files: source.files },
        archive,
        new Date(),
      );
      // a target that already holds another authority's data
      const target = await emptyLocation(backend, cleanups, { migrated: true });
      const filesDir = mkdtempSync(join(tmpdir(), 'dondoc-files-'));
      const other = await open(target);
      await migrateToLatest(other.db as Kysely<unknown>);
      await sql`insert into authority (code, name, place) values ('UBND-X', 'Ủy ban khác', 'Nơi khác')`.execute(
        other.db,
      );
      const before = await tableContents(other.db);
      await other.close();
      const env =
        target.kind === 'postgres'
          ? { DATABASE_URL: target.url, DONDOC_FILES_DIR: filesDir }
          : { DONDOC_DATA_DIR: target.dataDir, DONDOC_FILES_DIR: filesDir };
      const cli = async (...argv: string[]) => {
        const err: string[] = [];
        const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t), env });
        return { code, err: err.join('\n') };
      };
      const refused = await cli('restore', archive);
      expectRefused(refused, '[RESTORE_TARGET_NOT_EMPTY]');
      expect(refused.err).toContain('authority');
      const still = await open(target);
      expect(await tableContents(still.db)).toEqual(before);
      await still.close();

      const forced = await cli('restore', archive, '--force');
      expect(forced).toEqual({ code: 0, err: '' });
      const replaced = await open(target);
      try {
        const contents = await tableContents(replaced.db);
        expect(contents.authority?.rows).toBe(backup.manifest.database.tables.authority?.rows);
        const codes = await replaced.db.selectFrom('authority').select('code').orderBy('code').execute();
        expect(codes.map((c) => c.code)).toEqual(['UBND-BD', 'UBND-TN']);
        const downloads = await downloadEveryFile(replaced.db, backend, createLocalFileStore(filesDir));
        expect(downloads.length).toBe(backup.manifest.files.count);
        expect(downloads.every((d) => d.status === 200 && d.sha256 === d.expected)).toBe(true);
      } finally {
        await replaced.close();
      }
      // and a store holding files is refused too, even with an empty database
      const emptyTarget = await emptyLocation(backend, cleanups);
      const refusedStore = await runCli(['restore', archive], {
        out: () => {},
        err: () => {},
        env:
          emptyTarget.kind === 'postgres'
            ? { DATABASE_URL: emptyTarget.url, DONDOC_FILES_DIR: filesDir }
            : { DONDOC_DATA_DIR: emptyTarget.dataDir, DONDOC_FILES_DIR: filesDir },
      });
      expect(refusedStore).toBe(1);
    });
  });
}
