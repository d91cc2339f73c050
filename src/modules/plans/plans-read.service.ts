import { emptyStateCounts, onTimeRate, type StateCounts } from '../../domain/state.ts';
import { stripDiacritics } from '../../domain/vietnamese-text.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { groupAssignments } from '../../shared/plan-assignments.ts';
import type { PageQuery } from '../../shared/schemas/common.ts';
import { agencyFilterFor, authorityOf, requireAccess } from '../access/access.ts';
import { countStatesByPlan, listFactsWithState } from '../assignments/assignments.repo.ts';
import { stateFields } from '../assignments/assignments.service.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import {
  countTasksByPlan,
  findPlanById,
  findPlanSource,
  hasPlanSource,
  listPlanPage,
  listSectionsOfPlan,
  listTasksOfPlan,
} from './plans.repo.ts';
import { planHeaderOf } from './plans-write.service.ts';
import { leaderNamesOf } from './task-leaders.ts';

export type Progress = StateCounts & { total: number; onTimeRate: number | null };

/**
 * Danh sách kế hoạch. The Office, leadership and admins see every plan with its task count and the
 * §5 counts of its lead assignments as of `asOf`; an agency user sees, as `assignment.read` on its
 * own agency, only the plans in which its scope has an assignment, and only their headers.
 */
export async function listPlansFor(ctx: ServiceContext, query: PageQuery & { asOf?: string; q?: string }) {
  const isAgency = ctx.actor.kind === 'user' && ctx.actor.role === 'agency';
  const agencyIds = isAgency ? agencyFilterFor(ctx.actor, 'assignment.read', authorityOf(ctx.actor)) : null;
  if (!isAgency) requireAccess(ctx.actor, 'plan.read', { authorityId: authorityOf(ctx.actor) });
  const { authority } = await authorityContext(ctx);
  const asOf = parseAsOf(query.asOf, authority.time_zone, ctx.now);
  const { total, rows: items } = await listPlanPage(ctx.db, authority.id, { agencyIds, q: query.q }, query);
  const ids = items.map((p) => p.id);
  const taskCounts = isAgency ? [] : await countTasksByPlan(ctx.db, ids);
  const stateCounts = isAgency ? [] : await countStatesByPlan(ctx.db, authority.id, ids, asOf);
  return {
    asOf,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((plan) => {
      if (isAgency) return { ...planHeaderOf(plan), tasks: null, progress: null };
      const counts = emptyStateCounts();
      for (const row of stateCounts) if (row.plan_id === plan.id) counts[row.state] += Number(row.n);
      return {
        ...planHeaderOf(plan),
        tasks: Number(taskCounts.find((t) => t.plan_id === plan.id)?.n ?? 0),
        progress: { ...counts, total: sum(counts) },
      };
    }),
  };
}

/**
 * Chi tiết kế hoạch: the header, sections and tasks as written, in document order, each task with
 * all its assignments (lead and support, every occurrence) and their state as of `asOf`; progress
 * per section and for the plan counts lead assignments that exist by `asOf`, as the status does.
 * Each task's assignments come as groups sharing their role, occurrence, dates and state, and their
 * agencies once in `agencies` (src/shared/plan-assignments.ts: issue #18 goal 5).
 * (`Pick`: the appendix export of reports.service.ts calls it with the parts of a context it has.)
 */
export async function getPlanDetail(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'now'>,
  planId: number,
  query: { asOf?: string },
) {
  requireAccess(ctx.actor, 'plan.read', { authorityId: authorityOf(ctx.actor) });
  const { authority } = await authorityContext(ctx);
  const plan = await findPlanById(ctx.db, authority.id, planId);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
  const asOf = parseAsOf(query.asOf, authority.time_zone, ctx.now);
  const [sections, tasks, facts, source] = await Promise.all([
    listSectionsOfPlan(ctx.db, plan.id),
    listTasksOfPlan(ctx.db, plan.id),
    listFactsWithState(ctx.db, { authorityId: authority.id, planId: plan.id }, asOf),
    hasPlanSource(ctx.db, plan.id),
  ]);
  const leaders = await leaderNamesOf(ctx.db, authority.id, { tasks: tasks.map((t) => t.id) });
  const counted = facts.filter((f) => f.role === 'lead' && f.opens_on <= asOf && f.plan_issued_on <= asOf);
  const progressOf = (rows: typeof facts): Progress => {
    const counts = emptyStateCounts();
    for (const row of rows) counts[row.state]++;
    const rate = onTimeRate(
      rows.map((r) => ({ dueOn: r.due_on, doneOn: r.done_on, cancelledOn: r.cancelled_on })),
      asOf,
    );
    return { ...counts, total: rows.length, onTimeRate: rate };
  };
  const sectionCode = new Map(sections.map((s) => [s.id, s.code]));
  const factsOfTask = new Map<number, typeof facts>();
  const agencies = new Map<number, { id: number; code: string; name: string }>();
  for (const f of facts) {
    const ofTask = factsOfTask.get(f.task_id);
    if (ofTask) ofTask.push(f);
    else factsOfTask.set(f.task_id, [f]);
    agencies.set(f.agency_id, { id: f.agency_id, code: f.agency_code, name: f.agency_name });
  }
  return {
    asOf,
    plan: { ...planHeaderOf(plan), hasSource: source },
    progress: progressOf(counted),
    sections: sections.map((s) => ({
      code: s.code,
      title: s.title,
      progress: progressOf(counted.filter((f) => f.section_id === s.id)),
    })),
    agencies: [...agencies.values()].sort((a, b) => a.id - b.id),
    tasks: tasks.map((t) => ({
      id: t.id,
      ref: t.ref,
      sectionCode: t.section_id === null ? '' : (sectionCode.get(t.section_id) ?? ''),
      no: t.no,
      content: t.content,
      leadText: t.lead_text,
      supportText: t.support_text,
      deadlineText: t.deadline_text,
      deadlineKind: t.deadline_kind,
      dueOn: t.due_on,
      recurrence: t.recurrence,
      note: t.note,
      unresolved: t.unresolved,
      cancelledOn: t.cancelled_on,
      leader: leaders.get(t.id) ?? null,
      version: t.version,
      assignmentGroups: groupAssignments(
        (factsOfTask.get(t.id) ?? []).map((f) => ({
          id: f.id,
          agencyId: f.agency_id,
          role: f.role,
          occurrence: f.occurrence,
          periodLabel: f.period_label,
          opensOn: f.opens_on,
          originalDueOn: f.original_due_on,
          currentDueOn: f.due_on,
          ...stateFields(f, asOf),
        })),
      ),
    })),
  };
}

/** Văn bản gốc — the document the plan was imported from, with a safe download name. */
export async function getPlanSource(ctx: ServiceContext, planId: number) {
  requireAccess(ctx.actor, 'plan.read', { authorityId: authorityOf(ctx.actor) });
  const { authority } = await authorityContext(ctx);
  const plan = await findPlanById(ctx.db, authority.id, planId);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
  const source = await findPlanSource(ctx.db, authority.id, plan.id);
  if (!source) {
    throw new AppError('FILE_NOT_FOUND', `Kế hoạch ${plan.number} không có văn bản gốc (được nhập tay).`);
  }
  return {
    fileName: source.file_name,
    mediaType: source.media_type,
    content: Buffer.from(source.content),
    contentDisposition: contentDisposition(source.file_name),
  };
}

/**
 * `attachment` with an ASCII fallback name (diacritics dropped, anything unsafe → `_`) and the
 * UTF-8 name (RFC 6266 / 8187); path parts, quotes and control characters never reach the header.
 */
export function contentDisposition(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}"]/gu, '').trim();
  const name = base === '' || /^\.+$/.test(base) ? 'van-ban' : base.slice(0, 200);
  const ascii = stripDiacritics(name).replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sum(counts: StateCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
