import type { Plan } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isLocalDate, type LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { type PlanInput, PlanInputSchema } from '../../shared/schemas/plan.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { withdrawRemindersNoLongerDue } from '../followup/reminder-withdrawal.ts';
import { importPlanDocument, previewPlanImport } from '../import/import.service.ts';
import type { PlanFile, PlanReader } from '../import/read-plan-file.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import { replanOccurrences } from './plan-occurrences.ts';
import { findPlanById, findPlanByNumber, listPlanAssignmentIds, updatePlanVersioned } from './plans.repo.ts';

/** A plan's header as the API shows it. */
export function planHeaderOf(plan: Plan) {
  return {
    id: plan.id,
    docType: plan.doc_type,
    number: plan.number,
    issuedOn: plan.issued_on,
    place: plan.place,
    title: plan.title,
    signer: plan.signer,
    bases: plan.bases,
    recipients: plan.recipients,
    endsOn: plan.ends_on,
    cancelledOn: plan.cancelled_on,
    publishedAt: plan.published_at?.toISOString() ?? null,
    followupFrom: plan.followup_from,
    version: plan.version,
  };
}

/** An uploaded file and the form's other fields, read only once access has been checked. */
export type UploadReader = () => Promise<{ file: PlanFile; fields: Record<string, string> }>;

/** What an upload's services receive: the context, and the HTTP server's parsing pool when there is one. */
export type UploadContext = ServiceContext & { parser?: PlanReader };

/** May the actor import plans? Checked again by each service; the upload routes ask before reading the body. */
export async function requirePlanWriteAccess(ctx: ServiceContext): Promise<void> {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
}

/** Xem trước: what dondoc reads in an uploaded document, checked against the directory; nothing stored. */
export async function previewPlanUpload(ctx: UploadContext, read: UploadReader) {
  await requirePlanWriteAccess(ctx);
  const { file } = await read();
  return previewPlanImport(ctx, file, ctx.parser);
}

/**
 * Nhập kế hoạch: stores an uploaded document as a plan with its tasks, assignments and source file.
 * A number already registered is refused (PLAN_EXISTS) unless the form says `replace=true`, which
 * is itself refused once a result has been recorded against the old plan (PLAN_HAS_RESULTS). Tasks
 * that would get no lead assignment are refused (IMPORT_TASKS_WITHOUT_LEAD, 422) unless the form
 * says `confirmTasksWithoutLead=true`.
 */
export async function importPlanUpload(ctx: UploadContext, read: UploadReader) {
  await requirePlanWriteAccess(ctx);
  const { file, fields } = await read();
  const yes = (field: string | undefined) =>
    ['true', '1', 'on', 'yes'].includes((field ?? '').trim().toLowerCase());
  const corrected = fields.plan === undefined ? undefined : correctedPlanOf(fields.plan);
  const imported = await importPlanDocument(ctx, file, {
    replace: yes(fields.replace),
    confirmTasksWithoutLead: yes(fields.confirmTasksWithoutLead),
    followupDefault: 'today',
    ...(fields.followupFrom !== undefined ? { followupFrom: followupFieldOf(fields.followupFrom) } : {}),
    ...(corrected ? { corrected } : {}),
    ...(ctx.parser ? { reader: ctx.parser } : {}),
  });
  return { plan: imported.plan, warnings: imported.preview.warnings };
}

/**
 * The optional form field `followupFrom` (theo dõi từ ngày, docs/domain-rules.md §6): a date
 * YYYY-MM-DD, or `issue` — followed from the plan's issue date.
 */
function followupFieldOf(value: string): LocalDate | null {
  const text = value.trim();
  if (text === 'issue') return null;
  if (!isLocalDate(text)) {
    throw new AppError('INVALID_DATE', `Ngày bắt đầu theo dõi "${text}" không hợp lệ: cần dạng YYYY-MM-DD.`, {
      followupFrom: text,
    });
  }
  return text;
}

/**
 * The optional form field `plan`: the previewed plan as the Office corrected it (agency names, due
 * dates, number…), JSON in the shape of POST /plans. It is stored with the uploaded file as source.
 */
function correctedPlanOf(json: string): PlanInput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Trường "plan" không phải JSON hợp lệ.');
  }
  const parsed = PlanInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION_FAILED',
      `Kế hoạch đã sửa không hợp lệ: ${issue?.message ?? 'dữ liệu sai'} (${issue?.path.join('.') ?? ''}).`,
      { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  return parsed.data;
}

export interface PlanPatch {
  version: number;
  docType?: string | undefined;
  number?: string | undefined;
  title?: string | undefined;
  signer?: string | undefined;
  place?: string | undefined;
  bases?: string[] | undefined;
  recipients?: string[] | undefined;
  endsOn?: LocalDate | null | undefined;
  /** theo dõi từ ngày (docs/domain-rules.md §6); null: from the issue date */
  followupFrom?: LocalDate | null | undefined;
}

/**
 * Sửa thông tin kế hoạch (header fields) against the version the editor saw. A new `endsOn`
 * re-plans the recurring tasks: occurrences now inside the plan's span are added, those now outside
 * it removed — refused if one of them has anything recorded or is already due (plan-occurrences.ts).
 * The issue date cannot change: it dates every occurrence; re-import the document instead.
 * A new `followupFrom` (theo dõi từ ngày, §6) is audited with the header; recorded reminders the rule
 * no longer gives under it are withdrawn in the same transaction (reminder-withdrawal.ts).
 */
export async function updatePlan(ctx: ServiceContext, planId: number, patch: PlanPatch) {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const { authority, today } = await authorityContext(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const before = await findPlanById(trx, authority.id, planId);
    if (!before) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
    if (before.version !== patch.version) throw planConflict(before.version);
    const number = patch.number?.trim();
    if (number !== undefined && number.toUpperCase() !== before.number.toUpperCase()) {
      if (await findPlanByNumber(trx, authority.id, number)) {
        throw new AppError('PLAN_EXISTS', `Kế hoạch số ${number} đã được đăng ký.`, { number });
      }
    }
    if (patch.endsOn && patch.endsOn < before.issued_on) {
      throw new AppError('VALIDATION_FAILED', 'Ngày kết thúc không được trước ngày ban hành kế hoạch.', {
        endsOn: patch.endsOn,
        issuedOn: before.issued_on,
      });
    }
    if (patch.followupFrom && patch.followupFrom < before.issued_on) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Ngày bắt đầu theo dõi không được trước ngày ban hành kế hoạch.',
        { followupFrom: patch.followupFrom, issuedOn: before.issued_on },
      );
    }
    const after = await updatePlanVersioned(trx, before.id, patch.version, {
      ...(patch.docType !== undefined ? { doc_type: patch.docType } : {}),
      ...(number !== undefined ? { number } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.signer !== undefined ? { signer: patch.signer } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
      ...(patch.bases !== undefined ? { bases: JSON.stringify(patch.bases) } : {}),
      ...(patch.recipients !== undefined ? { recipients: JSON.stringify(patch.recipients) } : {}),
      ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
      ...(patch.followupFrom !== undefined ? { followup_from: patch.followupFrom } : {}),
    });
    if (!after) throw planConflict(null);
    const replanned =
      patch.endsOn !== undefined && patch.endsOn !== before.ends_on
        ? await replanOccurrences(trx, after, { place: authority.place, today })
        : null;
    const withdrawn =
      patch.followupFrom !== undefined && patch.followupFrom !== before.followup_from
        ? await withdrawRemindersNoLongerDue(trx, authority.id, {
            assignmentIds: await listPlanAssignmentIds(trx, after.id),
            actor: actorName(ctx.actor),
            now: ctx.now,
            ip: ctx.ip ?? null,
          })
        : [];
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(ctx.actor),
      action: 'plan.update',
      entity: 'plan',
      entityId: String(after.id),
      data: {
        number: after.number,
        ...(replanned ? { replanned } : {}),
        ...(withdrawn.length > 0 ? { remindersWithdrawn: withdrawn.length } : {}),
      },
      before: planHeaderOf(before),
      after: planHeaderOf(after),
      ip: ctx.ip ?? null,
    });
    return { ...planHeaderOf(after), replanned };
  });
}

/**
 * Thu hồi kế hoạch: leadership withdraws the plan from `cancelledOn` (default today). Every
 * assignment of it is `cancelled` from that day (the state takes the earliest cancellation of the
 * assignment, its task and its plan); its history before that day stays as it was.
 */
export async function cancelPlan(
  ctx: ServiceContext,
  planId: number,
  body: { cancelledOn?: LocalDate | undefined; version?: number | undefined; reason?: string | undefined },
) {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const { authority, today } = await authorityContext(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const before = await findPlanById(trx, authority.id, planId);
    if (!before) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
    if (body.version !== undefined && body.version !== before.version) throw planConflict(before.version);
    if (before.cancelled_on !== null) {
      throw new AppError(
        'CONFLICT',
        `Kế hoạch ${before.number} đã bị thu hồi từ ngày ${before.cancelled_on}.`,
        {
          cancelledOn: before.cancelled_on,
        },
      );
    }
    const cancelledOn = body.cancelledOn ?? today;
    if (cancelledOn < before.issued_on) {
      throw new AppError('VALIDATION_FAILED', 'Ngày thu hồi không được trước ngày ban hành kế hoạch.', {
        cancelledOn,
        issuedOn: before.issued_on,
      });
    }
    const after = await updatePlanVersioned(trx, before.id, before.version, { cancelled_on: cancelledOn });
    if (!after) throw planConflict(null);
    await writeAudit(trx, {
      authorityId: authority.id,
      actor: actorName(ctx.actor),
      action: 'plan.cancel',
      entity: 'plan',
      entityId: String(after.id),
      data: { number: after.number, cancelledOn, reason: body.reason ?? null },
      before: planHeaderOf(before),
      after: planHeaderOf(after),
      ip: ctx.ip ?? null,
    });
    return planHeaderOf(after);
  });
}

export function planConflict(currentVersion: number | null) {
  return new AppError(
    'VERSION_CONFLICT',
    'Kế hoạch vừa được người khác sửa: hãy tải lại để xem bản mới nhất rồi sửa lại.',
    currentVersion === null ? undefined : { currentVersion },
  );
}
