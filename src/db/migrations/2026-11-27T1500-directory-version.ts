import { type Kysely, sql } from 'kysely';

/**
 * Directory edits carry a version like plans and assignments do: an agency or group changed by
 * someone else since it was read answers VERSION_CONFLICT instead of being overwritten.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agency add column version integer not null default 1`.execute(db);
  await sql`alter table agency_group add column version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agency drop column if exists version`.execute(db);
  await sql`alter table agency_group drop column if exists version`.execute(db);
}
