import { type Kysely, sql } from 'kysely';

/**
 * A reminder letter's draft is rendered when it is first downloaded, not inside the sweep day's
 * transaction (issue #18 goal 4): the catch-up of years of missed days spent most of its time in
 * the .docx writer, for drafts the Office renders again anyway when it registers them
 * (docs/domain-rules.md §6.1). `reminder_letter.content` is null on a draft not yet downloaded; the
 * draft's `input` holds what it is rendered from. Registered letters keep their bytes as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reminder_letter alter column content drop not null`.execute(db);
}

/** Back to the column of before: a draft never downloaded gets an empty file (its input stays). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update reminder_letter set content = ''::bytea where content is null`.execute(db);
  await sql`alter table reminder_letter alter column content set not null`.execute(db);
}
