import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  assignmentsWithPlanAndAgency,
  cancelledOnSql,
  doneOnSql,
  scopeAgencyIds,
} from '../../db/assignment-facts.ts';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { listOfAssignment } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import type { AssignmentState } from '../../domain/state.ts';
import { listFilesOfResults } from '../results/results.repo.ts';

/** Which assignments a facts query covers (always one authority). */
export interface FactsScope {
  authorityId: number;
  planId?: number | undefined;
  /** lãnh đạo phụ trách: only tasks in this leader's charge */
  leaderUserId?: number | undefined;
  role?: 'lead' | 'support' | undefined;
  /** only these agencies (an agency user's scope); null/undefined = every agency */
  agencyIds?: readonly number[] | null | undefined;
  /** only assignments that exist by this date: plan issued and occurrence opened (as the status counts) */
  openedBy?: LocalDate | undefined;
  /** accent-insensitive text in the task content, the plan number or the agency name */
  q?: string | undefined;
  dueFrom?: LocalDate | undefined;
  dueTo?: LocalDate | undefined;
  /** include sub-assignments (phân công lại), which the lists and counts leave out as the status does */
  subAssignments?: boolean;
}

/**
 * One row per assignment with everything its §5 state depends on — the same facts and the same
 * rows as `listAssignmentFacts` (status.repo.ts): the effective due date, the submission date of the
 * earliest accepted result, the earliest cancellation of the assignment, its task or its plan;
 * sub-assignments left out — plus what the work list shows and sorts by. Use it as a subquery:
 * `selectFrom(assignmentFacts(…).as('f'))`.
 */
export function assignmentFacts(db: Kysely<DB>, scope: FactsScope) {
  let query = assignmentsWithPlanAndAgency(db)
    .select([
      'a.id',
      ...ASSIGNMENT_LABEL_COLUMNS,
      'p.id as plan_id',
      'p.issued_on as plan_issued_on',
      't.id as task_id',
      't.content as task_content',
      't.position as task_position',
      't.section_id',
      'a.role',
      'a.period_label',
      'a.opens_on',
      'a.original_due_on',
      'a.current_due_on as due_on',
      cancelledOnSql.as('cancelled_on'),
      doneOnSql.as('done_on'),
    ])
    .where('a.authority_id', '=', scope.authorityId);
  if (!scope.subAssignments) query = query.where('a.parent_assignment_id', 'is', null);
  if (scope.planId !== undefined) query = query.where('p.id', '=', scope.planId);
  if (scope.leaderUserId !== undefined) query = query.where('t.leader_user_id', '=', scope.leaderUserId);
  if (scope.role) query = query.where('a.role', '=', scope.role);
  if (scope.agencyIds) {
    // an empty scope matches nothing
    query = query.where('a.agency_id', 'in', scopeAgencyIds(scope.agencyIds));
  }
  if (scope.openedBy) {
    query = query.where('a.opens_on', '<=', scope.openedBy).where('p.issued_on', '<=', scope.openedBy);
  }
  if (scope.dueFrom) query = query.where('a.current_due_on', '>=', scope.dueFrom);
  if (scope.dueTo) query = query.where('a.current_due_on', '<=', scope.dueTo);
  const q = scope.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    const folded = (column: Expression<string>) => sql<SqlBool>`fold_vi(${column}) like fold_vi(${pattern})`;
    query = query.where((eb) =>
      eb.or([folded(eb.ref('t.content')), folded(eb.ref('p.number')), folded(eb.ref('g.name'))]),
    );
  }
  return query;
}

/** `like` pattern for "contains `text`" with its own `%`, `_` and `\\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The §5 state of a facts row as of the end of `asOf`, in SQL: the rule of `assignmentStateAsOf`
 * (src/domain/state.ts) so that lists can filter, count and page by state. Tests check that the
 * two agree with the status counts.
 */
export function stateAsOfSql(asOf: LocalDate) {
  const d = sql`${asOf}::date`;
  return sql<AssignmentState>`case
    when f.cancelled_on is not null and f.cancelled_on <= ${d} then 'cancelled'
    when f.done_on is not null and f.done_on <= ${d} then
      case when f.due_on is null or f.done_on <= f.due_on then 'done_on_time' else 'done_late' end
    when f.due_on is null then 'ongoing'
    when f.due_on < ${d} then 'open_overdue'
    else 'open_on_time'
  end`;
}

/**
 * "The state as of `asOf` is `state`", written as plain predicates on the facts row — the same rule
 * as `stateAsOfSql`, unrolled so that PostgreSQL can use a range of the due-date index
 * (`current_due_on < asOf` for overdue) instead of computing the CASE for every row of a scope.
 */
export function stateIsSql(asOf: LocalDate, state: AssignmentState) {
  const d = sql`${asOf}::date`;
  const notCancelled = sql`(f.cancelled_on is null or f.cancelled_on > ${d})`;
  // = (done_on is null or done_on > asOf), written as the expression of index assignment_agency_open
  const notDone = sql`coalesce(f.done_on, 'infinity'::date) > ${d}`;
  const done = sql`f.done_on <= ${d}`;
  switch (state) {
    case 'cancelled':
      return sql<SqlBool>`f.cancelled_on <= ${d}`;
    case 'done_on_time':
      return sql<SqlBool>`${notCancelled} and ${done} and (f.due_on is null or f.done_on <= f.due_on)`;
    case 'done_late':
      return sql<SqlBool>`${notCancelled} and ${done} and f.done_on > f.due_on`;
    case 'ongoing':
      return sql<SqlBool>`${notCancelled} and ${notDone} and f.due_on is null`;
    case 'open_overdue':
      return sql<SqlBool>`${notCancelled} and ${notDone} and f.due_on < ${d}`;
    case 'open_on_time':
      return sql<SqlBool>`${notCancelled} and ${notDone} and f.due_on >= ${d}`;
  }
}

export type WorkListSort = 'dueOn' | 'agency' | 'plan';

export interface WorkListQuery extends FactsScope {
  asOf: LocalDate;
  state?: AssignmentState | undefined;
  sort: WorkListSort;
  direction: 'asc' | 'desc';
}

/** The work list: facts with their state as of a date, filtered by state, one page of them and the total. */
export function listAssignments(db: Kysely<DB>, query: WorkListQuery, page: PageRequest) {
  const facts = db.selectFrom(assignmentFacts(db, query).as('f'));
  const base = query.state ? facts.where(stateIsSql(query.asOf, query.state)) : facts;
  return selectPage(base, page, (rows) => {
    let sorted = rows.selectAll('f').select(stateAsOfSql(query.asOf).as('state'));
    const direction = query.direction;
    if (query.sort === 'dueOn') sorted = sorted.orderBy('f.due_on', (ob) => ob[direction]().nullsLast());
    if (query.sort === 'agency') sorted = sorted.orderBy('f.agency_id', direction);
    if (query.sort === 'plan')
      sorted = sorted.orderBy('f.plan_issued_on', direction).orderBy('f.plan_id', direction);
    return sorted
      .orderBy('f.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('f.plan_id')
      .orderBy('f.task_position')
      .orderBy('f.agency_id')
      .orderBy('f.occurrence')
      .orderBy('f.id');
  });
}

export type WorkListRow = Awaited<ReturnType<typeof listAssignments>>['rows'][number];

/** Every assignment of a scope with its state as of a date (a plan's detail, per-plan counts). */
export function listFactsWithState(db: Kysely<DB>, scope: FactsScope, asOf: LocalDate) {
  return db
    .selectFrom(assignmentFacts(db, scope).as('f'))
    .selectAll('f')
    .select(stateAsOfSql(asOf).as('state'))
    .orderBy('f.task_position')
    .orderBy('f.role')
    .orderBy('f.agency_id')
    .orderBy('f.occurrence')
    .execute();
}

/** The §5 counts per plan of lead assignments that exist by `asOf` — the work list's `state` filter, grouped. */
export function countStatesByPlan(db: Kysely<DB>, authorityId: number, planIds: number[], asOf: LocalDate) {
  if (planIds.length === 0) return Promise.resolve([]);
  const states = db
    .selectFrom(assignmentFacts(db, { authorityId, role: 'lead', openedBy: asOf }).as('f'))
    .where('f.plan_id', 'in', planIds)
    .select(['f.plan_id', stateAsOfSql(asOf).as('state')]);
  return db
    .selectFrom(states.as('s'))
    .select(['s.plan_id', 's.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['s.plan_id', 's.state'])
    .execute();
}

/** One assignment's facts with its state, or undefined if the authority has no such assignment. */
export function findAssignmentFacts(db: Kysely<DB>, authorityId: number, id: number, asOf: LocalDate) {
  return db
    .selectFrom(assignmentFacts(db, { authorityId, subAssignments: true }).where('a.id', '=', id).as('f'))
    .selectAll('f')
    .select(stateAsOfSql(asOf).as('state'))
    .executeTakeFirst();
}

/** What the detail page shows around an assignment: its own row, results (with files), extensions, obstacles. */
export async function loadAssignmentHistory(db: Kysely<DB>, authorityId: number, assignmentId: number) {
  const assignment = await db
    .selectFrom('assignment')
    .select(['cancelled_on', 'parent_assignment_id', 'moved_to_assignment_id', 'version'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', assignmentId)
    .executeTakeFirstOrThrow();
  const results = await listOfAssignment(db, 'result_submission', authorityId, assignmentId, 'submitted_on');
  const files = await listFilesOfResults(
    db,
    authorityId,
    results.map((r) => r.id),
  );
  const extensions = await listOfAssignment(
    db,
    'extension_request',
    authorityId,
    assignmentId,
    'requested_on',
  );
  const obstacles = await listOfAssignment(db, 'obstacle', authorityId, assignmentId, 'reported_on');
  return { assignment, results, files, extensions, obstacles };
}
