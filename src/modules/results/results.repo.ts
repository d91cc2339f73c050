import type { Insertable, Selectable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  type AssignmentRowFilter,
  assignmentsOfFilter,
  assignmentsWithPlan,
  hasAcceptedSql,
} from '../../db/assignment-facts.ts';
import { decidedIfPending, insertRow } from '../../db/rows.ts';
import type { DB, ResultSubmissionTable } from '../../db/schema.ts';

/**
 * An assignment as submitting and deciding a result need it: its agency, the agency of the
 * assignment it was sub-assigned from (null for a top-level one), whether it is cancelled (itself,
 * its parent, its task or its plan) or moved to a successor, and its plan's issue date. `lock` takes the row
 * lock (FOR UPDATE) so two submissions for one assignment are checked one after the other.
 *
 * The row is found by its primary key alone and the authority compared here, not in the WHERE: with
 * `authority_id = $` beside `id = $`, PostgreSQL may pick `assignment_agency_due` (authority first)
 * when its statistics are older than the authority's rows, and then reads every assignment of the
 * authority to keep one (140 ms at 270k rows; it made submit + accept take seconds over HTTP). A
 * caller locks only an id it has already read unlocked in its own authority.
 */
export async function findAssignmentForResult(db: Kysely<DB>, authorityId: number, id: number, lock = false) {
  const query = assignmentsWithPlan(db)
    .leftJoin('assignment as pa', 'pa.id', 'a.parent_assignment_id')
    .select([
      'a.id',
      'a.authority_id',
      'a.agency_id',
      'a.parent_assignment_id',
      'a.moved_to_assignment_id',
      'a.current_due_on',
      'p.issued_on as plan_issued_on',
      'pa.agency_id as parent_agency_id',
      sql<string | null>`least(a.cancelled_on, pa.cancelled_on, t.cancelled_on, p.cancelled_on)`.as(
        'cancelled_on',
      ),
    ])
    .where('a.id', '=', id);
  const row = await (lock ? query.forUpdate('a') : query).executeTakeFirst();
  return row?.authority_id === authorityId ? row : undefined;
}

export type AssignmentForResult = NonNullable<Awaited<ReturnType<typeof findAssignmentForResult>>>;

/** The assignment a result belongs to, by the result's primary key (the authority compared after, as above). */
export async function findResultAssignment(db: Kysely<DB>, authorityId: number, resultId: number) {
  const row = await db
    .selectFrom('result_submission')
    .select(['assignment_id as assignmentId', 'authority_id as authorityId'])
    .where('id', '=', resultId)
    .executeTakeFirst();
  return row?.authorityId === authorityId ? row : undefined;
}

/**
 * How many accepted and pending results an assignment has — of one reporting period for a periodic
 * result (`period`), else of those that complete it.
 */
export async function countOpenResults(db: Kysely<DB>, assignmentId: number, period: string | null = null) {
  const rows = await db
    .selectFrom('result_submission')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignment_id', '=', assignmentId)
    .where('period', period === null ? 'is' : '=', period)
    .where('status', 'in', ['accepted', 'pending'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { accepted: count('accepted'), pending: count('pending') };
}

export interface ResultFilter extends AssignmentRowFilter {
  status?: 'pending' | 'accepted' | 'returned' | undefined;
  /** true: only results of sub-assignments; false: only top-level ones */
  internal?: boolean | undefined;
  resultId?: number;
}

/** The one query behind the result list, its total and a single result (same joins, same filters). */
function resultsQuery(db: Kysely<DB>, authorityId: number, filter: ResultFilter) {
  let query = assignmentsOfFilter(db, filter)
    .innerJoin('result_submission as r', 'r.assignment_id', 'a.id')
    .where('r.authority_id', '=', authorityId);
  if (filter.resultId !== undefined) query = query.where('r.id', '=', filter.resultId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.internal === true) query = query.where('a.parent_assignment_id', 'is not', null);
  if (filter.internal === false) query = query.where('a.parent_assignment_id', 'is', null);
  return query;
}

export async function countResults(db: Kysely<DB>, authorityId: number, filter: ResultFilter) {
  const row = await resultsQuery(db, authorityId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listResultRows(
  db: Kysely<DB>,
  authorityId: number,
  filter: ResultFilter,
  page: { limit: number; offset: number } = { limit: 1, offset: 0 },
) {
  return resultsQuery(db, authorityId, filter)
    .select([
      'r.id',
      'r.assignment_id',
      'a.parent_assignment_id',
      ...ASSIGNMENT_LABEL_COLUMNS,
      'a.current_due_on',
      'r.submitted_on',
      'r.period',
      'r.document_number',
      'r.note',
      'r.status',
      'r.decided_on',
      'r.decided_by',
      'r.return_reason',
    ])
    .orderBy('r.submitted_on')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export type ResultRow = Awaited<ReturnType<typeof listResultRows>>[number];

/** The files attached to these results, in upload order. */
export function listFilesOfResults(db: Kysely<DB>, authorityId: number, resultIds: readonly number[]) {
  if (resultIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('result_file as rf')
    .innerJoin('stored_file as f', 'f.id', 'rf.file_id')
    .select(['rf.result_id', 'f.id', 'f.file_name', 'f.media_type', 'f.size_bytes'])
    .where('rf.authority_id', '=', authorityId)
    .where('rf.result_id', 'in', [...resultIds])
    .orderBy('f.id')
    .execute();
}

/** Moves a pending result to accepted or returned; false when it was no longer pending. */
export function decidePendingResult(
  db: Kysely<DB>,
  resultId: number,
  decision: {
    status: 'accepted' | 'returned';
    decidedOn: string;
    decidedBy: string;
    returnReason: string | null;
  },
): Promise<boolean> {
  return decidedIfPending(db, 'result_submission', resultId, {
    status: decision.status,
    decided_on: decision.decidedOn,
    decided_by: decision.decidedBy,
    return_reason: decision.returnReason,
  });
}

/** A result as the API shows it: what, whose, when, its decision and its files. */
export interface ResultView {
  id: number;
  assignmentId: number;
  /** set for a result of a sub-assignment (decided by the parent agency) */
  parentAssignmentId: number | null;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: string | null;
  submittedOn: string;
  /** kỳ báo cáo of a periodic result (YYYY-MM); null: the result that completes the assignment */
  period: string | null;
  documentNumber: string | null;
  note: string;
  status: 'pending' | 'accepted' | 'returned';
  decidedOn: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  files: { id: number; fileName: string; mediaType: string; sizeBytes: number }[];
}

/** The results matching a filter, one page, each with its files. */
export async function listResultViews(
  db: Kysely<DB>,
  authorityId: number,
  filter: ResultFilter,
  page?: { limit: number; offset: number },
): Promise<ResultView[]> {
  const rows = await listResultRows(db, authorityId, filter, page);
  const files = await listFilesOfResults(
    db,
    authorityId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    parentAssignmentId: r.parent_assignment_id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    plan: r.plan_number,
    task: r.task_ref,
    occurrence: r.occurrence,
    dueOn: r.current_due_on,
    ...submissionView(r, files),
  }));
}

type ResultFileRow = Awaited<ReturnType<typeof listFilesOfResults>>[number];

/** A result as submitted and decided, with its files: the review list's and the assignment history's. */
export function submissionView(
  r: Pick<
    Selectable<ResultSubmissionTable>,
    | 'id'
    | 'submitted_on'
    | 'period'
    | 'document_number'
    | 'note'
    | 'status'
    | 'decided_on'
    | 'decided_by'
    | 'return_reason'
  >,
  files: readonly ResultFileRow[],
) {
  return {
    id: r.id,
    submittedOn: r.submitted_on,
    period: r.period,
    documentNumber: r.document_number,
    note: r.note,
    status: r.status,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    returnReason: r.return_reason,
    files: files
      .filter((f) => f.result_id === r.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes })),
  };
}

/** One result as the API shows it, or undefined. */
export async function findResultView(db: Kysely<DB>, authorityId: number, resultId: number) {
  return (await listResultViews(db, authorityId, { resultId }))[0];
}

/** The assignments of one task to one agency (every role and occurrence), and whether each has an accepted result. */
export function listAssignmentsOfTaskAgency(db: Kysely<DB>, taskId: number, agencyId: number) {
  return db
    .selectFrom('assignment as a')
    .select(['a.id', 'a.role', 'a.occurrence'])
    .select(hasAcceptedSql.as('has_accepted'))
    .where('a.task_id', '=', taskId)
    .where('a.agency_id', '=', agencyId)
    .orderBy('a.role')
    .orderBy('a.occurrence')
    .execute();
}

/** Records a result; its id. */
export function insertResultSubmission(
  db: Kysely<DB>,
  values: Insertable<ResultSubmissionTable>,
): Promise<number> {
  return insertRow(db, 'result_submission', values);
}
