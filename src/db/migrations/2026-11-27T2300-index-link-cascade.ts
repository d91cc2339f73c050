import { type Kysely, sql } from 'kysely';

/**
 * A link from an assignment to an index goes with the assignment when a recurring task's dropped
 * occurrence is deleted (plan-occurrences.ts); links of a replaced plan are carried over by
 * src/modules/indices/plan-links.repo.ts before its rows are deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table index_link drop constraint index_link_assignment_id_fkey`.execute(db);
  await sql`alter table index_link add constraint index_link_assignment_id_fkey
    foreign key (assignment_id) references assignment(id) on delete cascade`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table index_link drop constraint index_link_assignment_id_fkey`.execute(db);
  await sql`alter table index_link add constraint index_link_assignment_id_fkey
    foreign key (assignment_id) references assignment(id)`.execute(db);
}
