import { type Kysely, sql } from 'kysely';
import { assignmentsWithPlanAndAgency, cancelledOnSql, doneOnSql } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import { type LocalDate, maxDate, minDate } from '../../domain/dates.ts';

/**
 * Báo cáo định kỳ of Thường xuyên tasks (docs/domain-rules.md §5 and §8, issue #14 §4): each ongoing lead
 * assignment owes one periodic result per reporting period — a calendar month — and the report to the
 * Chairman says, per assignment, whether the periods it covers were reported (an accepted result of
 * that period). No written reminder is counted for a missing one (*ours*, §6).
 */

/** The months ('YYYY-MM') of [from, to], in order. */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The reporting periods an ongoing assignment owes in a report of [from, to] as of `asOf`: the months
 * from the latest of the period's start, the plan's issue date and its follow-up start (§6: nothing
 * before it is counted) to the earlier of the period's end and the as-of date.
 */
export function periodsOwed(
  report: { from: LocalDate; to: LocalDate; asOf: LocalDate },
  plan: { issuedOn: LocalDate; followupFrom: LocalDate | null },
): string[] {
  const start = maxDate(maxDate(report.from, plan.issuedOn), plan.followupFrom ?? report.from);
  const end = minDate(report.to, report.asOf);
  return start > end ? [] : monthsOf(start, end);
}

export interface PeriodicItem {
  assignmentId: number;
  agency: { id: number; code: string; name: string };
  plan: string;
  task: { ref: string; content: string };
  /** the periods the report covers for it, and of those the ones without an accepted result */
  owed: string[];
  missing: string[];
}

/**
 * Every ongoing (no due date) lead assignment in force as of `asOf` — opened by it, neither done nor
 * withdrawn by it — of the authority (or one plan), with the periods it owes in the report and the
 * ones still missing.
 */
export async function listPeriodicItems(
  db: Kysely<DB>,
  authorityId: number,
  report: { from: LocalDate; to: LocalDate; asOf: LocalDate; planId?: number | undefined },
): Promise<PeriodicItem[]> {
  let query = assignmentsWithPlanAndAgency(db)
    .select([
      'a.id',
      'a.agency_id',
      'g.code as agency_code',
      'g.name as agency_name',
      'p.number as plan_number',
      'p.issued_on',
      'p.followup_from',
      't.ref as task_ref',
      't.content',
      sql<string[]>`coalesce((select array_agg(r.period order by r.period) from result_submission r
        where r.assignment_id = a.id and r.status = 'accepted' and r.period is not null
          and r.submitted_on <= ${report.asOf}::date), '{}')`.as('reported'),
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .where('a.current_due_on', 'is', null)
    .where('a.opens_on', '<=', report.asOf)
    .where('p.issued_on', '<=', report.asOf)
    .where(sql<boolean>`(${cancelledOnSql} <= ${report.asOf}::date) is not true`)
    .where(sql<boolean>`(${doneOnSql} <= ${report.asOf}::date) is not true`);
  if (report.planId !== undefined) query = query.where('p.id', '=', report.planId);
  const rows = await query
    .orderBy('g.id')
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('a.occurrence')
    .execute();
  return rows.map((r) => {
    const owed = periodsOwed(report, { issuedOn: r.issued_on, followupFrom: r.followup_from });
    const reported = new Set(r.reported);
    return {
      assignmentId: r.id,
      agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
      plan: r.plan_number,
      task: { ref: r.task_ref, content: r.content },
      owed,
      missing: owed.filter((p) => !reported.has(p)),
    };
  });
}
