import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { writtenReminderAsOf } from '../../domain/reminders.ts';
import { AppError } from '../../shared/errors.ts';
import { findPlanByNumber } from '../plans/plans.repo.ts';
import { findUncountedReminderAgency } from './counted-reminders.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from './status.repo.ts';

/**
 * The read model of status.service.ts and scoring.service.ts: the facts of lead assignments and the
 * written reminders they incurred as of a date. No access check here: the use cases that call it check
 * theirs (getStatus, listWrittenReminders, scoreYear).
 */

export interface StatusQuery {
  asOf: LocalDate;
  plan?: string | undefined;
  /** only these agencies (an agency user's scope); null/undefined = every agency */
  agencyIds?: readonly number[] | null;
  /** only assignments that may be judged by a date in [from, to] (AssignmentFactsFilter `judgedIn`) */
  judgedIn?: { from: LocalDate; to: LocalDate; followedPlans: readonly number[] };
}

export interface ReminderRow {
  agency: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate;
  /** the due date, or the plan's follow-up start when later (docs/domain-rules.md §6, issue #14 §4) */
  countedDueOn: LocalDate;
  remindedOn: LocalDate;
  year: number;
}

/** Every written reminder incurred up to `asOf`, in date order (no access check: see above). */
export async function computeWrittenReminders(
  db: Kysely<DB>,
  authorityId: number,
  query: StatusQuery,
): Promise<ReminderRow[]> {
  const rows = await leadFacts(db, authorityId, query);
  // the Office's own reminders, when they do not count (docs/domain-rules.md §6.1)
  const uncounted = await findUncountedReminderAgency(db, authorityId);
  const reminders: (ReminderRow & { order: number })[] = [];
  for (const [order, row] of rows.entries()) {
    if (row.agency_id === uncounted?.id) continue;
    const reminder = writtenReminderAsOf({ role: row.role, ...toFacts(row) }, query.asOf);
    if (!reminder) continue;
    reminders.push({
      agency: row.agency_code,
      agencyName: row.agency_name,
      plan: row.plan_number,
      task: row.task_ref,
      occurrence: row.occurrence,
      ...reminder,
      order,
    });
  }
  reminders.sort((a, b) => a.remindedOn.localeCompare(b.remindedOn) || a.order - b.order);
  return reminders.map(({ order: _order, ...r }) => r);
}

/** The lead assignments of the query with their §5 facts (the plan by its number, if given). */
export async function leadFacts(db: Kysely<DB>, authorityId: number, query: StatusQuery) {
  let planId: number | undefined;
  if (query.plan) {
    const plan = await findPlanByNumber(db, authorityId, query.plan);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${query.plan}.`);
    planId = plan.id;
  }
  return listAssignmentFacts(db, authorityId, {
    role: 'lead',
    openedBy: query.asOf,
    agencyIds: query.agencyIds ?? null,
    ...(planId !== undefined ? { planId } : {}),
    ...(query.judgedIn ? { judgedIn: query.judgedIn } : {}),
  });
}

export function toFacts(row: AssignmentFactsRow) {
  return {
    dueOn: row.due_on,
    doneOn: row.done_on ?? null,
    cancelledOn: row.cancelled_on,
    followupFrom: row.followup_from,
  };
}
