import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  assignmentsWithPlan,
  assignmentsWithPlanAndAgency,
  cancelledOnSql,
  doneOnSql,
  followupDueOnSql,
} from '../../db/assignment-facts.ts';
import { inSlices } from '../../db/chunks.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import type { NotificationDraft } from './notices.ts';

/**
 * Kysely functions of the follow-up engine. Every insert that the sweep makes carries a unique
 * business key and `on conflict do nothing`, so a re-run (or a second process) adds nothing.
 */

/** Serialises the sweeps of one (authority, day) across processes until the transaction ends. */
export async function lockSweepDay(trx: Kysely<DB>, authorityId: number, day: LocalDate): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`dondoc.sweep:${authorityId}:${day}`}, 0))`.execute(
    trx,
  );
}

/** Claims a day for this transaction; false when it was swept already (by anyone). */
export async function claimSweepDay(trx: Kysely<DB>, authorityId: number, day: LocalDate): Promise<boolean> {
  const row = await trx
    .insertInto('sweep_day')
    .values({ authority_id: authorityId, day })
    .onConflict((oc) => oc.columns(['authority_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims, in one short transaction, days on which a catch-up has nothing to record (each under its
 * own advisory lock, taken in day order); returns the days this call claimed.
 */
export async function claimQuietDays(
  db: Kysely<DB>,
  authorityId: number,
  days: LocalDate[],
): Promise<LocalDate[]> {
  if (days.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    for (const day of [...days].sort()) await lockSweepDay(trx, authorityId, day);
    const rows = await trx
      .insertInto('sweep_day')
      .values(days.map((day) => ({ authority_id: authorityId, day })))
      .onConflict((oc) => oc.columns(['authority_id', 'day']).doNothing())
      .returning('day')
      .execute();
    return rows.map((r) => r.day).sort();
  });
}

/**
 * Where a catch-up starts, and the days swept already from there on, in one read of the authority's
 * swept days: the start is the first day ever swept (days before it are never swept, so a plan
 * registered late gets its past reminders in the next sweep's letter), else the first plan's date
 * (null: nothing to sweep yet).
 */
export async function readSweepStart(
  db: Kysely<DB>,
  authorityId: number,
): Promise<{ first: LocalDate | null; swept: Set<LocalDate> }> {
  const rows = await db
    .selectFrom('sweep_day')
    .select('day')
    .where('authority_id', '=', authorityId)
    .execute();
  const swept = new Set(rows.map((r) => r.day));
  let first: LocalDate | null = null;
  for (const day of swept) if (first === null || day < first) first = day;
  if (first !== null) return { first, swept };
  const plan = await db
    .selectFrom('plan')
    .select((eb) => eb.fn.min('issued_on').as('day'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return { first: plan?.day ?? null, swept };
}

/** Who can receive follow-up messages: the authority's enabled users. */
export function listRecipients(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'agency_id', 'email', 'is_head', 'display_name'])
    .where('authority_id', '=', authorityId)
    .where('disabled', '=', false)
    .orderBy('id')
    .execute();
}

export type RecipientRow = Awaited<ReturnType<typeof listRecipients>>[number];

/**
 * What the letters and messages quote of these assignments: task content, plan header. In slices: a
 * first sweep over a large province's past plans quotes more than PostgreSQL's 65,535 parameters.
 */
export function listAssignmentDetails(db: Kysely<DB>, authorityId: number, ids: number[]) {
  return inSlices(ids, (slice) =>
    assignmentsWithPlan(db)
      .select(['a.id', 't.content', 'p.title as plan_title', 'p.issued_on as plan_issued_on'])
      .where('a.authority_id', '=', authorityId)
      .where('a.id', 'in', slice)
      .execute(),
  );
}

export type AssignmentDetail = Awaited<ReturnType<typeof listAssignmentDetails>>[number];

type FactsQuery = ExpressionBuilder<
  DB & { a: DB['assignment']; t: DB['task']; p: DB['plan'] },
  'a' | 't' | 'p'
>;

/** writtenReminderFor's condition on the facts: a due date, not cancelled nor done by it. */
const ruleGivesReminder = (eb: FactsQuery) =>
  eb.and([
    eb('a.current_due_on', 'is not', null),
    // judged from the plan's follow-up start when it is later (followupDueOn, docs/domain-rules.md §6)
    sql<boolean>`(${cancelledOnSql} <= ${followupDueOnSql}) is not true`,
    sql<boolean>`(${doneOnSql} <= ${followupDueOnSql}) is not true`,
  ]);

/**
 * The SQL side of writtenReminderFor (domain/reminders.ts): a lead assignment with a due date, no
 * reminder recorded yet (withdrawn ones included), not cancelled by its due date and without an
 * accepted result received by it. Exactly the rule's condition, so the rows are the candidates and
 * the rule itself still decides (with the day: remindedOn ≤ day, opened by the day).
 */
const canStillBeReminded = (eb: FactsQuery) =>
  eb.and([
    ruleGivesReminder(eb),
    eb.not(
      eb.exists(
        eb.selectFrom('written_reminder as w').select('w.id').whereRef('w.assignment_id', '=', 'a.id'),
      ),
    ),
  ]);

/**
 * What a sweep day reads of the lead assignments existing on `day`:
 * - `{ noticeUntil }`: those the rule can still give a reminder by the end of the day, and (when
 *   `noticeUntil` is a date) those open at the end of the day — neither cancelled nor done by then —
 *   due by `noticeUntil` (the day plus the longest notice offset): the overdue ones the digests,
 *   escalations and overdue lists read, and the ones the notices of the day may name;
 * - `{ ids }`: of these assignments (a catch-up day's candidates), those the rule can still remind.
 * Closed work (done on time, cancelled, reminded and then done) is not read. Ordered like
 * listAssignmentFacts (agency, plan, task, occurrence), the order letters and lists quote.
 */
export async function listSweepFacts(
  db: Kysely<DB>,
  authorityId: number,
  day: LocalDate,
  scope: { noticeUntil: LocalDate | null } | { ids: readonly number[] },
) {
  const query = assignmentsWithPlanAndAgency(db)
    // at most one row (unique per assignment): a join, not a subquery inside the OR below, which
    // the planner costs as if run per row (and then compiles the query with JIT, ~0.5 s at 100k)
    .leftJoin('written_reminder as w', 'w.assignment_id', 'a.id')
    .select([
      'a.id',
      ...ASSIGNMENT_LABEL_COLUMNS,
      'p.id as plan_id',
      't.position as task_position',
      't.leader_user_id',
      'a.current_due_on as due_on',
      'p.followup_from',
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
      sql<boolean>`w.id is not null`.as('reminded'),
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .where('a.opens_on', '<=', day)
    .where('p.issued_on', '<=', day);
  if ('ids' in scope) {
    const rows = await inSlices(scope.ids, (ids) =>
      query.where('a.id', 'in', ids).where('w.id', 'is', null).where(ruleGivesReminder).execute(),
    );
    return rows.sort(
      (x, y) =>
        x.agency_id - y.agency_id ||
        x.plan_id - y.plan_id ||
        x.task_position - y.task_position ||
        x.occurrence - y.occurrence ||
        x.id - y.id,
    );
  }
  const { noticeUntil } = scope;
  return query
    .where((eb) =>
      eb.or([
        eb.and([eb('a.current_due_on', '<', day), eb('w.id', 'is', null), ruleGivesReminder(eb)]),
        ...(noticeUntil === null
          ? []
          : [
              eb.and([
                eb('a.current_due_on', '<=', noticeUntil),
                sql<boolean>`(${cancelledOnSql} <= ${day}) is not true`,
                sql<boolean>`(${doneOnSql} <= ${day}) is not true`,
              ]),
            ]),
      ]),
    )
    .orderBy('g.id')
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('a.occurrence')
    .orderBy('a.id')
    .execute();
}

export type SweepFactsRow = Awaited<ReturnType<typeof listSweepFacts>>[number];

/**
 * The catch-up's candidates: every lead assignment the rule can still give a reminder (whatever the
 * day), with the first day it exists on (its period opened and its plan issued).
 */
export function listReminderCandidates(db: Kysely<DB>, authorityId: number) {
  return assignmentsWithPlan(db)
    .select([
      'a.id',
      'a.current_due_on as due_on',
      'p.followup_from',
      sql<LocalDate>`greatest(a.opens_on, p.issued_on)`.as('opened_on'),
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .where(canStillBeReminded)
    .execute();
}

export async function listRemindedAssignmentIds(db: Kysely<DB>, authorityId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('written_reminder')
    .select('assignment_id')
    .where('authority_id', '=', authorityId)
    .execute();
  return new Set(rows.map((r) => r.assignment_id));
}

export interface NewWrittenReminder {
  assignmentId: number;
  agencyId: number;
  dueOn: LocalDate;
  remindedOn: LocalDate;
  year: number;
}

/**
 * Records reminders, on the sweep day `recordedOn` (default: each one's reminder date); returns only
 * the rows this call created (unique per assignment occurrence).
 */
export async function insertWrittenReminders(
  trx: Kysely<DB>,
  authorityId: number,
  rows: NewWrittenReminder[],
  recordedOn?: LocalDate,
) {
  // in slices: the first sweep over a province's past plans can record tens of thousands at once
  return inSlices(rows, (slice) =>
    trx
      .insertInto('written_reminder')
      .values(
        slice.map((r) => ({
          authority_id: authorityId,
          assignment_id: r.assignmentId,
          agency_id: r.agencyId,
          due_on: r.dueOn,
          reminded_on: r.remindedOn,
          recorded_on: recordedOn ?? r.remindedOn,
          year: r.year,
        })),
      )
      .onConflict((oc) => oc.column('assignment_id').doNothing())
      .returning(['id', 'assignment_id', 'agency_id', 'due_on'])
      .execute(),
  );
}

/** A notification drafted by notices.ts, in its authority. */
export interface NotificationInsert extends NotificationDraft {
  authorityId: number;
}

/** Which of these notification business keys are taken already. */
export async function listTakenNotificationKeys(
  db: Kysely<DB>,
  keys: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const found = await db
      .selectFrom('notification')
      .select('business_key')
      .where('business_key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const f of found) taken.add(f.business_key);
  }
  return taken;
}

/** Inserts the notifications not there yet; returns those this call created. */
export async function insertNotifications(trx: Kysely<DB>, rows: NotificationInsert[]) {
  if (rows.length === 0) return [];
  const existing = await listTakenNotificationKeys(
    trx,
    rows.map((r) => r.businessKey),
  );
  const fresh = rows.filter((r) => !existing.has(r.businessKey));
  if (fresh.length === 0) return [];
  return inSlices(fresh, (slice) =>
    trx
      .insertInto('notification')
      .values(
        slice.map((r) => ({
          authority_id: r.authorityId,
          user_id: r.userId,
          kind: r.kind,
          business_key: r.businessKey,
          title: r.title,
          body: r.body,
          link: r.link,
          assignment_id: r.assignmentId,
        })),
      )
      .onConflict((oc) => oc.column('business_key').doNothing())
      .returning(['id', 'user_id', 'kind', 'title', 'body', 'business_key'])
      .execute(),
  );
}

export type InsertedNotification = Awaited<ReturnType<typeof insertNotifications>>[number];
