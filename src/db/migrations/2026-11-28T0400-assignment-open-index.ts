import { type Kysely, sql } from 'kysely';

/**
 * An agency's work that is not done as of a date — the list it opens every morning and its count —
 * read from the index instead of from every assignment the agency ever had (issue #9: at 1M
 * assignments, 13,000 index rows and a hash of every task per request, for 1,195 open ones).
 * The work list writes "not done by `asOf`" as `coalesce(done_on, 'infinity') > asOf` (the same as
 * `done_on is null or done_on > asOf`), which is a range of this index's third column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index assignment_agency_open on assignment
    (authority_id, agency_id, (coalesce(done_on, 'infinity'::date)), current_due_on)
    where parent_assignment_id is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists assignment_agency_open`.execute(db);
}
