import { localDateOf } from '../../domain/dates.ts';
import { assignmentStateAsOf, STATE_LABELS } from '../../domain/state.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAccess } from '../access/access.ts';
import type { ServiceContext } from '../service-context.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from '../status/status.repo.ts';
import {
  findPublicAuthority,
  findPublicPlan,
  listLeadAgencyNames,
  listPublicAuthorities,
  listPublicPlans,
  listPublicSections,
  listPublicTasks,
} from './public.repo.ts';
import { progressOf, taskStateOf } from './public-progress.ts';

/*
 * Minh bạch — the public transparency page (PAPI: Công khai, minh bạch). Anyone may read it; it shows
 * plan headers, tasks as written, lead agencies and progress as of today, and nothing internal: no
 * files, notes, results (or their document numbers), obstacles, extension reasons or user names.
 */

export async function listAuthoritiesForPublic(ctx: ServiceContext) {
  requireAccess(ctx.actor, 'public.read');
  return listPublicAuthorities(ctx.db);
}

/** The authority's plans (not cancelled) with their progress as of today. */
export async function listPlansForPublic(ctx: ServiceContext, code: string) {
  requireAccess(ctx.actor, 'public.read');
  const { db, now } = ctx;
  const authority = await findPublicAuthority(db, code);
  if (!authority) throw new AppError('AUTHORITY_NOT_FOUND', `Không tìm thấy cơ quan ban hành ${code}.`);
  const today = localDateOf(now, authority.time_zone);
  const plans = await listPublicPlans(db, authority.id);
  const facts = await listAssignmentFacts(db, authority.id, { role: 'lead', openedBy: today });
  const byPlan = groupBy(facts, (row) => row.plan_number);
  return {
    authority: { code: authority.code, name: authority.name },
    asOf: today,
    plans: plans.map((plan) => ({
      id: plan.id,
      docType: plan.doc_type,
      number: plan.number,
      title: plan.title,
      issuedOn: plan.issued_on,
      progress: progressOf((byPlan.get(plan.number) ?? []).map(toFacts), today),
    })),
  };
}

/** One plan: its header, progress, and each task with its lead agencies and its state as of today. */
export async function getPlanForPublic(ctx: ServiceContext, planId: number) {
  requireAccess(ctx.actor, 'public.read');
  const { db, now } = ctx;
  const plan = await findPublicPlan(db, planId);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
  const today = localDateOf(now, plan.time_zone);
  const [sections, tasks, leads, facts] = await Promise.all([
    listPublicSections(db, plan.id),
    listPublicTasks(db, plan.id),
    listLeadAgencyNames(db, plan.id),
    listAssignmentFacts(db, plan.authority_id, { role: 'lead', openedBy: today, planId: plan.id }),
  ]);
  const sectionCode = new Map(sections.map((s) => [s.id, s.code]));
  const leadsByTask = groupBy(leads, (row) => row.task_id);
  const factsByRef = groupBy(facts, (row) => row.task_ref);
  return {
    asOf: today,
    plan: {
      id: plan.id,
      authority: { code: plan.authority_code, name: plan.authority_name },
      docType: plan.doc_type,
      number: plan.number,
      title: plan.title,
      issuedOn: plan.issued_on,
      signer: plan.signer,
      progress: progressOf(facts.map(toFacts), today),
    },
    sections: sections.map((s) => ({ code: s.code, title: s.title })),
    tasks: tasks.map((task) => {
      const state = taskStateOf(
        (factsByRef.get(task.ref) ?? []).map((row) => assignmentStateAsOf(toFacts(row), today)),
      );
      const asWritten = task.unresolved.filter((u) => u.role === 'lead').map((u) => u.text);
      return {
        stt: task.no,
        ref: task.ref,
        section: task.section_id === null ? null : (sectionCode.get(task.section_id) ?? null),
        content: task.content,
        leadAgencies: [...(leadsByTask.get(task.id) ?? []).map((row) => row.name), ...asWritten],
        deadline: task.deadline_text,
        state,
        stateLabel: state === null ? 'Chưa đến kỳ thực hiện' : STATE_LABELS[state],
      };
    }),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function toFacts(row: AssignmentFactsRow) {
  return { dueOn: row.due_on, doneOn: row.done_on ?? null, cancelledOn: row.cancelled_on };
}
