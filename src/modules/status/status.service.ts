import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { writtenReminderAsOf } from '../../domain/reminders.ts';
import { assignmentStateAsOf, emptyStateCounts, type StateCounts } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { agencyFilterFor, authorityOf } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { findPlanByNumber } from '../plans/plans.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from './status.repo.ts';

export type StatusCounts = StateCounts & { reminders: number };

export interface StatusQuery {
  asOf: LocalDate;
  plan?: string | undefined;
  /** only these agencies (an agency user's scope); null/undefined = every agency */
  agencyIds?: readonly number[] | null;
}

/**
 * Tình hình thực hiện as the actor may see it: the whole authority, or an agency user's own scope;
 * as of `asOf` (default: today in the authority's time zone).
 */
export async function getStatus(
  ctx: ServiceContext,
  query: { asOf?: string | undefined; plan?: string | undefined },
): Promise<StatusReport> {
  const agencyIds = agencyFilterFor(ctx.actor, 'stats.read', authorityOf(ctx.actor));
  const authority = await findAuthorityById(ctx.db, authorityOf(ctx.actor));
  const asOf = parseAsOf(query.asOf, authority.time_zone, ctx.now);
  return computeStatus(ctx.db, authority.id, { asOf, plan: query.plan, agencyIds });
}

/** Nhắc nhở bằng văn bản the actor may see, incurred up to `asOf` (default: today). */
export async function listWrittenReminders(
  ctx: ServiceContext,
  query: { asOf?: string | undefined; plan?: string | undefined },
): Promise<{ asOf: LocalDate; reminders: ReminderRow[] }> {
  const agencyIds = agencyFilterFor(ctx.actor, 'reminder.read', authorityOf(ctx.actor));
  const authority = await findAuthorityById(ctx.db, authorityOf(ctx.actor));
  const asOf = parseAsOf(query.asOf, authority.time_zone, ctx.now);
  return {
    asOf,
    reminders: await computeWrittenReminders(ctx.db, authority.id, { asOf, plan: query.plan, agencyIds }),
  };
}

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
 * The read model behind the two use cases above (and scoring.service.ts, which checks its own
 * access): no access check here. Who owes what as of a date: the §5 counts of lead assignments per agency and in total, and the
 * written reminders incurred up to that date. Coordinating (support) assignments answer for no
 * result of their own and are not counted.
 */
async function computeStatus(db: Kysely<DB>, authorityId: number, query: StatusQuery): Promise<StatusReport> {
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

/** Every written reminder incurred up to `asOf`, in date order (no access check: see computeStatus). */
export async function computeWrittenReminders(
  db: Kysely<DB>,
  authorityId: number,
  query: StatusQuery,
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

async function leadFacts(db: Kysely<DB>, authorityId: number, query: StatusQuery) {
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
  });
}

function toFacts(row: AssignmentFactsRow) {
  return { dueOn: row.due_on, doneOn: row.done_on ?? null, cancelledOn: row.cancelled_on };
}
