import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §3 (who decides) and the reply deadline of §2 (docs/domain-rules.md §10).
 *
 * - An extension request records the Office's proposal (`trình`: its recommendation and opinion) and
 *   the leader's decision (the user, the decision document's number and date). The status stays
 *   pending until decided, so the partial unique index "one pending request" keeps holding.
 * - A task has the Phó Chủ tịch in charge (`lãnh đạo phụ trách`): a leader account of the authority.
 * - A reminder letter keeps the reply deadline it set (issue date + `reportWithinDays` working days)
 *   and the day the sweep followed it up (proposed a second reminder, escalated), once.
 */
const statements = [
  `alter table extension_request add column proposed_on date`,
  `alter table extension_request add column proposed_by text`,
  `alter table extension_request add column office_recommends text
    check (office_recommends in ('approve', 'reject'))`,
  `alter table extension_request add column office_opinion text`,
  `alter table extension_request add constraint extension_request_proposal
    check ((proposed_on is null) = (office_recommends is null) and (proposed_on is null) = (office_opinion is null))`,
  `alter table extension_request add column decided_by_user_id integer references app_user (id)`,
  `alter table extension_request add column decision_number text`,
  `alter table extension_request add column decision_date date`,
  `alter table task add column leader_user_id integer references app_user (id) on delete set null`,
  `create index task_leader on task (authority_id, leader_user_id) where leader_user_id is not null`,
  `alter table reminder_letter add column reply_due_on date`,
  `alter table reminder_letter add column reply_followed_up_on date`,
  `create index reminder_letter_reply_due on reminder_letter (authority_id, reply_due_on)
    where reply_followed_up_on is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = [
    'drop index if exists reminder_letter_reply_due',
    'alter table reminder_letter drop column if exists reply_followed_up_on',
    'alter table reminder_letter drop column if exists reply_due_on',
    'drop index if exists task_leader',
    'alter table task drop column if exists leader_user_id',
    'alter table extension_request drop constraint if exists extension_request_proposal',
    ...[
      'decision_date',
      'decision_number',
      'decided_by_user_id',
      'office_opinion',
      'office_recommends',
      'proposed_by',
      'proposed_on',
    ].map((c) => `alter table extension_request drop column if exists ${c}`),
  ];
  for (const statement of drops) await sql.raw(statement).execute(db);
}
