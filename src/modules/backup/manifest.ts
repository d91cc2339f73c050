import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { type ArchiveMember, hashStream, readAll, readArchive } from './archive.ts';

/**
 * A dondoc backup is one tar file: the database (`database/postgres.dump`, or the PGlite folder under
 * `database/pglite/`), every stored file (`files/<sha256>`), and last `manifest.json`: versions, the
 * newest migration, row counts and digests per table, and the SHA-256 of every other member.
 */
export const MANIFEST_NAME = 'manifest.json';
export const PG_DUMP_MEMBER = 'database/postgres.dump';
export const PGLITE_PREFIX = 'database/pglite/';
export const FILES_PREFIX = 'files/';

const TableDigestSchema = z.object({ rows: z.number().int().min(0), digest: z.string() });

export const ManifestSchema = z.object({
  format: z.literal('dondoc-backup/1'),
  dondocVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    serverVersion: z.string(),
    /** the newest migration the database had (null: never migrated) */
    migration: z.string().nullable(),
    tables: z.record(z.string(), TableDigestSchema),
  }),
  files: z.object({
    store: z.string(),
    count: z.number().int().min(0),
    bytes: z.number().int().min(0),
    /** referenced by a row but absent from the store when the backup was taken */
    missing: z.array(z.string()),
  }),
  directories: z.array(z.string()),
  members: z.array(
    z.object({ name: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** dondoc's version, from its package.json (found upwards from this file, in src/ or dist/). */
export function dondocVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 6; level++) {
    try {
      const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'dondoc' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
    folder = dirname(folder);
  }
  return 'unknown';
}

function invalid(message: string, problems: string[] = []): AppError {
  return new AppError('BACKUP_INVALID', message, problems.length > 0 ? { problems } : undefined);
}

/**
 * Kiểm tra bản sao lưu — reads the whole archive and checks every member against the manifest (SHA-256
 * and size), that nothing is missing or added, that every file's name is its content's hash, and that
 * the database is there. Returns the manifest; throws BACKUP_INVALID with the list of problems.
 */
export async function verifyBackup(path: string): Promise<{ manifest: Manifest; bytes: number }> {
  const seen = new Map<string, ArchiveMember>();
  const directories: string[] = [];
  const problems: string[] = [];
  let manifestBytes: Buffer | null = null;
  let bytes = 0;
  try {
    for await (const entry of readArchive(path)) {
      if (manifestBytes) problems.push(`${entry.name}: sau manifest.json (after the manifest)`);
      if (entry.type === 'directory') {
        directories.push(entry.name);
      } else if (entry.type !== 'file') {
        problems.push(`${entry.name}: loại thành phần không hợp lệ (${entry.type})`);
      } else if (entry.name === MANIFEST_NAME) {
        manifestBytes = await readAll(entry.stream);
      } else {
        const { sha256, size } = await hashStream(entry.stream);
        seen.set(entry.name, { name: entry.name, sha256, size });
        bytes += size;
      }
    }
  } catch (error) {
    throw invalid(
      `Không đọc được tệp sao lưu ${path}: ${(error as Error).message} (truncated or not a tar archive).`,
    );
  }
  if (!manifestBytes) {
    throw invalid(`Tệp ${path} không có manifest.json: bị cắt ngắn hoặc không phải bản sao lưu dondoc.`);
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch (error) {
    throw invalid(`manifest.json của ${path} không hợp lệ: ${(error as Error).message}`);
  }
  const listed = new Set(manifest.members.map((m) => m.name));
  for (const member of manifest.members) {
    const found = seen.get(member.name);
    if (!found) problems.push(`${member.name}: thiếu (missing)`);
    else if (found.sha256 !== member.sha256 || found.size !== member.size) {
      problems.push(`${member.name}: sai mã kiểm tra SHA-256 (checksum mismatch)`);
    }
  }
  for (const name of seen.keys())
    if (!listed.has(name)) problems.push(`${name}: không có trong manifest (not listed)`);
  const files = [...seen.values()].filter((m) => m.name.startsWith(FILES_PREFIX));
  for (const file of files) {
    if (file.name !== `${FILES_PREFIX}${file.sha256}`)
      problems.push(`${file.name}: nội dung không khớp tên (content is not its hash)`);
  }
  if (files.length !== manifest.files.count)
    problems.push(`files: ${files.length} tệp, manifest ghi ${manifest.files.count}`);
  const database = manifest.database.kind === 'postgres' ? PG_DUMP_MEMBER : `${PGLITE_PREFIX}PG_VERSION`;
  if (!seen.has(database)) problems.push(`${database}: thiếu cơ sở dữ liệu (no database in the archive)`);
  if ([...directories].sort().join('\n') !== [...manifest.directories].sort().join('\n')) {
    problems.push('database/pglite: thư mục không khớp manifest (directories differ)');
  }
  if (problems.length > 0) {
    throw invalid(
      `Bản sao lưu ${path} không toàn vẹn, ${problems.length} lỗi: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
      problems,
    );
  }
  return { manifest, bytes };
}
