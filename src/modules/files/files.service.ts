import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { authorityOf, can, requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  contentDisposition,
  FILE_KINDS,
  type FileKind,
  type FileStore,
  type StagedFile,
  sanitiseFileName,
  sniffFileKind,
  sweepOrphanFiles,
} from './file-store.ts';
import {
  findStoredFile,
  insertResultFile,
  listFileHolderAgencies,
  listReferencedHashes,
} from './files.repo.ts';
import { createLocalFileStore } from './local-file-store.ts';

/** At most this many files per result. */
export const MAX_FILES_PER_RESULT = 5;

/** A file as it arrived in a request: the name the client gave and its bytes. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/** An upload checked by its content, with a safe name: ready to store. */
export interface CheckedUpload {
  fileName: string;
  kind: FileKind;
  mediaType: string;
  bytes: Uint8Array;
}

export interface StoredUpload extends Omit<CheckedUpload, 'bytes'> {
  sha256: string;
  sizeBytes: number;
}

/**
 * Kiểm tra tệp — refuses more than five files, empty files (400), and any file whose content is
 * not one of the allowed kinds (415, whatever its name says); gives each a safe name.
 */
export function checkUploads(uploads: readonly Upload[]): CheckedUpload[] {
  if (uploads.length > MAX_FILES_PER_RESULT) {
    throw new AppError('VALIDATION_FAILED', `Mỗi báo cáo kèm tối đa ${MAX_FILES_PER_RESULT} tệp.`, {
      files: uploads.length,
    });
  }
  return uploads.map((upload) => {
    if (upload.bytes.byteLength === 0) {
      throw new AppError('VALIDATION_FAILED', `Tệp "${upload.fileName}" rỗng.`, {
        fileName: upload.fileName,
      });
    }
    const kind = sniffFileKind(upload.bytes, upload.fileName);
    if (!kind) {
      throw new AppError(
        'FILE_TYPE_NOT_ALLOWED',
        `Tệp "${upload.fileName}" không thuộc loại được phép (PDF, Word, Excel, ảnh PNG/JPEG, văn bản thuần).`,
        { fileName: upload.fileName },
      );
    }
    return {
      fileName: sanitiseFileName(upload.fileName, kind),
      kind,
      mediaType: FILE_KINDS[kind].mediaType,
      bytes: upload.bytes,
    };
  });
}

/** Checked uploads written to the store's staging area, to be published by the transaction that references them. */
export interface StagedUploads {
  uploads: StoredUpload[];
  files: StagedFile[];
}

/**
 * Writes checked uploads under temporary names (outside any transaction); the transaction that
 * inserts their rows calls `publishUploads` last, and the caller `discardUploads` in `finally`.
 */
export async function stageUploads(
  files: FileStore,
  uploads: readonly CheckedUpload[],
): Promise<StagedUploads> {
  const staged: StagedUploads = { uploads: [], files: [] };
  try {
    for (const { bytes, ...upload } of uploads) {
      const file = await files.stage(bytes);
      staged.files.push(file);
      staged.uploads.push({ ...upload, sha256: file.sha256, sizeBytes: bytes.byteLength });
    }
  } catch (error) {
    await files.discard(staged.files);
    throw error;
  }
  return staged;
}

export function publishUploads(files: FileStore, staged: StagedUploads): Promise<void> {
  return files.publish(staged.files);
}

export function discardUploads(files: FileStore, staged: StagedUploads): Promise<void> {
  return files.discard(staged.files);
}

/** The hashes among `sha256s` that a `stored_file` row references (the orphan sweep's question). */
export function referencedHashes(db: Kysely<DB>, sha256s: readonly string[]): Promise<Set<string>> {
  return listReferencedHashes(db, sha256s);
}

/**
 * Files of the store older than a day that no row references, and stale temporary files: deleted.
 * `store` may be a local folder's path (the local store there).
 */
export function sweepOrphanUploads(db: Kysely<DB>, store: FileStore | string, now: Date) {
  const files = typeof store === 'string' ? createLocalFileStore(store) : store;
  return sweepOrphanFiles(files, (sha256s) => referencedHashes(db, sha256s), {
    now,
    olderThanMs: ORPHAN_AGE_MS,
  });
}

/** How old an unreferenced file must be before the sweep removes it (an upload in flight is younger). */
export const ORPHAN_AGE_MS = 24 * 3_600_000;

/** One `stored_file` row per upload, linked to a result by `result_file`. Run in the caller's transaction. */
export async function attachFilesToResult(
  trx: Kysely<DB>,
  input: { authorityId: number; resultId: number; uploadedBy: number | null; files: readonly StoredUpload[] },
) {
  const attached: { id: number; fileName: string; mediaType: string; sizeBytes: number }[] = [];
  for (const file of input.files) {
    const id = await insertResultFile(trx, {
      authorityId: input.authorityId,
      resultId: input.resultId,
      uploadedBy: input.uploadedBy,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
      mediaType: file.mediaType,
      fileName: file.fileName,
    });
    attached.push({ id, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes });
  }
  return attached;
}

export interface FileDownload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  contentDisposition: string;
  stream: NodeJS.ReadableStream;
}

/**
 * Tải tệp — a result's file, to whoever may read the assignment that result belongs to
 * (`assignment.read` on its agency: an agency user only in its own scope). A file of another
 * authority, or not attached to any result, is answered 404 as if it did not exist.
 */
export async function getFileForDownload(ctx: ServiceContext, fileId: number): Promise<FileDownload> {
  const { actor, db, files } = ctx;
  const authorityId = authorityOf(actor);
  // the target agency needs the rows: load them, then check, then answer
  const file = await findStoredFile(db, authorityId, fileId);
  const holders = file ? await listFileHolderAgencies(db, authorityId, fileId) : [];
  const first = holders[0];
  if (!file || !first) throw new AppError('FILE_NOT_FOUND', 'Không tìm thấy tệp.');
  const readable = holders.find((h) => can(actor, 'assignment.read', { authorityId, agencyId: h.agency_id }));
  requireAccess(actor, 'assignment.read', { authorityId, agencyId: (readable ?? first).agency_id });
  const opened = await files.open(file.sha256);
  if (!opened)
    throw new AppError('FILE_NOT_FOUND', 'Tệp không còn trong kho lưu trữ: hãy báo quản trị hệ thống.');
  return {
    fileName: file.file_name,
    mediaType: file.media_type,
    sizeBytes: opened.size,
    contentDisposition: contentDisposition(file.file_name),
    stream: opened.stream,
  };
}
