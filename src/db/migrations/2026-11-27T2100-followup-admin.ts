import { type Kysely, sql } from 'kysely';

/**
 * Follow-up administration (issue #5, last gaps): a written reminder can be withdrawn — kept for the
 * audit trail, no longer counted — when the rule no longer gives it (a result received by the
 * deadline and accepted after the reminder was recorded); the outbox is listed by status for the
 * admin page; read notifications are purged by age.
 */
const statements = [
  `alter table written_reminder add column withdrawn_at timestamptz`,
  `alter table written_reminder add column withdrawn_reason text`,
  `alter table written_reminder add constraint written_reminder_withdrawn_reason
    check ((withdrawn_at is null) = (withdrawn_reason is null))`,
  `create index outbox_message_status on outbox_message (authority_id, status, id)`,
  `create index notification_read on notification (authority_id, read_at) where read_at is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index if exists notification_read').execute(db);
  await sql.raw('drop index if exists outbox_message_status').execute(db);
  await sql
    .raw('alter table written_reminder drop constraint if exists written_reminder_withdrawn_reason')
    .execute(db);
  await sql.raw('alter table written_reminder drop column if exists withdrawn_reason').execute(db);
  await sql.raw('alter table written_reminder drop column if exists withdrawn_at').execute(db);
}
