import type { Kysely } from 'kysely';
import type { DB, NewAssignment, Plan, Task } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import type { Recurrence } from '../../domain/deadline.ts';
import { defaultOccurrencesEnd, listOccurrences } from '../../domain/occurrences.ts';
import { AppError } from '../../shared/errors.ts';
import { loadDirectory } from '../directory/directory.service.ts';
import {
  deleteAssignments,
  hasActivity,
  insertAssignments,
  listRecurringTasks,
  listTopOccurrences,
} from './plan-occurrences.repo.ts';
import { sharedDirectory } from './shared-directory.ts';
import { planTask } from './task-assignments.ts';

/**
 * After a plan's `ends_on` changed: each recurring task gets exactly the occurrences whose due date
 * falls between the issue date and the new end (the rule of createPlan). Occurrence numbers are
 * stable because they count from the issue date: extending appends, shortening drops the tail.
 * - An added occurrence goes to the agencies (and roles) holding the task's latest occurrence —
 *   after a reorganisation, the successors — or, if the task had none, to its cells read again.
 * - A dropped occurrence is deleted, which is refused (CONFLICT) when it or a sub-assignment of it
 *   has a result, an extension request, an obstacle or a recorded reminder, or is already due by
 *   `today`: shortening a plan must not erase what happened or a reminder already incurred.
 * Runs inside the caller's transaction.
 */
export async function replanOccurrences(
  trx: Kysely<DB>,
  plan: Plan,
  authority: { place: string; today: LocalDate },
): Promise<{ added: number; removed: number }> {
  const tasks = await listRecurringTasks(trx, plan.id);
  let added = 0;
  let removed = 0;
  for (const task of tasks) {
    if (!task.recurrence) continue;
    const recurrence = task.recurrence as unknown as Recurrence;
    const until = plan.ends_on ?? defaultOccurrencesEnd(recurrence, plan.issued_on);
    const wanted = listOccurrences(recurrence, plan.issued_on, until);
    const wantedIndexes = new Set(wanted.map((o) => o.index));
    const existing = await listTopOccurrences(trx, task.id);
    const dropped = existing.filter((a) => !wantedIndexes.has(a.occurrence));
    if (dropped.length > 0) {
      await refuseBusy(trx, task, dropped, authority.today);
      await deleteAssignments(
        trx,
        dropped.map((a) => a.id),
      );
      removed += dropped.length;
    }
    const kept = existing.filter((a) => wantedIndexes.has(a.occurrence));
    const have = new Set(kept.map((a) => a.occurrence));
    const missing = wanted.filter((o) => !have.has(o.index));
    if (missing.length === 0) continue;
    const holders = await holdersOf(trx, plan, task, kept, authority.place);
    const rows: NewAssignment[] = missing.flatMap((o) =>
      holders.map((h) => ({
        authority_id: plan.authority_id,
        task_id: task.id,
        agency_id: h.agencyId,
        role: h.role,
        occurrence: o.index,
        period_label: o.label,
        opens_on: o.opensOn,
        original_due_on: o.dueOn,
        current_due_on: o.dueOn,
        cancelled_on: null,
      })),
    );
    await insertAssignments(trx, rows);
    added += rows.length;
  }
  return { added, removed };
}

type Holder = { agencyId: number; role: 'lead' | 'support' };

async function holdersOf(
  trx: Kysely<DB>,
  plan: Plan,
  task: Task,
  kept: {
    agency_id: number;
    role: 'lead' | 'support';
    occurrence: number;
    moved_to_assignment_id: number | null;
  }[],
  place: string,
): Promise<Holder[]> {
  const latest = Math.max(...kept.map((a) => a.occurrence));
  const current = kept.filter((a) => a.occurrence === latest && a.moved_to_assignment_id === null);
  if (current.length > 0) return current.map((a) => ({ agencyId: a.agency_id, role: a.role }));
  const { directory, agencyByCode } = await loadDirectory(trx, plan.authority_id, place);
  const planned = planTask(
    { leadText: task.lead_text, supportText: task.support_text, deadlineText: task.deadline_text },
    sharedDirectory(directory),
    { issuedOn: plan.issued_on, endsOn: plan.ends_on },
  );
  return planned.expansion.assignments.flatMap((a) => {
    const agency = agencyByCode.get(a.agencyCode);
    return agency ? [{ agencyId: agency.id, role: a.role }] : [];
  });
}

async function refuseBusy(
  trx: Kysely<DB>,
  task: Task,
  dropped: { id: number; occurrence: number; current_due_on: LocalDate | null }[],
  today: LocalDate,
) {
  const due = dropped.filter((a) => a.current_due_on !== null && a.current_due_on < today);
  const ids = dropped.map((a) => a.id);
  const activity = await hasActivity(trx, ids);
  if (due.length > 0 || activity) {
    const occurrences = [...new Set(dropped.map((a) => a.occurrence))].join(', ');
    throw new AppError(
      'CONFLICT',
      `Không thể rút ngắn thời gian kế hoạch: kỳ ${occurrences} của nhiệm vụ ${task.ref} đã đến hạn hoặc đã có kết quả, gia hạn, vướng mắc.`,
      { task: task.ref, occurrences: [...new Set(dropped.map((a) => a.occurrence))] },
    );
  }
}
