import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { resolveAgencyCell } from '../../domain/agency-cell.ts';
import { type LocalDate, localDateOf } from '../../domain/dates.ts';
import { severalLeadAgencies } from '../../domain/lead-choice.ts';
import { effectiveDueOn } from '../../domain/working-days.ts';
import { AppError } from '../../shared/errors.ts';
import type { PlanInput } from '../../shared/schemas/plan.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findDueShift } from '../calendar/calendar.repo.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { loadDirectory } from '../directory/directory.service.ts';
import { type DetachedLink, detachPlanLinks, reattachPlanLinks } from '../indices/plan-links.repo.ts';
import { deletePlan, findPlanByNumber, hasRecordedResults, insertPlanSource } from '../plans/plans.repo.ts';
import { type CreatedPlan, createPlan, type FollowupDefault, taskRef } from '../plans/plans.service.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import { buildImportPreview, type ImportPreview, type PreviewTask } from './import-preview.ts';
import {
  findTasksWithoutLead,
  listUnknownAgencies,
  previewTasksWithoutLead,
  type TaskWithoutLead,
  type UnknownAgency,
} from './import-review.ts';
import type { ParsedPlan } from './plan-text.ts';
import { extensionOf, MEDIA_TYPES, type PlanFile, type PlanReader, readPlanFile } from './read-plan-file.ts';

/** The preview with what the review asks the Office to settle (import-review.ts). */
export type ReviewedPreview = Omit<ImportPreview, 'tasks'> & {
  /** movedDueOn: the due date the rules judge by, when the authority's setting moves dueOn off a day off (§4a) */
  tasks: (PreviewTask & { movedDueOn: LocalDate | null })[];
  /** names the directory does not know: add each as an agency, or as another agency's alias */
  unknownAgencies: UnknownAgency[];
  /** tasks that would be registered with no lead assignment (registering them needs a confirmation) */
  tasksWithoutLead: TaskWithoutLead[];
};

/**
 * Upload → what dondoc understood (header, sections, tasks, warnings) and what is left to settle;
 * nothing is stored. `reader`: the HTTP server's parsing pool (parse-pool.ts); without it the file
 * is read in this thread.
 */
export async function previewPlanImport(
  ctx: ServiceContext,
  file: PlanFile,
  reader?: PlanReader,
): Promise<ReviewedPreview> {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const authority = await findAuthorityById(ctx.db, authorityOf(ctx.actor));
  const { directory } = await loadDirectory(ctx.db, authority.id, authority.place);
  const today = localDateOf(ctx.now, authority.time_zone);
  const preview = reader?.previewPlan
    ? await reader.previewPlan(file, directory, today)
    : buildImportPreview(await readPlanFile(file, reader), directory, today);
  // docs/domain-rules.md §4a: the review shows the stated deadline and, beside it, the moved one
  const dueShift = await findDueShift(ctx.db, authority.id);
  const calendar = dueShift === 'next_working_day' ? await loadWorkingCalendar(ctx.db, authority.id) : null;
  const movedOf = (dueOn: LocalDate | null): LocalDate | null => {
    if (!calendar || !dueOn) return null;
    const moved = effectiveDueOn(calendar, dueOn, dueShift);
    return moved === dueOn ? null : moved;
  };
  return {
    ...preview,
    tasks: preview.tasks.map((task) => ({ ...task, movedDueOn: movedOf(task.dueOn) })),
    unknownAgencies: listUnknownAgencies(preview, directory),
    tasksWithoutLead: previewTasksWithoutLead(preview.tasks, directory, preview.plan.issuedOn ?? undefined),
  };
}

/** Header fields the Office gives when the document lacks them (CLI `--set title=…`). */
export interface HeaderOverrides {
  title?: string | undefined;
  number?: string | undefined;
  issuedOn?: string | undefined;
}

export interface ImportedPlan {
  plan: CreatedPlan;
  preview: ImportPreview;
}

/**
 * Reads a plan document and registers it with its tasks and assignments and the source file, all or
 * nothing; `corrected` (the preview as the Office fixed it) is registered instead of what was read,
 * `set` fills header fields the document lacks or misreads. A plan number already registered is
 * refused unless `replace`, which is itself refused once any result has been recorded against the
 * old plan. Tasks that would get no lead assignment are refused (IMPORT_TASKS_WITHOUT_LEAD, with
 * their list) unless `confirmTasksWithoutLead`: a plan is never registered silently without leads.
 */
export async function importPlanDocument(
  ctx: ServiceContext,
  file: PlanFile,
  options: {
    replace?: boolean;
    corrected?: PlanInput;
    set?: HeaderOverrides;
    /** the Office saw that some tasks have no lead agency and registers them so */
    confirmTasksWithoutLead?: boolean;
    /** theo dõi từ ngày chosen in the review (null: from the issue date); overrides the corrected plan's */
    followupFrom?: LocalDate | null;
    /** when none is chosen (createPlan's `FollowupDefault`): the Office's entry points say 'today' */
    followupDefault?: FollowupDefault;
    /** the HTTP server's parsing pool; without it the file is read in this thread */
    reader?: PlanReader;
  } = {},
): Promise<ImportedPlan> {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const authority = await findAuthorityById(ctx.db, authorityOf(ctx.actor));
  const parsed = await readPlanFile(file, options.reader);
  // the Office's corrections of the preview (agency matches, dates, number) replace what was read
  const read = options.corrected ?? planInputOf(parsed, options.set);
  const input = options.followupFrom !== undefined ? { ...read, followupFrom: options.followupFrom } : read;
  const actor = actorName(ctx.actor);
  return inTransaction(ctx.db, async (trx) => {
    const { directory } = await loadDirectory(trx, authority.id, authority.place);
    const preview = buildImportPreview(parsed, directory, localDateOf(ctx.now, authority.time_zone));
    // as read: from the preview's matches; as corrected by the Office: its cells read again
    const withoutLead = options.corrected
      ? findTasksWithoutLead(input.tasks, directory, input.issuedOn)
      : previewTasksWithoutLead(preview.tasks, directory, input.issuedOn);
    if (withoutLead.length > 0 && !options.confirmTasksWithoutLead) throw tasksWithoutLeadError(withoutLead);
    // §3: several leads are a warning, not a refusal — what is stored is the record of the choice
    const severalLeads = options.corrected
      ? input.tasks
          .filter(
            (t) => severalLeadAgencies(resolveAgencyCell(t.leadText ?? '', directory), directory).length > 0,
          )
          .map((t) => taskRef(t.sectionCode ?? '', t.no))
      : preview.warnings.flatMap((w) => (w.code === 'several_leads' && w.task ? [w.task] : []));
    const existing = await findPlanByNumber(trx, authority.id, input.number);
    const links =
      existing && options.replace
        ? await deletePlanForReplace(trx, authority.id, existing.id, existing.number)
        : [];
    const plan = await createPlan(withDb(ctx, trx), input, {
      followupDefault: options.followupDefault ?? 'issue',
    });
    const indexLinks = await reattachPlanLinks(trx, authority.id, plan.planId, links);
    await insertPlanSource(trx, {
      authority_id: authority.id,
      plan_id: plan.planId,
      file_name: file.fileName,
      media_type: MEDIA_TYPES[extensionOf(file.fileName)],
      size_bytes: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
    });
    await writeAudit(trx, {
      authorityId: authority.id,
      actor,
      action: existing ? 'plan.import_replace' : 'plan.import',
      entity: 'plan',
      entityId: String(plan.planId),
      data: {
        number: plan.number,
        file: file.fileName,
        warnings: preview.warnings.length,
        ...(options.corrected ? { corrected: true } : {}),
        ...(withoutLead.length > 0 ? { tasksWithoutLead: withoutLead.map((t) => t.task) } : {}),
        ...(severalLeads.length > 0 ? { severalLeads } : {}),
        ...(links.length > 0 ? { indexLinks } : {}),
      },
      ip: ctx.ip,
    });
    return { plan, preview };
  });
}

/** The list of tasks without lead, refused until the Office confirms (details.tasks: each task and why). */
export function tasksWithoutLeadError(tasks: TaskWithoutLead[]): AppError {
  const shown = tasks.slice(0, 10).map((t) => t.task);
  const more = tasks.length > shown.length ? ` và ${tasks.length - shown.length} nhiệm vụ khác` : '';
  return new AppError(
    'IMPORT_TASKS_WITHOUT_LEAD',
    `${tasks.length} nhiệm vụ chưa có cơ quan chủ trì trong danh mục (${shown.join(', ')}${more}): ` +
      'nếu lưu, các nhiệm vụ này chưa được giao cho cơ quan nào. Hãy chọn cơ quan chủ trì, ' +
      'hoặc xác nhận lưu kế hoạch như vậy.',
    { count: tasks.length, tasks },
  );
}

/**
 * The registrable part of a parsed document, `set` filling or replacing header fields; refuses one
 * without its number, date, title (details.missing: the fields, as `set` names them) or tasks.
 */
export function planInputOf(parsed: ParsedPlan, set: HeaderOverrides = {}): PlanInput {
  const number = set.number?.trim() || parsed.number;
  const issuedOn = set.issuedOn?.trim() || parsed.issuedOn;
  const title = set.title?.trim() || parsed.title;
  const missingFields = [
    number ? null : { field: 'number', label: 'số, ký hiệu' },
    issuedOn ? null : { field: 'issuedOn', label: 'ngày ban hành' },
    title ? null : { field: 'title', label: 'trích yếu' },
  ].filter((m) => m !== null);
  if (parsed.tasks.length === 0) {
    throw new AppError(
      'IMPORT_NO_TABLE',
      'Không tìm thấy nhiệm vụ nào: văn bản cần có bảng nhiệm vụ với dòng tiêu đề (STT, Nội dung công việc, …) hoặc các mục giao cơ quan chủ trì thực hiện.',
      {
        warnings: parsed.warnings,
      },
    );
  }
  if (missingFields.length > 0 || !number || !issuedOn || !title) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Văn bản thiếu ${missingFields.map((m) => m.label).join(', ')}: hãy bổ sung rồi nhập lại.`,
      {
        missing: missingFields.map((m) => m.field),
        warnings: parsed.warnings,
      },
    );
  }
  return {
    docType: parsed.docType,
    number,
    issuedOn,
    place: parsed.place ?? '',
    title,
    signer: parsed.signer ?? '',
    bases: parsed.bases,
    recipients: parsed.recipients,
    sections: parsed.sections.map((s) => ({ code: s.code, title: s.title })),
    tasks: parsed.tasks.map((t) => ({
      sectionCode: t.sectionCode,
      no: t.no,
      content: t.content,
      leadText: t.leadText,
      supportText: t.supportText,
      deadlineText: t.deadlineText,
      note: t.note,
    })),
  };
}

/** Deletes the plan being replaced (refused once results exist); returns its index links, detached. */
async function deletePlanForReplace(
  trx: Kysely<DB>,
  authorityId: number,
  planId: number,
  number: string,
): Promise<DetachedLink[]> {
  if (await hasRecordedResults(trx, planId)) {
    throw new AppError(
      'PLAN_HAS_RESULTS',
      `Kế hoạch ${number} đã có kết quả được ghi nhận: không thể thay thế; hãy sửa từng nhiệm vụ.`,
    );
  }
  const links = await detachPlanLinks(trx, authorityId, planId);
  await deletePlan(trx, planId);
  return links;
}
