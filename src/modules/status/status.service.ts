import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { writtenReminderAsOf } from '../../domain/reminders.ts';
import { assignmentStateAsOf, emptyStateCounts, type StateCounts } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { agencyFilterFor, authorityOf } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { findUncountedReminderAgency } from './counted-reminders.ts';
import {
  computeWrittenReminders,
  leadFacts,
  type ReminderRow,
  type StatusQuery,
  toFacts,
} from './written-reminders.ts';

export type { ReminderRow } from './written-reminders.ts';

export type StatusCounts = StateCounts & { reminders: number };

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

/**
 * The read model behind getStatus: no access check here. Who owes what as of a date: the §5 counts of lead assignments per agency and in total, and the
 * written reminders incurred up to that date. Coordinating (support) assignments answer for no
 * result of their own and are not counted.
 */
async function computeStatus(db: Kysely<DB>, authorityId: number, query: StatusQuery): Promise<StatusReport> {
  const rows = await leadFacts(db, authorityId, query);
  const uncounted = await findUncountedReminderAgency(db, authorityId);
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
    if (
      row.agency_id !== uncounted?.id &&
      writtenReminderAsOf({ role: row.role, ...toFacts(row) }, query.asOf)
    ) {
      agency.reminders++;
      totals.reminders++;
    }
  }
  return { asOf: query.asOf, plan: query.plan ?? null, totals, agencies: [...byAgency.values()] };
}
