/**
 * Hộp thư đi — e-mail through a table: the sweep enqueues in its own transaction (unique business
 * key, `on conflict do nothing`), a delivery loop sends. Delivery never holds a transaction while
 * talking to SMTP: it claims a batch in one statement (`for update skip locked`, status 'sending' with
 * a lease and the attempt counted), sends, then marks each message in another statement fenced by the
 * attempt number. A failure retries with backoff (1, 2, 4 … minutes, capped); after MAX_ATTEMPTS it
 * is 'dead' (kept, with its last error). A lease that ran out (a process died mid-send) is reclaimed.
 */
import { type Kysely, sql } from 'kysely';
import nodemailer from 'nodemailer';
import { inSlices } from '../../db/chunks.ts';
import type { DB, OutboxAttachment } from '../../db/schema.ts';
import { DOCX_TYPE } from './letters.service.ts';

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3600_000;

/** The wait after the n-th failed attempt: 1 min × 2^(n−1), at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

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

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** stable per outbox row: a resend after a crash carries the same Message-ID */
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * The SMTP mailer of SMTP_URL: a small pool of connections reused across messages; timeouts short
 * enough that a dead server fails an attempt, not a lease.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { verify(): Promise<true> } {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    verify: () => transport.verify(),
    close: () => transport.close(),
  };
}

/** SMTP_URL without its password, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export interface DeliverOptions {
  /** the clock (the deliverer runs for a while: leases and retries read it as it goes) */
  now: () => Date;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** stop after this many batches (default: until nothing is due) */
  maxBatches?: number;
}

export interface DeliverSummary {
  sent: number;
  /** failed this time, to be retried */
  retrying: number;
  dead: number;
  lastError: string | null;
}

type Claimed = {
  id: number;
  business_key: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
};

/** Sends what is due; safe to run in several processes at once. */
export async function deliverOutbox(
  db: Kysely<DB>,
  mailer: Mailer,
  options: DeliverOptions,
): Promise<DeliverSummary> {
  const { now } = options;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const summary: DeliverSummary = { sent: 0, retrying: 0, dead: 0, lastError: null };
  summary.dead += await buryExpiredLeases(db, now(), maxAttempts);
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const claimed = await claimBatch(
      db,
      now(),
      options.batchSize ?? 20,
      options.leaseMs ?? 300_000,
      maxAttempts,
    );
    if (claimed.length === 0) break;
    for (const message of claimed) {
      try {
        await mailer.send({
          to: message.to_address,
          subject: message.subject,
          text: message.body_text,
          messageId: `<outbox-${message.id}.${message.business_key.replace(/[^\w.-]+/g, '.')}@dondoc>`,
          attachments: await loadAttachments(db, message.id),
        });
        await db
          .updateTable('outbox_message')
          .set({ status: 'sent', sent_at: now(), lease_until: null, last_error: null })
          .where('id', '=', message.id)
          .where('status', '=', 'sending')
          .where('attempts', '=', message.attempts)
          .execute();
        summary.sent++;
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const dead = message.attempts >= maxAttempts;
        await db
          .updateTable('outbox_message')
          .set({
            status: dead ? 'dead' : 'pending',
            next_attempt_at: new Date(now().getTime() + backoffMs(message.attempts)),
            lease_until: null,
            last_error: text.slice(0, 1000),
          })
          .where('id', '=', message.id)
          .where('status', '=', 'sending')
          .where('attempts', '=', message.attempts)
          .execute();
        summary.lastError = text;
        if (dead) summary.dead++;
        else summary.retrying++;
      }
    }
  }
  return summary;
}

/**
 * One statement = one short transaction: lock due rows no one else holds, mark them 'sending'. A new
 * message is due at once whatever the clocks say; retries are timed by the deliverer's clock.
 */
async function claimBatch(db: Kysely<DB>, now: Date, size: number, leaseMs: number, maxAttempts: number) {
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
async function buryExpiredLeases(db: Kysely<DB>, now: Date, maxAttempts: number): Promise<number> {
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

async function loadAttachments(db: Kysely<DB>, messageId: number): Promise<MailMessage['attachments']> {
  const row = await db
    .selectFrom('outbox_message')
    .select('attachments')
    .where('id', '=', messageId)
    .executeTakeFirst();
  const refs = row?.attachments ?? [];
  const files: MailMessage['attachments'] = [];
  for (const ref of refs) {
    const letter = await db
      .selectFrom('reminder_letter')
      .select(['file_name', 'content'])
      .where('id', '=', ref.letterId)
      .executeTakeFirst();
    if (!letter) throw new Error(`attachment reminder_letter ${ref.letterId} is missing`);
    files.push({ filename: letter.file_name, content: Buffer.from(letter.content), contentType: DOCX_TYPE });
  }
  return files;
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
