import type { Insertable, Kysely } from 'kysely';
import {
  ASSIGNMENT_LABEL_COLUMNS,
  type AssignmentRowFilter,
  assignmentsOfFilter,
} from '../../db/assignment-facts.ts';
import { type PageRequest, selectPage } from '../../db/page.ts';
import { insertRow } from '../../db/rows.ts';
import type { DB, ObstacleTable } from '../../db/schema.ts';

export interface ObstacleFilter extends AssignmentRowFilter {
  status?: ObstacleTable['status'] | undefined;
}

/** Obstacles with their assignment, agency and task; the base of both the page and the count. */
function obstaclesQuery(db: Kysely<DB>, authorityId: number, filter: ObstacleFilter) {
  const query = assignmentsOfFilter(db, filter)
    .innerJoin('obstacle as o', 'o.assignment_id', 'a.id')
    .where('o.authority_id', '=', authorityId);
  return filter.status ? query.where('o.status', '=', filter.status) : query;
}

const OBSTACLE_COLUMNS = [
  'o.id',
  'o.assignment_id',
  'o.reported_on',
  'o.description',
  'o.proposal',
  'o.status',
  'o.response',
  'o.responded_on',
  'o.responded_by',
  ...ASSIGNMENT_LABEL_COLUMNS,
  'a.role',
] as const;

export function listObstacles(
  db: Kysely<DB>,
  authorityId: number,
  filter: ObstacleFilter,
  page: PageRequest,
) {
  return selectPage(obstaclesQuery(db, authorityId, filter), page, (q) =>
    q.select(OBSTACLE_COLUMNS).orderBy('o.id', 'desc'),
  );
}

export function findObstacle(db: Kysely<DB>, authorityId: number, id: number) {
  return obstaclesQuery(db, authorityId, { agencyIds: null })
    .select(OBSTACLE_COLUMNS)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export type ObstacleRow = NonNullable<Awaited<ReturnType<typeof findObstacle>>>;

/** Records a reported obstacle; its id. */
export function insertObstacle(db: Kysely<DB>, values: Insertable<ObstacleTable>): Promise<number> {
  return insertRow(db, 'obstacle', values);
}

/** The answer to an obstacle, which closes it. */
export async function answerObstacle(
  db: Kysely<DB>,
  id: number,
  answer: { response: string; respondedOn: string; by: string },
): Promise<void> {
  await db
    .updateTable('obstacle')
    .set({
      status: 'answered',
      response: answer.response,
      responded_on: answer.respondedOn,
      responded_by: answer.by,
    })
    .where('id', '=', id)
    .execute();
}
