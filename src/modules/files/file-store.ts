import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Kho tệp — uploaded files on disk, addressed by the SHA-256 of their content
 * (`<filesDir>/ab/cd/abcd…`): written to a temporary file in the same folder and renamed into
 * place (atomic: a reader never sees half a file), stored once however often it is uploaded.
 * The database (`stored_file`) keeps each upload's name, type and owner; this module only bytes.
 */

/** The kinds of file a result may carry, recognised by their content, never by their name. */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'png' | 'jpeg' | 'text';

export const FILE_KINDS: Record<FileKind, { mediaType: string; extensions: readonly string[] }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  doc: { mediaType: 'application/msword', extensions: ['doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  text: { mediaType: 'text/plain; charset=utf-8', extensions: ['txt', 'csv', 'md', 'log'] },
};

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * What a file is, from its bytes: PDF, Office Open XML (a zip holding `[Content_Types].xml` and
 * the Word or Excel part; which one also needs the name's extension), legacy Word/Excel (an OLE
 * compound file named .doc/.xls), PNG, JPEG, or plain text (valid UTF-8 without NUL). Null for
 * anything else — executables, archives, HTML renamed .pdf …
 */
export function sniffFileKind(bytes: Uint8Array, fileName: string): FileKind | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ext = extensionOf(fileName);
  if (startsWith(buf, PDF)) return 'pdf';
  if (startsWith(buf, PNG)) return 'png';
  if (startsWith(buf, JPEG)) return 'jpeg';
  if (startsWith(buf, ZIP)) {
    // zip entry names are stored uncompressed (local headers and central directory)
    if (!buf.includes('[Content_Types].xml', 0, 'latin1')) return null;
    if (ext === 'docx' && buf.includes('word/', 0, 'latin1')) return 'docx';
    if (ext === 'xlsx' && buf.includes('xl/', 0, 'latin1')) return 'xlsx';
    return null;
  }
  if (startsWith(buf, OLE)) return ext === 'doc' || ext === 'xls' ? ext : null;
  if (buf.length > 0 && isPlainText(buf)) return 'text';
  return null;
}

function isPlainText(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const MAX_NAME_LENGTH = 150;
// control and format characters (incl. bidi overrides that disguise an extension) and reserved ones
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * A safe file name to store and offer back: no folders, control, format or reserved characters,
 * Vietnamese letters kept (NFC), at most 150 characters with the extension preserved, and an
 * extension that agrees with the content (`bao-cao.html` holding text becomes `bao-cao.html.txt`).
 */
export function sanitiseFileName(original: string, kind: FileKind): string {
  const allowed = FILE_KINDS[kind].extensions;
  const base = original.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(UNSAFE_CHARS, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .replace(/\s+(\.[^.\s]*)$/, '$1');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  let ext = extensionOf(name);
  if (!allowed.includes(ext)) {
    ext = allowed[0] as string;
    name = name ? `${name}.${ext}` : '';
  }
  if (!name || name === `.${ext}`) name = `tep-dinh-kem.${ext}`;
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_LENGTH) {
    const stem = Array.from(name.slice(0, name.length - ext.length - 1));
    name = `${stem
      .slice(0, MAX_NAME_LENGTH - ext.length - 1)
      .join('')
      .trimEnd()}.${ext}`;
  }
  return name;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The file's place on disk: `<filesDir>/ab/cd/<hash>`. */
export function storedFilePath(filesDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Stores bytes under their hash, once: an existing file of that hash is kept as it is; otherwise
 * the bytes go to a temporary file in the target folder, are flushed, and renamed into place.
 */
export async function putFile(
  filesDir: string,
  bytes: Uint8Array,
): Promise<{ sha256: string; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  const target = storedFilePath(filesDir, sha256);
  if (await exists(target, bytes.byteLength)) return { sha256, created: false };
  const folder = join(target, '..');
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { sha256, created: true };
}

async function exists(path: string, size: number): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isFile() && info.size === size;
  } catch {
    return false;
  }
}

/** A read stream of a stored file and its size, or null when it is missing on disk. */
export async function openStoredFile(
  filesDir: string,
  sha256: string,
): Promise<{ stream: ReadStream; size: number } | null> {
  const path = storedFilePath(filesDir, sha256);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return { stream: createReadStream(path), size: info.size };
}

/** A file written under a temporary name, waiting for the transaction that references it. */
export interface StagedFile {
  sha256: string;
  /** null when the store already holds these bytes */
  tempPath: string | null;
}

const STAGING = '.staging';

/**
 * Step 1 of storing an upload (issue #16, finding 8): the bytes go to `<filesDir>/.staging/` under a
 * temporary name, flushed to disk, before the transaction; nothing is in place yet.
 */
export async function stageFile(filesDir: string, bytes: Uint8Array): Promise<StagedFile> {
  const sha256 = sha256Hex(bytes);
  if (await exists(storedFilePath(filesDir, sha256), bytes.byteLength)) return { sha256, tempPath: null };
  const folder = join(filesDir, STAGING);
  await mkdir(folder, { recursive: true });
  const tempPath = join(folder, `${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { sha256, tempPath };
}

/**
 * Step 2, the last thing the transaction does before it commits: the staged files are renamed into
 * place. A crash after this and before the commit leaves a file nobody references (removed by
 * `sweepOrphanFiles`), never a reference to a missing file.
 */
export async function publishStagedFiles(filesDir: string, staged: readonly StagedFile[]): Promise<void> {
  for (const file of staged) {
    if (!file.tempPath) continue;
    const target = storedFilePath(filesDir, file.sha256);
    await mkdir(join(target, '..'), { recursive: true });
    await rename(file.tempPath, target);
  }
}

/** After a transaction that failed: the staged files it did not publish are removed. */
export async function discardStagedFiles(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((file) => (file.tempPath ? rm(file.tempPath, { force: true }) : undefined)));
}

/**
 * Dọn tệp mồ côi — files older than `olderThanMs` that no row references (`isReferenced` answers for
 * a batch of hashes) and temporary files left by a crash are deleted. Returns what was removed.
 */
export async function sweepOrphanFiles(
  filesDir: string,
  isReferenced: (sha256s: string[]) => Promise<Set<string>>,
  options: { now: Date; olderThanMs: number },
): Promise<{ orphans: number; temporaries: number }> {
  const cutoff = options.now.getTime() - options.olderThanMs;
  let orphans = 0;
  let temporaries = 0;
  const old = async (path: string) => {
    const info = await stat(path).catch(() => null);
    return info?.isFile() === true && info.mtimeMs < cutoff;
  };
  for (const name of await listDir(join(filesDir, STAGING))) {
    const path = join(filesDir, STAGING, name);
    if (await old(path)) {
      await rm(path, { force: true });
      temporaries++;
    }
  }
  for (const first of await listDir(filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(first)) continue;
    for (const second of await listDir(join(filesDir, first))) {
      if (!/^[0-9a-f]{2}$/.test(second)) continue;
      const folder = join(filesDir, first, second);
      const candidates: string[] = [];
      for (const name of await listDir(folder)) {
        const path = join(folder, name);
        if (!(await old(path))) continue;
        if (SHA256.test(name)) candidates.push(name);
        else if (name.endsWith('.tmp')) {
          await rm(path, { force: true });
          temporaries++;
        }
      }
      if (candidates.length === 0) continue;
      const referenced = await isReferenced(candidates);
      for (const sha of candidates) {
        if (referenced.has(sha)) continue;
        await rm(join(folder, sha), { force: true });
        orphans++;
      }
    }
  }
  return { orphans, temporaries };
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}
