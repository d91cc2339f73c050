import { type Kysely, sql } from 'kysely';
import type { DB, NewAssignment, UnresolvedRef } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { formatVietnameseDate, type LocalDate, localDateOf } from '../../domain/dates.ts';
import type { Directory } from '../../domain/directory.ts';
import { planHorizon } from '../../domain/occurrences.ts';
import { AppError } from '../../shared/errors.ts';
import { type PlanInput, PlanInputSchema } from '../../shared/schemas/plan.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import {
  directoryFingerprintSql,
  type LoadedDirectory,
  loadDirectoryByFingerprint,
} from '../directory/directory.service.ts';
import { authorityContext, type ServiceContext } from '../service-context.ts';
import { insertAssignments, insertPlanAudited, insertSection, insertTasks } from './plans.repo.ts';
import { sharedDirectory } from './shared-directory.ts';
import { type PlannedTask, planTask } from './task-assignments.ts';

export interface CreatedPlan {
  planId: number;
  number: string;
  tasks: number;
  leadAssignments: number;
  supportAssignments: number;
  /** Names kept as written (unmatched) and open groups, per task ref. */
  unresolved: { task: string; refs: UnresolvedRef[] }[];
  /** theo dõi từ ngày as stored (docs/domain-rules.md §6); null: from the issue date */
  followupFrom: LocalDate | null;
  /** lead assignments already due before today */
  pastDeadlines: number;
  /** what defaulting the follow-up start to today means, when the caller did not choose it */
  followupNotice: string | null;
}

/**
 * How a new plan's follow-up start is chosen (issue #14 §4): `'today'` — the Office's entry points (API,
 * CLI): a plan with deadlines already past is followed from today unless the input says otherwise
 * (`followupFrom`, null = from the issue date), and the answer says so; `'issue'` — from the issue date
 * unless the input says otherwise (the demo's seed plan and programmatic loads: the behaviour before).
 */
export type FollowupDefault = 'today' | 'issue';

/**
 * Đăng ký kế hoạch — registers a plan from its JSON (the appendix as written): sections, tasks as
 * written, and the assignments each task expands to (one per agency, role and occurrence). All or
 * nothing: a caller inside a transaction passes it (`withDb`), else this opens one.
 */
export async function createPlan(
  ctx: ServiceContext,
  input: PlanInput,
  options: { followupDefault?: FollowupDefault } = {},
): Promise<CreatedPlan> {
  requireAccess(ctx.actor, 'plan.write', { authorityId: authorityOf(ctx.actor) });
  const { authority } = await authorityContext(ctx);
  const actor = actorName(ctx.actor);
  const parsed = PlanInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Dữ liệu kế hoạch không hợp lệ.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const plan = parsed.data;
  const run = async (trx: Kysely<DB>) => {
    // one statement: is the number taken, and which directory to match the cells against (issue #18)
    const { taken, fingerprint } = await trx
      .selectNoFrom([
        sql<boolean>`exists (select 1 from plan where authority_id = ${authority.id}
          and upper(number) = ${plan.number.trim().toUpperCase()})`.as('taken'),
        directoryFingerprintSql(authority.id).as('fingerprint'),
      ])
      .executeTakeFirstOrThrow();
    if (taken) {
      throw new AppError('PLAN_EXISTS', `Kế hoạch số ${plan.number} đã được đăng ký.`, {
        number: plan.number,
      });
    }
    const loaded = await loadDirectoryByFingerprint(trx, authority.id, authority.place, fingerprint);
    const { agencyByCode } = loaded;
    const directory = sharedDirectoryOf(loaded);
    // the end the Office sets, else the horizon of the title ('giai đoạn 2021–2025'; docs/domain-rules.md §4)
    const horizon = planHorizon(plan.title);
    const endsOn = plan.endsOn ?? (horizon !== null && horizon >= plan.issuedOn ? horizon : null);
    const span = { issuedOn: plan.issuedOn, endsOn };
    const planned = plan.tasks.map((task) => ({
      task,
      ref: taskRef(task.sectionCode, task.no),
      plan: planTask(task, directory, span),
    }));
    rejectUnusableRows(planned);
    const today = localDateOf(ctx.now, authority.time_zone);
    const pastDeadlines = planned.reduce(
      (n, t) =>
        n +
        t.plan.expansion.assignments.filter((a) => a.role === 'lead').length *
          t.plan.occurrences.filter((o) => o.dueOn !== null && o.dueOn < today).length,
      0,
    );
    const followup = followupStartOf(plan, {
      today,
      pastDeadlines,
      default: options.followupDefault ?? 'issue',
    });
    // each assignee's agency, before anything is written
    const agencyIdOf = (code: string) => {
      const agency = agencyByCode.get(code);
      if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Không có cơ quan mã ${code}.`);
      return agency.id;
    };
    const assigneeAgencies = planned.map(({ plan: p }) =>
      p.expansion.assignments.map((assignee) => agencyIdOf(assignee.agencyCode)),
    );
    const leadAssignments = planned.reduce(
      (n, { plan: p }) =>
        n + p.expansion.assignments.filter((a) => a.role === 'lead').length * p.occurrences.length,
      0,
    );
    const supportAssignments = planned.reduce(
      (n, { plan: p }) =>
        n + p.expansion.assignments.filter((a) => a.role === 'support').length * p.occurrences.length,
      0,
    );

    // the plan with the audit row of its creation, then its sections, its tasks, and last the
    // assignments, whose triggers lock the counts of their agencies (statistic_delta) until the commit
    const planId = await insertPlanAudited(
      trx,
      {
        authority_id: authority.id,
        doc_type: plan.docType,
        number: plan.number,
        issued_on: plan.issuedOn,
        place: plan.place,
        title: plan.title,
        signer: plan.signer,
        bases: JSON.stringify(plan.bases),
        recipients: JSON.stringify(plan.recipients),
        ends_on: endsOn,
        followup_from: followup.from,
        cancelled_on: null,
      },
      {
        authorityId: authority.id,
        actor,
        action: 'plan.create',
        data: {
          number: plan.number,
          tasks: planned.length,
          leadAssignments,
          ...(followup.from !== null ? { followupFrom: followup.from } : {}),
        },
        ip: ctx.ip,
      },
    );

    const sectionIds = new Map<string, number>();
    for (const [position, section] of plan.sections.entries()) {
      const id = await insertSection(trx, {
        authority_id: authority.id,
        plan_id: planId,
        code: section.code,
        title: section.title,
        position,
      });
      sectionIds.set(section.code, id);
    }

    const taskIds = await insertTasks(
      trx,
      planned.map(({ task, ref, plan: p }, position) => ({
        authority_id: authority.id,
        plan_id: planId,
        section_id: sectionIds.get(task.sectionCode) ?? null,
        no: task.no,
        ref,
        content: task.content,
        lead_text: task.leadText,
        support_text: task.supportText,
        deadline_text: task.deadlineText,
        deadline_kind: p.deadline.kind,
        due_on: p.deadline.kind === 'once' ? p.deadline.dueOn : null,
        recurrence: JSON.stringify(p.deadline.kind === 'recurring' ? p.deadline.recurrence : null),
        unresolved: JSON.stringify(p.unresolved),
        note: task.note,
        position,
        cancelled_on: null,
      })),
    );
    const assignments: NewAssignment[] = [];
    for (const [position, { plan: p }] of planned.entries()) {
      for (const [i, assignee] of p.expansion.assignments.entries()) {
        for (const o of p.occurrences) {
          assignments.push({
            authority_id: authority.id,
            task_id: taskIds[position] as number,
            agency_id: assigneeAgencies[position]?.[i] as number,
            role: assignee.role,
            occurrence: o.occurrence,
            period_label: o.periodLabel,
            opens_on: o.opensOn,
            original_due_on: o.dueOn,
            current_due_on: o.dueOn,
            cancelled_on: null,
          });
        }
      }
    }
    await insertAssignments(trx, assignments);
    return {
      planId,
      number: plan.number,
      tasks: planned.length,
      leadAssignments,
      supportAssignments,
      unresolved: planned
        .filter((t) => t.plan.unresolved.length > 0)
        .map((t) => ({ task: t.ref, refs: t.plan.unresolved })),
      followupFrom: followup.from,
      pastDeadlines,
      followupNotice: followup.notice,
    } satisfies CreatedPlan;
  };
  return inTransaction(ctx.db, run);
}

/** The shared Directory of each loaded directory, found once: the loaded ones are kept per fingerprint. */
const sharedOfLoaded = new WeakMap<LoadedDirectory, Directory>();

function sharedDirectoryOf(loaded: LoadedDirectory): Directory {
  let directory = sharedOfLoaded.get(loaded);
  if (!directory) {
    directory = sharedDirectory(loaded.directory);
    sharedOfLoaded.set(loaded, directory);
  }
  return directory;
}

/**
 * Theo dõi từ ngày of a new plan (docs/domain-rules.md §6, issue #14 §4): the date given, checked (not
 * before the issue date); else, under the `'today'` default, today when some deadline has already
 * passed — with a sentence saying so —, otherwise none (followed from the issue date).
 */
export function followupStartOf(
  plan: { issuedOn: LocalDate; followupFrom?: LocalDate | null | undefined },
  at: { today: LocalDate; pastDeadlines: number; default: FollowupDefault },
): { from: LocalDate | null; notice: string | null } {
  if (plan.followupFrom !== undefined) {
    if (plan.followupFrom !== null && plan.followupFrom < plan.issuedOn) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Ngày bắt đầu theo dõi (${formatVietnameseDate(plan.followupFrom)}) không được trước ngày ban hành kế hoạch (${formatVietnameseDate(plan.issuedOn)}).`,
        { followupFrom: plan.followupFrom, issuedOn: plan.issuedOn },
      );
    }
    return { from: plan.followupFrom, notice: null };
  }
  if (at.default === 'issue' || at.pastDeadlines === 0) return { from: null, notice: null };
  return {
    from: at.today,
    notice:
      `${at.pastDeadlines} lượt giao chủ trì đã quá hạn trước hôm nay: kế hoạch được theo dõi từ hôm nay ` +
      `(${formatVietnameseDate(at.today)}); nhắc nhở, chấm điểm và số ngày quá hạn không tính những ngày trước đó. ` +
      'Có thể đổi ngày bắt đầu theo dõi trong phần thông tin kế hoạch.',
  };
}

/** 'I' + '3' → 'I.3'; a plan without sections numbers its tasks plainly. */
export function taskRef(sectionCode: string, no: string): string {
  return sectionCode ? `${sectionCode}.${no}` : no;
}

function rejectUnusableRows(planned: { ref: string; task: { deadlineText: string }; plan: PlannedTask }[]) {
  const refs = new Set<string>();
  const problems: { task: string; problem: string }[] = [];
  for (const { ref, task, plan } of planned) {
    if (refs.has(ref)) problems.push({ task: ref, problem: `STT ${ref} bị trùng.` });
    refs.add(ref);
    if (plan.deadline.kind === 'unparsed') {
      problems.push({
        task: ref,
        problem: `Không hiểu thời hạn "${task.deadlineText}": hãy nhập ngày cụ thể.`,
      });
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Kế hoạch có ${problems.length} dòng cần sửa trước khi lưu.`, {
      problems,
    });
  }
}
