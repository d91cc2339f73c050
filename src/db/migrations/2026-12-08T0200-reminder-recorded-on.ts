import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §1 (docs/domain-rules.md §11): nothing is sent on a non-working day. The sweep still records
 * the written reminders of a day off (their date is their due event, §6), but what it tells of them —
 * the Office's own overdue tasks, told inside dondoc (§6.1) — waits for the next working day, which
 * finds them by the sweep day that recorded them: `written_reminder.recorded_on`. Rows recorded before
 * take their reminder date (what a daily sweep recorded them on). Nullable: a writer that does not know
 * it leaves it empty, and such a row is simply not told again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table written_reminder add column recorded_on date`.execute(db);
  await sql`update written_reminder set recorded_on = reminded_on`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table written_reminder drop column recorded_on`.execute(db);
}
