import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { writtenReminderAsOf } from '../../domain/reminders.ts';
import { assignmentStateAsOf, emptyStateCounts, type StateCounts } from '../../domain/state.ts';
import { AppError } from '../../shared/errors.ts';
import { findPlanByNumber } from '../plans/plans.repo.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from './status.repo.ts';

export type StatusCounts = StateCounts & { reminders: number };

export interface StatusReport {
  asOf: LocalDate;
  plan: string | null;
  totals: StatusCounts;
  agencies: ({ code: string; name: string } & StatusCounts)[];
}

export interface ReminderRow {
  agency: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate;
  remindedOn: LocalDate;
  year: number;
}

/**
 * Who owes what as of a date: the §5 counts of lead assignments per agency and in total, and the
 * written reminders incurred up to that date. Coordinating (support) assignments answer for no
 * result of their own and are not counted.
 */
export async function getStatus(
  db: Kysely<DB>,
  authorityId: number,
  query: { asOf: LocalDate; plan?: string | undefined },
): Promise<StatusReport> {
  const rows = await leadFacts(db, authorityId, query);
  const totals: StatusCounts = { ...emptyStateCounts(), reminders: 0 };
  const byAgency = new Map<number, { code: string; name: string } & StatusCounts>();
  for (const row of rows) {
    let agency = byAgency.get(row.agency_id);
    if (!agency) {
      agency = { code: row.agency_code, name: row.agency_name, ...emptyStateCounts(), reminders: 0 };
      byAgency.set(row.agency_id, agency);
    }
    const state = assignmentStateAsOf(toFacts(row), query.asOf);
    agency[state]++;
    totals[state]++;
    if (writtenReminderAsOf({ role: row.role, ...toFacts(row) }, query.asOf)) {
      agency.reminders++;
      totals.reminders++;
    }
  }
  return { asOf: query.asOf, plan: query.plan ?? null, totals, agencies: [...byAgency.values()] };
}

/** Nhắc nhở bằng văn bản — every written reminder incurred up to `asOf`, in date order. */
export async function listWrittenReminders(
  db: Kysely<DB>,
  authorityId: number,
  query: { asOf: LocalDate; plan?: string | undefined },
): Promise<ReminderRow[]> {
  const rows = await leadFacts(db, authorityId, query);
  const reminders: (ReminderRow & { order: number })[] = [];
  for (const [order, row] of rows.entries()) {
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

async function leadFacts(
  db: Kysely<DB>,
  authorityId: number,
  query: { asOf: LocalDate; plan?: string | undefined },
) {
  let planId: number | undefined;
  if (query.plan) {
    const plan = await findPlanByNumber(db, authorityId, query.plan);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${query.plan}.`);
    planId = plan.id;
  }
  return listAssignmentFacts(db, authorityId, {
    role: 'lead',
    openedBy: query.asOf,
    ...(planId !== undefined ? { planId } : {}),
  });
}

function toFacts(row: AssignmentFactsRow) {
  return { dueOn: row.due_on, doneOn: row.done_on ?? null, cancelledOn: row.cancelled_on };
}
