import {
  type AliasedRawBuilder,
  type AliasedSelectQueryBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { cancelledOnSql, doneOnSql, followupDueOnSql } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { stateAsOfSql } from '../assignments/assignments.repo.ts';
import { type AssignmentFactsFilter, FACTS_COLUMNS, factsBase } from '../status/status.repo.ts';
import {
  emptyStatCounts,
  type Period,
  STAT_KEYS,
  type StatCounts,
  type StatKey,
} from './statistics.rules.ts';

/** Id, number and title of every plan of an authority (plan numbers are unique per authority). */
export function listPlanHeaders(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'number', 'title', 'followup_from'])
    .where('authority_id', '=', authorityId)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
}

/** The task content of each of these assignments (a page of a drill-down list, or a whole list). */
export async function taskContentByAssignment(
  db: Kysely<DB>,
  authorityId: number,
  assignmentIds: readonly number[],
): Promise<Map<number, string>> {
  const content = new Map<number, string>();
  // in slices: a whole list can pass PostgreSQL's 65,535 parameters of one statement
  for (let i = 0; i < assignmentIds.length; i += CONTENT_SLICE) {
    const rows = await db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['a.id', 't.content'])
      .where('a.authority_id', '=', authorityId)
      .where('a.id', 'in', assignmentIds.slice(i, i + CONTENT_SLICE))
      .execute();
    for (const r of rows) content.set(r.id, r.content);
  }
  return content;
}

const CONTENT_SLICE = 10_000;

/**
 * Per facts row `f` (due_on, done_on, cancelled_on, role) what `statKeysOf` (statistics.rules.ts)
 * looks at, in SQL: the state (`stateAsOfSql`, the rule of state.ts), whether it is due by `asOf`,
 * whether it has incurred its written reminder (writtenReminderAsOf, docs/domain-rules.md §6) and how many days
 * it is overdue — so that the database counts a province's figures in one pass and sends one row
 * per agency or plan. test/statistics-sql.test.ts checks both give the same figures, key by key.
 */
function statFactsSql(asOf: LocalDate, uncountedAgencyId: number | null) {
  const d = sql`${asOf}::date`;
  // reminders and days overdue are judged from the follow-up start when it is later (followupDueOn, §6)
  const judged = sql`f.followup_due_on`;
  const counted = uncountedAgencyId === null ? sql`true` : sql`f.agency_id <> ${uncountedAgencyId}`;
  return [
    stateAsOfSql(asOf).as('state'),
    sql<boolean>`(f.cancelled_on is null or f.cancelled_on > ${d}) and f.due_on <= ${d}`.as('due'),
    sql<boolean>`f.role = 'lead' and f.due_on is not null
      and (f.cancelled_on is null or f.cancelled_on > ${judged})
      and (f.done_on is null or f.done_on > ${judged})
      and ${judged} + 1 <= ${d} and ${counted}`.as('reminded'),
    sql<number>`${d} - ${judged}`.as('days'),
  ] as const;
}

/** The condition on a row of `statFactsSql` (alias `c`) under which it counts toward each figure. */
const STAT_CONDITIONS: Record<StatKey, RawBuilder<SqlBool>> = {
  total: sql`true`,
  done_on_time: sql`c.state = 'done_on_time'`,
  done_late: sql`c.state = 'done_late'`,
  open_on_time: sql`c.state = 'open_on_time'`,
  open_overdue: sql`c.state = 'open_overdue'`,
  ongoing: sql`c.state = 'ongoing'`,
  cancelled: sql`c.state = 'cancelled'`,
  due: sql`c.due`,
  due_on_time: sql`c.due and c.state = 'done_on_time'`,
  reminders: sql`c.reminded`,
  d0_30: sql`c.state = 'open_overdue' and c.days <= 30`,
  d31_90: sql`c.state = 'open_overdue' and c.days between 31 and 90`,
  d91_120: sql`c.state = 'open_overdue' and c.days between 91 and 120`,
  d120_plus: sql`c.state = 'open_overdue' and c.days > 120`,
};

/** Due in the period (`inPeriod`), in SQL; null when the period has no end. */
function periodSql(period: Period): RawBuilder<SqlBool> | null {
  if (period.from === undefined && period.to === undefined) return null;
  const from = period.from === undefined ? sql`true` : sql`a.current_due_on >= ${period.from}::date`;
  const to = period.to === undefined ? sql`true` : sql`a.current_due_on <= ${period.to}::date`;
  return sql<SqlBool>`(${from} and ${to})`;
}

/** In force in the period (`inForce`, statistics.rules.ts): due in it, or not done nor withdrawn before it starts. */
function inForceSql(dueIn: RawBuilder<SqlBool>, period: Period): RawBuilder<SqlBool> {
  if (period.from === undefined) return sql<SqlBool>`true`;
  const from = sql`${period.from}::date`;
  return sql<SqlBool>`(coalesce(${dueIn}, false) or not (coalesce(${doneOnSql} < ${from}, false)
    or coalesce(${cancelledOnSql} < ${from}, false)))`;
}

export interface CountedGroup {
  id: number;
  code: string;
  name: string;
  counts: StatCounts;
}

/**
 * Thống kê from the counts the writes keep (`statistic_delta`, migration 2026-12-08T0600): the figures
 * of every agency (or plan) as of `asOf` are the changes dated on or before it — whole years before
 * its year, months of its year before its month, days of its month up to it — a few thousand rows
 * instead of every assignment (issue #18). Only groups with at least one assignment opened by `asOf`
 * (a `total` above zero), as the full aggregate gives them; agencies (or plans) in id order.
 */
export async function countFromDeltas(
  db: Kysely<DB>,
  authorityId: number,
  asOf: LocalDate,
  groupBy: 'agency' | 'plan',
  agencyIds: readonly number[] | null,
): Promise<CountedGroup[]> {
  if (agencyIds && agencyIds.length === 0) return [];
  let deltas = db
    .selectFrom('statistic_delta')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('dimension', '=', groupBy)
    .where(changesUpTo(asOf));
  if (agencyIds) deltas = deltas.where('group_id', 'in', [...agencyIds]);
  const changes = deltas.as('c');
  const sums = STAT_KEYS.map((key) => sql<number>`sum(${sql.ref(`c.${key}`)})`.as(key));
  return toCountedGroups(await perGroup(db, changes, groupBy, sums, countsAnAssignment));
}

/**
 * The facts rows (`listAssignmentFacts`, in its order, with the task's content) that can be open overdue
 * or have incurred their written reminder as of `asOf`, among those in force in `period`: due before
 * `asOf` and not done by their due date — what both rules need whatever the plan's follow-up start
 * (docs/domain-rules.md §5, §6) — so that a report's two lists read their rows, not every assignment.
 * The caller applies `statKeysOf` to each, as to every facts row.
 */
export async function listOverdueOrRemindedFacts(
  db: Kysely<DB>,
  authorityId: number,
  filter: AssignmentFactsFilter,
  period: Period & { from: LocalDate; to: LocalDate },
  asOf: LocalDate,
) {
  const base = factsBase(db, authorityId, filter);
  if (!base) return [];
  return (
    base
      .where(sql<SqlBool>`a.current_due_on < ${asOf}::date`)
      .where(sql<SqlBool>`(${doneOnSql} is null or ${doneOnSql} > a.current_due_on)`)
      .where(inForceSql(periodSql(period) ?? sql<SqlBool>`true`, period))
      // implied by the two above (done after the due date, so after the period's start when due in it):
      // the range of index assignment_late_or_open (migration 2026-12-09T0100) that holds the rows
      .where(sql<SqlBool>`coalesce(a.done_on, 'infinity'::date) >= ${period.from}::date`)
      .select([...FACTS_COLUMNS, 't.content'])
      .orderBy('g.id')
      .orderBy('p.id')
      .orderBy('t.position')
      .orderBy('a.occurrence')
      .execute()
  );
}

/** A group's figures in a report, with its open assignments due after the period ("chưa đến hạn"). */
export interface ReportCountedGroup extends CountedGroup {
  /** of `counts.open_on_time`, those due after the period's end (report-categories.ts `not_yet_due`) */
  notYetDue: number;
}

/** Whether a period is whole calendar months (from the 1st of one to the last day of another). */
export function isWholeMonths(from: LocalDate, to: LocalDate): boolean {
  if (!from.endsWith('-01')) return false;
  const [year, month] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return to === `${to.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/**
 * A report's figures from the counts the writes keep (`report_delta`, migration 2026-12-09T0100): the
 * lead assignments in force in a period of whole months [from, to] (`inForce`, statistics.rules.ts:
 * due in it, or neither done nor withdrawn before it starts) counted as of `asOf`, per agency or plan,
 * as `countStatistics` with `scope: 'in_force'` gives them — the same sums over the as-of grains as
 * `countFromDeltas`, over the cells of due month and end month the period holds. Only groups with
 * an assignment counted (a `total` above zero), in id order.
 */
export async function countReportFromDeltas(
  db: Kysely<DB>,
  authorityId: number,
  period: { from: LocalDate; to: LocalDate },
  asOf: LocalDate,
  groupBy: 'agency' | 'plan',
): Promise<ReportCountedGroup[]> {
  if (!isWholeMonths(period.from, period.to)) {
    throw new Error(`countReportFromDeltas: not a period of whole months: ${period.from} – ${period.to}`);
  }
  const lastMonth = `${period.to.slice(0, 7)}-01`;
  const changes = db
    .selectFrom('report_delta')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('dimension', '=', groupBy)
    .where(changesUpTo(asOf))
    // in force: due in the period, or done / withdrawn in its first month or later ('infinity': neither)
    .where(({ or, eb }) =>
      or([eb.between('due_month', period.from, lastMonth), eb('end_month', '>=', period.from)]),
    )
    .as('c');
  const sums = [
    ...STAT_KEYS.map((key) => sql<number>`sum(${sql.ref(`c.${key}`)})`.as(key)),
    sql<number>`coalesce(sum(c.open_on_time) filter (where c.due_month > ${lastMonth}::date
      and c.due_month <> 'infinity'::date), 0)`.as('not_yet_due'),
  ];
  const rows = (await perGroup(db, changes, groupBy, sums, countsAnAssignment)) as {
    not_yet_due: number | string;
  }[];
  return toCountedGroups(rows).map((g, i) => ({ ...g, notYetDue: Number(rows[i]?.not_yet_due ?? 0) }));
}

/**
 * Thống kê counted by the database: the figures of every agency (or plan) of a facts scope as of a
 * date, for assignments whose current due date falls in the period — what summarising
 * `listAssignmentFacts` row by row gives, in one aggregate. Agencies and plans in id order.
 */
export async function countStatistics(
  db: Kysely<DB>,
  authorityId: number,
  filter: AssignmentFactsFilter,
  asOf: LocalDate,
  period: Period,
  groupBy: 'agency' | 'plan',
  /** the agency whose reminders do not count (counted-reminders.ts), or null */
  uncountedAgencyId: number | null = null,
): Promise<CountedGroup[]> {
  let base = factsBase(db, authorityId, filter);
  if (!base) return [];
  const dueIn = periodSql(period);
  if (dueIn) base = base.where(period.scope === 'in_force' ? inForceSql(dueIn, period) : dueIn);
  const facts = base
    .select([
      'a.agency_id',
      'p.id as plan_id',
      'a.role',
      'a.current_due_on as due_on',
      followupDueOnSql.as('followup_due_on'),
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
    ])
    .as('f');
  const perRow = db
    .selectFrom(facts)
    .select([
      sql<number>`${sql.ref(groupBy === 'agency' ? 'f.agency_id' : 'f.plan_id')}`.as('group_id'),
      ...statFactsSql(asOf, uncountedAgencyId),
    ])
    .as('c');
  const counts = STAT_KEYS.map((key) => sql<number>`count(*) filter (where ${STAT_CONDITIONS[key]})`.as(key));
  return toCountedGroups(await perGroup(db, perRow, groupBy, counts));
}

/**
 * The kept changes (statistic_delta, report_delta) that make the counts as of `asOf`: whole years before its
 * year, months of its year before its month, days of its month up to it — one scan of three ranges of the
 * primary key (as a union of three scans PostgreSQL ran them in parallel workers: 130 ms instead of 10 at 1M
 * on 2 cores).
 */
function changesUpTo(asOf: LocalDate): RawBuilder<SqlBool> {
  const [year, month] = asOf.split('-') as [string, string];
  const yearStart = `${year}-01-01`;
  const monthStart = `${year}-${month}-01`;
  return sql<SqlBool>`((grain = 'y' and day < ${yearStart})
    or (grain = 'm' and day >= ${yearStart} and day < ${monthStart})
    or (grain = 'd' and day >= ${monthStart} and day <= ${asOf}))`;
}

/** A group of kept changes that counts at least one assignment (its `total` above zero). */
const countsAnAssignment = sql<SqlBool>`sum(c.total) > 0`;

/**
 * The aggregates of the rows `c` (facts counted one by one, or kept changes of statistic_delta or
 * report_delta) per agency, or per plan, by their `group_id`, in id order; with `having`, only the
 * groups it holds for (the kept changes: those that count at least one assignment, as the full
 * aggregate gives them).
 */
function perGroup(
  db: Kysely<DB>,
  rows: AliasedSelectQueryBuilder<{ group_id: number }, 'c'>,
  groupBy: 'agency' | 'plan',
  aggregates: readonly AliasedRawBuilder<number, string>[],
  having: RawBuilder<SqlBool> = sql<SqlBool>`true`,
): Promise<unknown[]> {
  const query =
    groupBy === 'agency'
      ? db
          .selectFrom(rows)
          .innerJoin('agency as g', 'g.id', 'c.group_id')
          .select(['g.id', 'g.code', 'g.name'])
          .select(aggregates)
          .groupBy('g.id')
          .having(having)
          .orderBy('g.id')
      : db
          .selectFrom(rows)
          .innerJoin('plan as p', 'p.id', 'c.group_id')
          .select(['p.id', 'p.number as code', sql<string>`''`.as('name')])
          .select(aggregates)
          .groupBy('p.id')
          .having(having)
          .orderBy('p.id');
  return query.execute();
}

/** A grouped aggregate's rows (id, code, name and one column per key; bigint sums come as text) as figures. */
function toCountedGroups(result: unknown[]): CountedGroup[] {
  const rows = result as (Record<StatKey, number | string> & { id: number; code: string; name: string })[];
  return rows.map((row) => {
    const counts = emptyStatCounts();
    for (const key of STAT_KEYS) counts[key] = Number(row[key]);
    return { id: row.id, code: row.code, name: row.name, counts };
  });
}
