import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { letterSettingsOf } from '../followup/letter-settings.ts';
import { findPlanById } from '../plans/plans.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { completeDraft, type ReportDraft, type ReportDraftInput, ReportDraftSchema } from './report-draft.ts';
import { type DraftKey, findReportDraft, insertReportDraft, updateReportDraft } from './reports.repo.ts';

export interface DraftQuery {
  from: LocalDate;
  to: LocalDate;
  planId?: number | undefined;
}

export interface DraftReply {
  from: LocalDate;
  to: LocalDate;
  planId: number | null;
  /** null while nothing is saved (the defaults are shown) */
  version: number | null;
  updatedBy: string | null;
  draft: ReportDraft;
}

/** The saved draft of a report (or the defaults): whoever may read reports. */
export async function getReportDraft(ctx: ServiceContext, query: DraftQuery): Promise<DraftReply> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'stats.read', { authorityId });
  const { db } = ctx;
  const key = await draftKey(db, authorityId, query);
  const row = await findReportDraft(db, authorityId, key);
  const signer = await reportSignerOf(db, authorityId);
  return {
    from: key.from,
    to: key.to,
    planId: query.planId ?? null,
    version: row?.version ?? null,
    updatedBy: row?.updated_by ?? null,
    draft: completeDraft(row?.content ?? {}, signer),
  };
}

/**
 * Saves the draft of a report: the Office and admins. `version` as read (null for the first save);
 * a draft changed meanwhile answers VERSION_CONFLICT and nothing is written.
 */
export async function putReportDraft(
  c: ServiceContext,
  query: DraftQuery,
  body: { version: number | null; draft: ReportDraftInput },
): Promise<DraftReply> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'report.write', { authorityId });
  const { db, actor } = c;
  const parsed = ReportDraftSchema.safeParse(body.draft);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Nội dung dự thảo báo cáo không hợp lệ.', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  const key = await draftKey(db, authorityId, query);
  const content = parsed.data;
  const version = await inTransaction(db, async (trx) => {
    const existing = await findReportDraft(trx, authorityId, key, true);
    const conflict = () =>
      new AppError('VERSION_CONFLICT', 'Dự thảo báo cáo vừa được người khác sửa: hãy tải lại rồi sửa.', {
        currentVersion: existing?.version ?? null,
      });
    let saved: number | null;
    if (!existing) {
      if (body.version !== null) throw conflict();
      saved = await insertReportDraft(trx, { authorityId, key, content, updatedBy: actorName(actor) });
    } else {
      if (body.version !== existing.version) throw conflict();
      saved = await updateReportDraft(trx, {
        id: existing.id,
        version: existing.version,
        content,
        updatedBy: actorName(actor),
        now: c.now,
      });
    }
    if (saved === null) throw conflict();
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: existing ? 'report_draft.update' : 'report_draft.create',
      entity: 'report_draft',
      entityId: `${key.from}..${key.to}/${key.planId}`,
      ...(existing ? { before: existing.content } : {}),
      after: content,
      ip: c.ip,
    });
    return saved;
  });
  return {
    from: key.from,
    to: key.to,
    planId: query.planId ?? null,
    version,
    updatedBy: actorName(actor),
    draft: completeDraft(content, await reportSignerOf(db, authorityId)),
  };
}

/** The signer a report takes when its draft names none: the Office's settings (docs/domain-rules.md §8). */
async function reportSignerOf(db: Kysely<DB>, authorityId: number) {
  return letterSettingsOf(await findAuthorityById(db, authorityId)).reportSigner;
}

async function draftKey(db: Kysely<DB>, authorityId: number, query: DraftQuery): Promise<DraftKey> {
  await findAuthorityById(db, authorityId);
  if (query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ: "từ ngày" phải trước "đến ngày".', {
      from: query.from,
      to: query.to,
    });
  }
  if (query.planId !== undefined && !(await findPlanById(db, authorityId, query.planId))) {
    throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.', { planId: query.planId });
  }
  return { from: query.from, to: query.to, planId: query.planId ?? 0 };
}
