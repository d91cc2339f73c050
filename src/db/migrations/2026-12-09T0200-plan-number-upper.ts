import { type Kysely, sql } from 'kysely';

/**
 * Issue #18: a plan number is unique per authority whatever its case (findPlanByNumber and the check of
 * createPlan compare `upper(number)`), and the unique key `(authority_id, number)` cannot serve that
 * comparison: every registration read every plan of its authority (10.8 ms for 11,000 plans; the
 * creation benchmark's authority grows by hundreds of plans a run). An index on the expression makes
 * the check one probe. Not unique: rows that differ only in case, if a race ever stored some, must not
 * stop the migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index plan_authority_number_upper on plan (authority_id, upper(number))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index plan_authority_number_upper`.execute(db);
}
