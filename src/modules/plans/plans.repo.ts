import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function findPlanByNumber(db: Kysely<DB>, authorityId: number, number: string) {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('upper', ['number']), '=', number.trim().toUpperCase()))
    .executeTakeFirst();
}

export function findTaskByRef(db: Kysely<DB>, planId: number, ref: string) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export function listTasksOfPlan(db: Kysely<DB>, planId: number) {
  return db.selectFrom('task').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}
