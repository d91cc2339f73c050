import { pageAnswer } from '../../db/page.ts';
import { AppError } from '../../shared/errors.ts';
import { agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { contentDisposition } from '../files/file-store.ts';
import type { ServiceContext } from '../service-context.ts';
import { findLetterFile, listLetterPage, listLetterTasks } from './letters.repo.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LetterQuery {
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** The letters an actor may see: every agency's for the Office, leadership and admins; an agency its own. */
export async function listLetters(ctx: ServiceContext, query: LetterQuery) {
  const authorityId = authorityOf(ctx.actor);
  const agencyIds = agencyFilterFor(ctx.actor, 'reminder.read', authorityId);
  const { rows, total } = await listLetterPage(ctx.db, authorityId, agencyIds, query);
  const letterIds = rows.map((r) => r.id);
  const tasks = await listLetterTasks(ctx.db, letterIds);
  const items = rows.map((r) => ({
    id: r.id,
    year: r.year,
    number: r.number,
    issuedOn: r.issued_on,
    agency: { code: r.code, name: r.name },
    fileName: r.file_name,
    tasks: tasks
      .filter((t) => t.letter_id === r.id)
      .map((t) => ({
        plan: t.number,
        task: t.ref,
        dueOn: t.due_on,
        withdrawnAt: t.withdrawn_at?.toISOString() ?? null,
        withdrawnReason: t.withdrawn_reason,
      })),
  }));
  return pageAnswer(query, items, total);
}

/** The stored .docx, to whoever may read its agency's reminders; another authority's letter is 404. */
export async function getLetterForDownload(ctx: ServiceContext, id: number) {
  const authorityId = authorityOf(ctx.actor);
  // the target agency needs the row: load it, then check, then answer
  const letter = await findLetterFile(ctx.db, authorityId, id);
  if (!letter) throw new AppError('NOT_FOUND', 'Không tìm thấy công văn đôn đốc.');
  requireAccess(ctx.actor, 'reminder.read', { authorityId, agencyId: letter.agency_id });
  return {
    fileName: letter.file_name,
    content: Buffer.from(letter.content),
    contentDisposition: contentDisposition(letter.file_name),
  };
}
