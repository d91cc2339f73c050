import type { Kysely } from 'kysely';
import { findOfAuthority } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';

/** Kysely functions of the uploaded files: `stored_file` rows and their links to results. */

/** The hashes among `sha256s` that a `stored_file` row references. */
export async function listReferencedHashes(db: Kysely<DB>, sha256s: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const rows = await db
    .selectFrom('stored_file')
    .select('sha256')
    .where('sha256', 'in', [...sha256s])
    .execute();
  return new Set(rows.map((row) => row.sha256));
}

/** Stores one upload's row and links it to a result; returns the file's id. */
export async function insertResultFile(
  db: Kysely<DB>,
  row: {
    authorityId: number;
    resultId: number;
    uploadedBy: number | null;
    sha256: string;
    sizeBytes: number;
    mediaType: string;
    fileName: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('stored_file')
    .values({
      authority_id: row.authorityId,
      sha256: row.sha256,
      size_bytes: row.sizeBytes,
      media_type: row.mediaType,
      file_name: row.fileName,
      uploaded_by: row.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('result_file')
    .values({ authority_id: row.authorityId, result_id: row.resultId, file_id: id })
    .execute();
  return id;
}

/** A stored file of one authority. */
export function findStoredFile(db: Kysely<DB>, authorityId: number, fileId: number) {
  return findOfAuthority(db, 'stored_file', authorityId, fileId);
}

/** The agencies whose assignments' results hold a file (its readers are those who may read one). */
export async function listFileHolderAgencies(db: Kysely<DB>, authorityId: number, fileId: number) {
  return db
    .selectFrom('result_file as rf')
    .innerJoin('result_submission as r', 'r.id', 'rf.result_id')
    .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
    .select('a.agency_id')
    .where('rf.file_id', '=', fileId)
    .where('rf.authority_id', '=', authorityId)
    .execute();
}
