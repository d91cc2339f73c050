import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { type BackupSummary, createBackup, type DatabaseLocation } from '../modules/backup/backup.service.ts';
import { verifyBackup } from '../modules/backup/manifest.ts';
import { restoreBackup } from '../modules/backup/restore.service.ts';
import { openFileStore } from '../modules/files/open-file-store.ts';
import { isAppError } from '../shared/errors.ts';
import type { Flags, Print } from './commands.ts';

/**
 * `dondoc backup --out FILE [--verify]`, `dondoc backup --verify FILE`, `dondoc restore FILE [--force]`
 * (issue #15, docs/operations.md). They open the database themselves and never migrate it: a backup
 * reads the database as it is, a restore needs it empty.
 */
export async function runBackupCommand(
  name: 'backup' | 'restore',
  flags: Flags,
  positionals: string[],
  io: { out: Print; err: Print; env: NodeJS.ProcessEnv },
): Promise<number> {
  try {
    const config = loadConfig(io.env);
    const location: DatabaseLocation =
      config.database.kind === 'postgres'
        ? { kind: 'postgres', url: config.database.url }
        : { kind: 'pglite', dataDir: config.database.dataDir ?? './data' };
    const json = flags.json === true;
    const [file] = positionals;
    if (name === 'backup' && typeof flags.out !== 'string') {
      if (flags.verify !== true || !file) {
        io.err('Cách dùng: dondoc backup --out TỆP [--verify] | dondoc backup --verify TỆP');
        return 2;
      }
      const started = performance.now();
      const { manifest, bytes } = await verifyBackup(file);
      const seconds = (performance.now() - started) / 1000;
      if (json) io.out(JSON.stringify({ ok: true, manifest, seconds }, null, 2));
      else {
        io.out(
          `Bản sao lưu ${file} toàn vẹn: ${manifest.members.length} thành phần, ${mb(bytes)} đã kiểm tra SHA-256 (${seconds.toFixed(1)} s).`,
        );
        io.out(describe(manifest));
      }
      return 0;
    }
    const files = await openFileStore(config.files);
    try {
      if (name === 'backup') {
        const database = await openDatabase(config.database);
        let summary: BackupSummary;
        const started = performance.now();
        try {
          summary = await createBackup(
            { db: database.db, database: location, files },
            flags.out as string,
            new Date(),
          );
        } finally {
          await database.close();
        }
        if (flags.verify === true) await verifyBackup(summary.path);
        const seconds = (performance.now() - started) / 1000;
        const { manifest } = summary;
        if (json)
          io.out(
            JSON.stringify(
              { path: summary.path, archiveBytes: summary.archiveBytes, seconds, manifest },
              null,
              2,
            ),
          );
        else {
          io.out(
            `Đã sao lưu vào ${summary.path} (${mb(summary.archiveBytes)}, ${seconds.toFixed(1)} s${flags.verify === true ? ', đã kiểm tra' : ''}).`,
          );
          io.out(describe(manifest));
        }
        if (manifest.files.missing.length > 0) {
          io.err(
            `CẢNH BÁO: ${manifest.files.missing.length} tệp được tham chiếu nhưng không có trong kho ${files.description} ` +
              `(liệt kê trong manifest.json, files.missing): bản sao lưu thiếu các tệp này.`,
          );
          return 1;
        }
        return 0;
      }
      if (!file) {
        io.err('Cách dùng: dondoc restore TỆP [--force]');
        return 2;
      }
      const started = performance.now();
      const restored = await restoreBackup(
        file,
        { database: location, files },
        { force: flags.force === true },
      );
      const seconds = (performance.now() - started) / 1000;
      if (json) io.out(JSON.stringify({ ...restored, seconds }, null, 2));
      else {
        io.out(
          `Đã khôi phục ${file} (${seconds.toFixed(1)} s): ${restored.tables} bảng, ${restored.rows} dòng khớp mã kiểm tra; ` +
            `${restored.files} tệp vào kho ${files.description}.`,
        );
      }
      return 0;
    } finally {
      files.close();
    }
  } catch (error) {
    if (isAppError(error)) {
      io.err(`Lỗi [${error.code}]: ${error.message}`);
      const problems = error.details?.problems as unknown[] | undefined;
      for (const p of problems ?? []) io.err(`  - ${String(p)}`);
    } else {
      io.err(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 1;
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describe(manifest: Awaited<ReturnType<typeof verifyBackup>>['manifest']): string {
  const tables = Object.values(manifest.database.tables);
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  return (
    `  dondoc ${manifest.dondocVersion}, ${manifest.database.kind} ${manifest.database.serverVersion}, ` +
    `migration ${manifest.database.migration ?? '—'}, tạo lúc ${manifest.createdAt}\n` +
    `  ${tables.length} bảng, ${rows} dòng; ${manifest.files.count} tệp (${mb(manifest.files.bytes)})`
  );
}
