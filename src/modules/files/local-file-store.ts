import { randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type FileStore,
  isSha256,
  type StagedFile,
  type StoredFileInfo,
  sha256Hex,
  storedFilePath,
} from './file-store.ts';

const STAGING = '.staging';

/**
 * The file store in a local folder (`DONDOC_FILES_DIR`, default `<DONDOC_DATA_DIR>/files`): a file at
 * `<dir>/ab/cd/<sha256>`, staged in `<dir>/.staging/` (same file system, so publishing is a rename:
 * atomic, a reader never sees half a file). One server, or several sharing the folder over NFS.
 */
export function createLocalFileStore(dir: string): FileStore {
  const stagingDir = join(dir, STAGING);

  /** Bytes to a new file, flushed to disk, under a name nobody else uses. */
  async function writeTemporary(folder: string, sha256: string, bytes: Uint8Array): Promise<string> {
    await mkdir(folder, { recursive: true });
    const path = join(folder, `${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(path, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return path;
  }

  async function* list(): AsyncIterable<StoredFileInfo> {
    for (const first of await listDir(dir)) {
      if (!/^[0-9a-f]{2}$/.test(first)) continue;
      for (const second of await listDir(join(dir, first))) {
        if (!/^[0-9a-f]{2}$/.test(second)) continue;
        for (const name of await listDir(join(dir, first, second))) {
          if (!isSha256(name)) continue;
          const info = await stat(join(dir, first, second, name)).catch(() => null);
          if (info?.isFile()) yield { sha256: name, size: info.size, modifiedAt: info.mtime };
        }
      }
    }
  }

  return {
    description: `local ${dir}`,
    /**
     * Always written, even when the store already holds these bytes: publishing then renames a fresh
     * copy over the old one, which renews its age, so the orphan sweep cannot delete a day-old file
     * between this transaction's check and its commit.
     */
    async stage(bytes) {
      const sha256 = sha256Hex(bytes);
      return { sha256, staging: await writeTemporary(stagingDir, sha256, bytes) };
    },
    async publish(staged) {
      for (const file of staged) {
        const target = storedFilePath(dir, file.sha256);
        await mkdir(join(target, '..'), { recursive: true });
        await rename(file.staging, target);
      }
    },
    async discard(staged: readonly StagedFile[]) {
      await Promise.all(staged.map((file) => rm(file.staging, { force: true })));
    },
    async open(sha256) {
      const path = storedFilePath(dir, sha256);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(path), size: info.size };
    },
    async exists(sha256) {
      const info = await stat(storedFilePath(dir, sha256)).catch(() => null);
      return info?.isFile() === true;
    },
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const target = storedFilePath(dir, sha256);
      const info = await stat(target).catch(() => null);
      if (info?.isFile() && info.size === bytes.byteLength) return { sha256, created: false };
      const folder = join(target, '..');
      const temp = await writeTemporary(folder, sha256, bytes);
      await rename(temp, target).catch(async (error) => {
        await rm(temp, { force: true });
        throw error;
      });
      return { sha256, created: true };
    },
    list,
    async removeIfOlder(sha256, olderThan) {
      const path = storedFilePath(dir, sha256);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.mtime >= olderThan) return false;
      await rm(path, { force: true });
      return true;
    },
    async removeStaleStaging(olderThan) {
      let removed = 0;
      const removeIfStale = async (path: string) => {
        const info = await stat(path).catch(() => null);
        if (info?.isFile() && info.mtime < olderThan) {
          await rm(path, { force: true });
          removed++;
        }
      };
      for (const name of await listDir(stagingDir)) await removeIfStale(join(stagingDir, name));
      // temporary files of `put` interrupted by a crash, beside the files
      for (const first of await listDir(dir)) {
        if (!/^[0-9a-f]{2}$/.test(first)) continue;
        for (const second of await listDir(join(dir, first))) {
          const folder = join(dir, first, second);
          for (const name of await listDir(folder)) {
            if (name.endsWith('.tmp')) await removeIfStale(join(folder, name));
          }
        }
      }
      return removed;
    },
    async check() {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
    },
    close() {},
  };
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}
