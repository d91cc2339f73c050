/**
 * Backup and restore time for the scale data set (issue #15; docs/benchmarks.md "Backup and restore"):
 * the 100k authority of bench/scale/generate.ts (seed 9) plus `--files` uploaded result files
 * (PDF-like, 20–200 KB, deterministic), on PGlite (on disk) and/or PostgreSQL; then `createBackup`,
 * `verifyBackup` and `restoreBackup` into an empty database and store, each timed.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --import tsx bench/backup.ts --scale 100k --files 1000 --engines pglite,postgres
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createBackup, type DatabaseLocation } from '../src/modules/backup/backup.service.ts';
import { verifyBackup } from '../src/modules/backup/manifest.ts';
import { restoreBackup } from '../src/modules/backup/restore.service.ts';
import { createLocalFileStore } from '../src/modules/files/local-file-store.ts';
import { prng } from './generate.ts';
import { generateScaleData } from './scale/generate.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    files: { type: 'string', default: '1000' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const SCALES: Record<string, number> = { '10k': 10_000, '100k': 100_000 };
const assignments = SCALES[values.scale] ?? Number(values.scale);
const fileCount = Number(values.files);
const pgBase = process.env.TEST_DATABASE_URL;

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!pgBase) throw new Error('TEST_DATABASE_URL is needed for the postgres engine');
  const name = `dondoc_bench_backup_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: pgBase });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

async function attachFiles(db: Kysely<unknown>, dir: string): Promise<number> {
  const store = createLocalFileStore(dir);
  const random = prng(15);
  const results = await sql<{ id: number; authority_id: number }>`
    select id, authority_id from result_submission order by id limit ${fileCount}`.execute(db);
  let bytes = 0;
  for (const [n, result] of results.rows.entries()) {
    const size = 20_000 + Math.floor(random() * 180_000);
    const body = randomBytes(size); // incompressible, like a scanned PDF
    const bytesOf = Buffer.concat([Buffer.from(`%PDF-1.4\n% bench ${n}\n`), body]);
    const { sha256 } = await store.put(bytesOf);
    bytes += bytesOf.byteLength;
    const [file] = (
      await sql<{ id: number }>`
        insert into stored_file (authority_id, sha256, size_bytes, media_type, file_name)
        values (${result.authority_id}, ${sha256}, ${bytesOf.byteLength}, 'application/pdf', ${`bao-cao-${n}.pdf`})
        returning id`.execute(db)
    ).rows;
    await sql`insert into result_file (authority_id, result_id, file_id) values (${result.authority_id}, ${result.id}, ${file?.id})`.execute(
      db,
    );
  }
  return bytes;
}

for (const engine of values.engines.split(',')) {
  const work = mkdtempSync(join(tmpdir(), 'dondoc-bench-backup-'));
  const drops: (() => Promise<void>)[] = [];
  try {
    const location = async (): Promise<DatabaseLocation> => {
      if (engine === 'postgres') {
        const scratch = await scratchDatabase();
        drops.push(scratch.drop);
        return { kind: 'postgres', url: scratch.url };
      }
      return { kind: 'pglite', dataDir: mkdtempSync(join(work, 'pglite-')) };
    };
    const source = await location();
    const filesDir = source.kind === 'pglite' ? join(source.dataDir, 'files') : join(work, 'files');
    const database = await openDatabase(
      source.kind === 'postgres' ? { kind: 'postgres', url: source.url } : source,
    );
    await migrateToLatest(database.db as Kysely<unknown>);
    let t = performance.now();
    const data = await generateScaleData(database.db, { seed: 9, assignments });
    const generated = seconds(t);
    t = performance.now();
    const fileBytes = await attachFiles(database.db as Kysely<unknown>, filesDir);
    const filed = seconds(t);
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    t = performance.now();
    const backup = await createBackup(
      { db: database.db, database: source, files: createLocalFileStore(filesDir) },
      join(work, 'backup.tar'),
      new Date(),
    );
    const backupSeconds = seconds(t);
    await database.close();
    t = performance.now();
    await verifyBackup(backup.path);
    const verifySeconds = seconds(t);
    const target = await location();
    t = performance.now();
    const restored = await restoreBackup(
      backup.path,
      { database: target, files: createLocalFileStore(join(work, 'restored-files')) },
      { force: false },
    );
    const restoreSeconds = seconds(t);
    const databaseMember = backup.manifest.members
      .filter((m) => m.name.startsWith('database/'))
      .reduce((sum, m) => sum + m.size, 0);
    console.log(
      JSON.stringify({
        engine,
        at: new Date().toISOString(),
        machine: `${cpus().length} cores, load ${load}`,
        data: { ...data, timings: undefined, generatedSeconds: generated },
        files: { count: fileCount, mb: mb(fileBytes), attachSeconds: filed },
        rows: restored.rows,
        tables: restored.tables,
        archiveMb: mb(backup.archiveBytes),
        databaseMb: mb(databaseMember),
        backupSeconds,
        verifySeconds,
        restoreSeconds,
      }),
    );
  } finally {
    for (const drop of drops) await drop();
    rmSync(work, { recursive: true, force: true });
  }
}
