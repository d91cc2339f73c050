import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The transparency page's reads. Each selects only columns meant for the public: never notes,
 * files, results, obstacles, extensions or users.
 */
export function listPublicAuthorities(db: Kysely<DB>) {
  return db.selectFrom('authority').select(['code', 'name']).orderBy('id').execute();
}

export function findPublicAuthority(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('authority')
    .select(['id', 'code', 'name', 'time_zone'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Plans the Office published and did not withdraw (§11), newest first. */
export function listPublicPlans(db: Kysely<DB>, authorityId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'doc_type', 'number', 'title', 'issued_on'])
    .where('authority_id', '=', authorityId)
    .where('cancelled_on', 'is', null)
    .where('published_at', 'is not', null)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findPublicPlan(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan as p')
    .innerJoin('authority as au', 'au.id', 'p.authority_id')
    .select([
      'p.id',
      'p.authority_id',
      'p.doc_type',
      'p.number',
      'p.title',
      'p.issued_on',
      'p.signer',
      'au.code as authority_code',
      'au.name as authority_name',
      'au.time_zone',
    ])
    .where('p.id', '=', planId)
    .where('p.cancelled_on', 'is', null)
    .where('p.published_at', 'is not', null)
    .executeTakeFirst();
}

export function listPublicSections(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_section')
    .select(['id', 'code', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export function listPublicTasks(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('task')
    .select(['id', 'section_id', 'no', 'ref', 'content', 'deadline_text', 'unresolved'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

/** The agencies leading each task of a plan (the current holders; not sub-units given a share). */
export function listLeadAgencyNames(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('agency as g', 'g.id', 'a.agency_id')
    .select(['a.task_id', 'g.id as agency_id', 'g.name'])
    .distinct()
    .where('t.plan_id', '=', planId)
    .where('a.role', '=', 'lead')
    .where('a.parent_assignment_id', 'is', null)
    .where('a.moved_to_assignment_id', 'is', null)
    .orderBy('a.task_id')
    .orderBy('g.id')
    .execute();
}
