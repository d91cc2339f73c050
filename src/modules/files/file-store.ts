import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { stripDiacritics } from '../../domain/vietnamese-text.ts';

/**
 * Kho tệp — uploaded files, addressed by the SHA-256 of their content and stored once however often
 * they are uploaded, in a `FileStore`: a local folder (local-file-store.ts) or an S3-compatible bucket
 * shared by several servers (s3-file-store.ts). The database (`stored_file`) keeps each upload's name,
 * type and owner; a store only bytes. Every store follows the same protocol (issue #16, finding 8):
 * `stage` writes the bytes under a temporary name before the transaction, `publish` puts them in place
 * as the transaction's last step, `discard` removes what was not published — so a committed row never
 * names a missing file, and a crash leaves at worst an unreferenced file for `sweepOrphanFiles`.
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
  const ascii = stripDiacritics(fileName).replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file written under a temporary name, waiting for the transaction that references it. */
export interface StagedFile {
  sha256: string;
  /** where the bytes wait: a temporary file (local) or object key (S3) */
  staging: string;
}

/** A stored file as a listing sees it. */
export interface StoredFileInfo {
  sha256: string;
  size: number;
  modifiedAt: Date;
}

export interface FileStore {
  /** `local /srv/dondoc/files` or `s3 bucket/prefix`: for logs and the backup manifest */
  readonly description: string;
  /** Step 1, before the transaction: the bytes under a temporary name, durable, not yet in place. */
  stage(bytes: Uint8Array): Promise<StagedFile>;
  /** Step 2, the transaction's last statement before COMMIT: the staged bytes put in place under their hash. */
  publish(staged: readonly StagedFile[]): Promise<void>;
  /** After the transaction, committed or not: whatever is still staged is removed. */
  discard(staged: readonly StagedFile[]): Promise<void>;
  /** A stored file's bytes and size, or null when the store does not hold it. */
  open(sha256: string): Promise<{ stream: Readable; size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  /** Stores bytes under their hash at once, atomically (restore); idempotent. */
  put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }>;
  /** Every stored file (not the staged ones), in no particular order. */
  list(): AsyncIterable<StoredFileInfo>;
  /** Deletes a stored file if it is still older than `olderThan` (a publish may have just renewed it). */
  removeIfOlder(sha256: string, olderThan: Date): Promise<boolean>;
  /** Deletes staged bytes older than `olderThan` (left by a crash); returns how many. */
  removeStaleStaging(olderThan: Date): Promise<number>;
  /** Throws when the store cannot take a file now (folder not writable, bucket unreachable): readiness. */
  check(): Promise<void>;
  close(): void;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** The local store's place of a file: `<filesDir>/ab/cd/<hash>`. */
export function storedFilePath(filesDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Dọn tệp mồ côi — stored files older than `olderThanMs` that no row references (`isReferenced`
 * answers for a batch of hashes) and staged bytes left by a crash are deleted. Returns what was removed.
 */
export async function sweepOrphanFiles(
  store: FileStore,
  isReferenced: (sha256s: string[]) => Promise<Set<string>>,
  options: { now: Date; olderThanMs: number },
): Promise<{ orphans: number; temporaries: number }> {
  const cutoff = new Date(options.now.getTime() - options.olderThanMs);
  const temporaries = await store.removeStaleStaging(cutoff);
  let orphans = 0;
  let batch: string[] = [];
  const sweepBatch = async () => {
    const referenced = await isReferenced(batch);
    for (const sha256 of batch) {
      if (!referenced.has(sha256) && (await store.removeIfOlder(sha256, cutoff))) orphans++;
    }
    batch = [];
  };
  for await (const file of store.list()) {
    if (file.modifiedAt >= cutoff) continue;
    batch.push(file.sha256);
    if (batch.length >= 500) await sweepBatch();
  }
  if (batch.length > 0) await sweepBatch();
  return { orphans, temporaries };
}
