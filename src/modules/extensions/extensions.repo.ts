import type { Insertable, Kysely } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  type AssignmentRowFilter,
  assignmentsOfFilter,
  assignmentsWithPlan,
  cancelledOnSql,
  hasAcceptedSql,
} from '../../db/assignment-facts.ts';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { changedAtVersion, decidedIfPending, insertRow } from '../../db/rows.ts';
import type { DB, ExtensionRequestTable } from '../../db/schema.ts';

/**
 * One assignment of an authority with what the workflow rules need: its agency, role, due dates,
 * version, the earliest cancellation of it, its task or its plan, and whether an accepted result exists.
 */
export function findAssignmentOfAuthority(db: Kysely<DB>, authorityId: number, id: number) {
  return assignmentsWithPlan(db)
    .select([
      'a.id',
      'a.agency_id',
      'a.role',
      'a.occurrence',
      'a.original_due_on',
      'a.current_due_on',
      'a.version',
      't.ref as task_ref',
      'p.number as plan_number',
      cancelledOnSql.as('cancelled_on'),
      hasAcceptedSql.as('done'),
    ])
    .where('a.authority_id', '=', authorityId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type AssignmentForWorkflow = NonNullable<Awaited<ReturnType<typeof findAssignmentOfAuthority>>>;

export interface ExtensionFilter extends AssignmentRowFilter {
  status?: ExtensionRequestTable['status'] | undefined;
  /** only requests decided in [from, to] (a report's period) */
  decidedIn?: { from: string; to: string } | undefined;
}

/** Extension requests with their assignment, agency and task; the base of both the page and the count. */
function extensionsQuery(db: Kysely<DB>, authorityId: number, filter: ExtensionFilter) {
  const query = assignmentsOfFilter(db, filter)
    .innerJoin('extension_request as e', 'e.assignment_id', 'a.id')
    .where('e.authority_id', '=', authorityId);
  const decided = filter.decidedIn
    ? query
        .where('e.decided_on', '>=', filter.decidedIn.from)
        .where('e.decided_on', '<=', filter.decidedIn.to)
    : query;
  return filter.status ? decided.where('e.status', '=', filter.status) : decided;
}

const EXTENSION_COLUMNS = [
  'e.id',
  'e.assignment_id',
  'e.requested_on',
  'e.requested_due_on',
  'e.reason',
  'e.status',
  'e.decided_on',
  'e.decided_by',
  'e.decision_note',
  'e.proposed_on',
  'e.proposed_by',
  'e.office_recommends',
  'e.office_opinion',
  'e.decision_number',
  'e.decision_date',
  ...ASSIGNMENT_LABEL_COLUMNS,
  'a.original_due_on',
  'a.current_due_on',
  'a.version as assignment_version',
] as const;

export function listExtensions(
  db: Kysely<DB>,
  authorityId: number,
  filter: ExtensionFilter,
  page: PageRequest,
) {
  return selectPage(extensionsQuery(db, authorityId, filter), page, (q) =>
    q.select(EXTENSION_COLUMNS).orderBy('e.id', 'desc'),
  );
}

export function findExtension(db: Kysely<DB>, authorityId: number, id: number) {
  return extensionsQuery(db, authorityId, { agencyIds: null })
    .select(EXTENSION_COLUMNS)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export type ExtensionRow = NonNullable<Awaited<ReturnType<typeof findExtension>>>;

export function findPendingExtension(db: Kysely<DB>, assignmentId: number) {
  return db
    .selectFrom('extension_request')
    .select(['id', 'requested_due_on'])
    .where('assignment_id', '=', assignmentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Records an extension request; its id. */
export function insertExtension(db: Kysely<DB>, values: Insertable<ExtensionRequestTable>): Promise<number> {
  return insertRow(db, 'extension_request', values);
}

/** Moves an assignment's current due date if its version is still the one read; false when it changed. */
export function moveDueDateVersioned(
  db: Kysely<DB>,
  assignmentId: number,
  version: number,
  dueOn: string,
): Promise<boolean> {
  return changedAtVersion(db, 'assignment', assignmentId, version, { current_due_on: dueOn });
}

/** What deciding a request records: the outcome, the day, the decider and its decision document. */
export interface ExtensionDecision {
  status: 'approved' | 'rejected';
  today: string;
  by: string;
  userId: number | null;
  number: string | null;
  date: string | null;
  note: string | null;
}

/** Decides a request still pending; false when it was decided meanwhile. */
export function decidePendingExtension(db: Kysely<DB>, id: number, d: ExtensionDecision): Promise<boolean> {
  return decidedIfPending(db, 'extension_request', id, {
    status: d.status,
    decided_on: d.today,
    decided_by: d.by,
    decided_by_user_id: d.userId,
    decision_number: d.number,
    decision_date: d.date,
    decision_note: d.note,
  });
}

/** Records the Office's proposal on a pending request not proposed yet; false otherwise. */
export async function proposePendingExtension(
  db: Kysely<DB>,
  id: number,
  p: { today: string; by: string; recommends: 'approve' | 'reject'; opinion: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('extension_request')
    .set({
      proposed_on: p.today,
      proposed_by: p.by,
      office_recommends: p.recommends,
      office_opinion: p.opinion,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('proposed_on', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
