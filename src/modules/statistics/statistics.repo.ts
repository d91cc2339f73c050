import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { cancelledOnSql, doneOnSql } from '../../db/assignment-facts.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { stateIsSql } from '../assignments/assignments.repo.ts';
import { type AssignmentFactsFilter, factsBase } from '../status/status.repo.ts';
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
    .select(['id', 'number', 'title'])
    .where('authority_id', '=', authorityId)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
}

export function findAgencyOfAuthority(db: Kysely<DB>, authorityId: number, agencyId: number) {
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
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
 * The condition under which one assignment counts toward each figure as of `asOf` — `statKeysOf`
 * (statistics.rules.ts) written in SQL over the facts `f` (due_on, done_on, cancelled_on, role), so
 * that the database counts a province's figures in one pass and sends one row per agency or plan.
 * test/statistics-sql.test.ts checks that both give the same figures, key by key.
 */
export function statConditionsSql(asOf: LocalDate): Record<StatKey, RawBuilder<SqlBool>> {
  const d = sql`${asOf}::date`;
  const state = (s: Parameters<typeof stateIsSql>[1]) => stateIsSql(asOf, s);
  const notCancelled = sql`(f.cancelled_on is null or f.cancelled_on > ${d})`;
  const due = sql<SqlBool>`${notCancelled} and f.due_on <= ${d}`;
  const overdueDays = sql`(${d} - f.due_on)`;
  const overdue = state('open_overdue');
  return {
    total: sql<SqlBool>`true`,
    done_on_time: state('done_on_time'),
    done_late: state('done_late'),
    open_on_time: state('open_on_time'),
    open_overdue: overdue,
    ongoing: state('ongoing'),
    cancelled: state('cancelled'),
    due,
    due_on_time: sql<SqlBool>`${due} and ${state('done_on_time')}`,
    // DOMAIN.md §6 (writtenReminderAsOf): a lead assignment past its deadline, not withdrawn by then,
    // no accepted result received by then, counted from the day after the deadline
    reminders: sql<SqlBool>`f.role = 'lead' and f.due_on is not null
      and (f.cancelled_on is null or f.cancelled_on > f.due_on)
      and (f.done_on is null or f.done_on > f.due_on)
      and f.due_on + 1 <= ${d}`,
    d0_30: sql<SqlBool>`${overdue} and ${overdueDays} <= 30`,
    d31_90: sql<SqlBool>`${overdue} and ${overdueDays} between 31 and 90`,
    d91_120: sql<SqlBool>`${overdue} and ${overdueDays} between 91 and 120`,
    d120_plus: sql<SqlBool>`${overdue} and ${overdueDays} > 120`,
  };
}

export interface CountedGroup {
  id: number;
  code: string;
  name: string;
  counts: StatCounts;
}

/**
 * Thống kê counted by the database: the figures of every agency (or plan) of a facts scope as of a
 * date, for assignments whose current due date falls in the period — what summarising
 * `listAssignmentFacts` row by row gives, in one aggregate. Agencies in id order; plans in the order
 * they first appear in that list (by agency, then plan).
 */
export async function countStatistics(
  db: Kysely<DB>,
  authorityId: number,
  filter: AssignmentFactsFilter,
  asOf: LocalDate,
  period: Period,
  groupBy: 'agency' | 'plan',
): Promise<CountedGroup[]> {
  let base = factsBase(db, authorityId, filter);
  if (!base) return [];
  if (period.from !== undefined) base = base.where('a.current_due_on', '>=', period.from);
  if (period.to !== undefined) base = base.where('a.current_due_on', '<=', period.to);
  const facts = base
    .select([
      'a.agency_id',
      'g.code as agency_code',
      'g.name as agency_name',
      'p.id as plan_id',
      'p.number as plan_number',
      'a.role',
      'a.current_due_on as due_on',
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
    ])
    .as('f');
  const conditions = statConditionsSql(asOf);
  const counts = STAT_KEYS.map((key) => sql<number>`count(*) filter (where ${conditions[key]})`.as(key));
  const grouped =
    groupBy === 'agency'
      ? db
          .selectFrom(facts)
          .select(['f.agency_id as id', 'f.agency_code as code', 'f.agency_name as name'])
          .select(counts)
          .groupBy(['f.agency_id', 'f.agency_code', 'f.agency_name'])
          .orderBy('f.agency_id')
      : db
          .selectFrom(facts)
          .select(['f.plan_id as id', 'f.plan_number as code', sql<string>`''`.as('name')])
          .select(counts)
          .groupBy(['f.plan_id', 'f.plan_number'])
          .orderBy(sql`min(f.agency_id)`)
          .orderBy('f.plan_id');
  const rows = (await grouped.execute()) as unknown as (Record<StatKey, number | string> & {
    id: number;
    code: string;
    name: string;
  })[];
  return rows.map((row) => {
    const counts = emptyStatCounts();
    for (const key of STAT_KEYS) counts[key] = Number(row[key]);
    return { id: row.id, code: row.code, name: row.name, counts };
  });
}
