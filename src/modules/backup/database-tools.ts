import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';

/**
 * The database's side of a backup. PostgreSQL: `pg_dump --format=custom` (compressed, restorable
 * table by table) in a snapshot the backup exports, restored by `pg_restore` in one transaction.
 * PGlite: its data folder, copied while no statement runs, after a CHECKPOINT.
 */

/** The connection string without its password (visible in `ps`), and the password for PGPASSWORD. */
export function libpqTarget(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs pg_dump or pg_restore; its error output becomes the message of a BACKUP_FAILED error. */
export function runPgTool(
  command: 'pg_dump' | 'pg_restore',
  args: string[],
  options: { env: Record<string, string>; stdin?: Readable },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: [options.stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    if (options.stdin && child.stdin) {
      child.stdin.on('error', () => {}); // the tool stopped reading: its exit code says why
      options.stdin.pipe(child.stdin);
    }
    child.on('error', (error) =>
      reject(
        new AppError(
          'BACKUP_FAILED',
          `Không chạy được ${command} (cần gói postgresql-client cùng phiên bản máy chủ): ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new AppError('BACKUP_FAILED', `${command} dừng với mã ${code}: ${stderr.trim()}`, {
            command,
            code,
          }),
        );
    });
  });
}

export function dumpPostgres(url: string, snapshot: string, file: string): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  return runPgTool(
    'pg_dump',
    ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`],
    { env },
  );
}

/** Everything in one transaction: a failed restore leaves the database as empty as it was. */
export function restorePostgres(url: string, dump: Readable): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  return runPgTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`],
    { env, stdin: dump },
  );
}

/** What belongs to PostgreSQL in a PGlite folder (DONDOC_DATA_DIR also holds the files, the lock, perhaps backups). */
const PG_DATA_ENTRY =
  /^(PG_VERSION|base|global|pg_[a-z_]+|pg_hba\.conf|pg_ident\.conf|postgresql(\.auto)?\.conf|postmaster\.opts)$/;

export function hasPgliteDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The PGlite data folder's directories and files (relative paths, directories first within each level). */
export async function* listPgliteData(
  dataDir: string,
): AsyncGenerator<{ path: string; directory: boolean; size: number }> {
  async function* walk(relative: string): AsyncGenerator<{ path: string; directory: boolean; size: number }> {
    const names = (await readdir(join(dataDir, relative))).sort();
    for (const name of names) {
      if (relative === '' && !PG_DATA_ENTRY.test(name)) continue;
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = await stat(join(dataDir, path));
      if (info.isDirectory()) {
        yield { path, directory: true, size: 0 };
        yield* walk(path);
      } else if (info.isFile()) {
        yield { path, directory: false, size: info.size };
      }
    }
  }
  yield* walk('');
}

/** Removes the PGlite database from its folder, and only that (the files folder, the lock, anything else stay). */
export async function removePgliteData(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    if (PG_DATA_ENTRY.test(name) || name === 'postmaster.pid') {
      await rm(join(dataDir, name), { recursive: true, force: true });
    }
  }
}
