import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/access/access.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import type { ResultView } from '../../src/modules/results/results.repo.ts';
import { submitAssignmentResult } from '../../src/modules/results/results.service.ts';
import { officeAdminAndOwnAgency, officeAndAdmin as officeOnly, overseersAndOwnAgency } from './allow.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

/** A minimal PDF: what the content check looks for is the `%PDF-` signature. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** A real (minimal) Word document: a zip with [Content_Types].xml and word/document.xml. */
export async function smallDocx(text = 'Báo cáo kết quả'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A multipart/form-data body as a browser would send it (built by undici's FormData). */
export async function multipart(
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array; field?: string }[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append(file.field ?? 'files', new Blob([file.bytes]), file.name);
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
  };
}

/** The top-level lead assignment of a task of plan 87/KH-UBND held by an agency (by code). */
export async function leadAssignmentId(
  db: Kysely<DB>,
  authorityId: number,
  taskRef: string,
  agencyCode: string,
) {
  const row = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .innerJoin('agency as g', 'g.id', 'a.agency_id')
    .select('a.id')
    .where('a.authority_id', '=', authorityId)
    .where('p.number', '=', '87/KH-UBND')
    .where('t.ref', '=', taskRef)
    .where('g.code', '=', agencyCode)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .orderBy('a.occurrence')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The agency of the target: Sở Tư pháp ('own') or Sở Nội vụ ('other'). */
export const targetAgency = (ctx: MatrixContext, target: Target) =>
  ctx.world.agency(target === 'own' ? 'STP' : 'SNV');

/** 'own' = Sở Tư pháp's lead assignment of I.3; 'other' = Sở Nội vụ's of I.6. */
export function targetAssignment(ctx: MatrixContext, target: Target) {
  return target === 'own'
    ? leadAssignmentId(ctx.db, ctx.world.authorityId, 'I.3', 'STP')
    : leadAssignmentId(ctx.db, ctx.world.authorityId, 'I.6', 'SNV');
}

/** An agency's request on the target's assignment (an extension, an obstacle): POST `payload` to it. */
export function requestOnTargetAssignment(
  path: 'extensions' | 'obstacles',
  payload: Record<string, unknown>,
  allow: MatrixEntry['allow'],
): MatrixEntry {
  return {
    method: 'POST',
    url: `/api/assignments/:id/${path}`,
    request: async (ctx, target) => ({
      url: `/api/assignments/${await targetAssignment(ctx, target)}/${path}`,
      payload,
    }),
    allow,
  };
}

/** A pending result (with one PDF) on the target's assignment, recorded through the service. */
export async function pendingResult(ctx: MatrixContext, target: Target): Promise<ResultView> {
  const actor: Actor = { kind: 'system', authorityId: ctx.world.authorityId };
  const c = {
    db: ctx.db,
    actor,
    ip: '127.0.0.1',
    now: new Date(),
    files: createLocalFileStore(ctx.world.filesDir),
  };
  return submitAssignmentResult(c, await targetAssignment(ctx, target), async () => ({
    fields: { documentNumber: '12/BC-STP', note: '', accept: false },
    files: [{ fileName: 'bao-cao.pdf', bytes: SMALL_PDF }],
  }));
}

/** Results: submit (multipart), the review queue, accept, return. */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/assignments/:id/results',
    request: async (ctx, target) => ({
      url: `/api/assignments/${await targetAssignment(ctx, target)}/results`,
      ...(await multipart({ documentNumber: '12/BC-STP', note: 'Báo cáo' }, [
        { name: 'bao-cao.pdf', bytes: SMALL_PDF },
      ])),
    }),
    allow: officeAdminAndOwnAgency,
  },
  {
    method: 'GET',
    url: '/api/results',
    request: async (ctx, target) => {
      await pendingResult(ctx, target);
      return { url: `/api/results?assignmentId=${await targetAssignment(ctx, target)}` };
    },
    allow: overseersAndOwnAgency,
  },
  {
    method: 'POST',
    url: '/api/results/:id/accept',
    request: async (ctx, target) => ({ url: `/api/results/${(await pendingResult(ctx, target)).id}/accept` }),
    allow: officeOnly,
  },
  {
    method: 'POST',
    url: '/api/results/:id/return',
    request: async (ctx, target) => ({
      url: `/api/results/${(await pendingResult(ctx, target)).id}/return`,
      payload: { reason: 'Thiếu phụ lục số liệu' },
    }),
    allow: officeOnly,
  },
];
