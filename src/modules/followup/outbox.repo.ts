/**
 * The outbox's statements (src/modules/followup/outbox.ts runs the delivery): queueing by business
 * key, claiming a batch with `for update skip locked`, marking a message sent or failed fenced by its
 * attempt number, burying leases that ran out on the last attempt, and the counts by status.
 */
import { type Kysely, sql } from 'kysely';
import { inSlices } from '../../db/chunks.ts';
import type { DB, OutboxAttachment } from '../../db/schema.ts';

/** An e-mail to queue: its business key makes it once-only (the sweep's day, kind and recipient). */
export interface OutboxDraft {
  authorityId: number;
  businessKey: string;
  kind: string;
  to: string;
  subject: string;
  bodyText: string;
  attachments: OutboxAttachment[];
}

/** Queues messages not queued yet; returns how many this call added. */
export async function enqueueMessages(db: Kysely<DB>, drafts: OutboxDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const rows = await inSlices(drafts, (slice) =>
    db
      .insertInto('outbox_message')
      .values(
        slice.map((m) => ({
          authority_id: m.authorityId,
          business_key: m.businessKey,
          kind: m.kind,
          to_address: m.to,
          subject: m.subject,
          body_text: m.bodyText,
          attachments: JSON.stringify(m.attachments),
        })),
      )
      .onConflict((oc) => oc.column('business_key').doNothing())
      .returning('id')
      .execute(),
  );
  return rows.length;
}

export type Claimed = {
  id: number;
  business_key: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
};

/**
 * One statement = one short transaction: lock due rows no one else holds, mark them 'sending'. A new
 * message is due at once whatever the clocks say; retries are timed by the deliverer's clock.
 */
export async function claimBatch(
  db: Kysely<DB>,
  now: Date,
  size: number,
  leaseMs: number,
  maxAttempts: number,
) {
  const result = await sql<Claimed>`
    update outbox_message set status = 'sending', attempts = attempts + 1, lease_until = ${new Date(now.getTime() + leaseMs)}
    where id in (
      select id from outbox_message
      where attempts < ${maxAttempts}
        and ((status = 'pending' and (attempts = 0 or next_attempt_at <= ${now}))
          or (status = 'sending' and lease_until <= ${now}))
      order by next_attempt_at, id
      limit ${size}
      for update skip locked
    )
    returning id, business_key, to_address, subject, body_text, attempts`.execute(db);
  return [...result.rows].sort((a, b) => a.id - b.id);
}

/** A message whose last allowed attempt died with its process: dead, not retried for ever. */
export async function buryExpiredLeases(db: Kysely<DB>, now: Date, maxAttempts: number): Promise<number> {
  const rows = await db
    .updateTable('outbox_message')
    .set({ status: 'dead', lease_until: null, last_error: 'lease expired during the last attempt' })
    .where('status', '=', 'sending')
    .where('lease_until', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .returning('id')
    .execute();
  return rows.length;
}

/** The message, sent: only if this attempt still holds it (a reclaimed lease moved on). */
export async function markSent(
  db: Kysely<DB>,
  message: Pick<Claimed, 'id' | 'attempts'>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null })
    .where('id', '=', message.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .execute();
}

/** The attempt failed: back to 'pending' for a retry at `nextAttemptAt`, or 'dead' after the last one. */
export async function markFailed(
  db: Kysely<DB>,
  message: Pick<Claimed, 'id' | 'attempts'>,
  outcome: { dead: boolean; nextAttemptAt: Date; error: string },
): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({
      status: outcome.dead ? 'dead' : 'pending',
      next_attempt_at: outcome.nextAttemptAt,
      lease_until: null,
      last_error: outcome.error.slice(0, 1000),
    })
    .where('id', '=', message.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .execute();
}

/** The letters a message carries (their ids; the files are read one by one as they are sent). */
export async function findAttachmentRefs(db: Kysely<DB>, messageId: number) {
  const row = await db
    .selectFrom('outbox_message')
    .select('attachments')
    .where('id', '=', messageId)
    .executeTakeFirst();
  return row?.attachments ?? [];
}

export function findLetterFile(db: Kysely<DB>, letterId: number) {
  return db
    .selectFrom('reminder_letter')
    .select(['file_name', 'content'])
    .where('id', '=', letterId)
    .executeTakeFirst();
}

/** What waits in the outbox, by status — for logs and the CLI. */
export async function countOutbox(db: Kysely<DB>, authorityId?: number) {
  let query = db.selectFrom('outbox_message').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (authorityId !== undefined) query = query.where('authority_id', '=', authorityId);
  const rows = await query.groupBy('status').execute();
  const counts = { pending: 0, sending: 0, sent: 0, dead: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
