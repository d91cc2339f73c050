/**
 * Hộp thư đi — e-mail through a table: the sweep enqueues in its own transaction (unique business
 * key, `on conflict do nothing`), a delivery loop sends. Delivery never holds a transaction while
 * talking to SMTP: it claims a batch in one statement (`for update skip locked`, status 'sending' with
 * a lease and the attempt counted), sends, then marks each message in another statement fenced by the
 * attempt number. A failure retries with backoff (1, 2, 4 … minutes, capped); after MAX_ATTEMPTS it
 * is 'dead' (kept, with its last error). A lease that ran out (a process died mid-send) is reclaimed.
 */
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { DB } from '../../db/schema.ts';
import { DOCX_TYPE } from './letters.service.ts';
import {
  buryExpiredLeases,
  claimBatch,
  findAttachmentRefs,
  findLetterFile,
  markFailed,
  markSent,
} from './outbox.repo.ts';

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3600_000;

/** The wait after the n-th failed attempt: 1 min × 2^(n−1), at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
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
 * enough that a dead server fails an attempt, not a lease. nodemailer is loaded with the first message
 * (or check), not with the server and the CLI, most of whose starts send nothing (issue #18).
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { verify(): Promise<true> } {
  let transport: Promise<Transporter> | undefined;
  const open = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        pool: true,
        maxConnections: 2,
        url: smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    );
    return transport;
  };
  return {
    async send(message) {
      await (await open()).sendMail({ from, ...message });
    },
    verify: async () => (await open()).verify(),
    close: () => void transport?.then((t) => t.close()),
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
        await markSent(db, message, now());
        summary.sent++;
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const dead = message.attempts >= maxAttempts;
        await markFailed(db, message, {
          dead,
          nextAttemptAt: new Date(now().getTime() + backoffMs(message.attempts)),
          error: text,
        });
        summary.lastError = text;
        if (dead) summary.dead++;
        else summary.retrying++;
      }
    }
  }
  return summary;
}

async function loadAttachments(db: Kysely<DB>, messageId: number): Promise<MailMessage['attachments']> {
  const files: MailMessage['attachments'] = [];
  for (const ref of await findAttachmentRefs(db, messageId)) {
    const letter = await findLetterFile(db, ref.letterId);
    // only registered letters are sent, and registering renders them: a draft's null content never gets here
    if (!letter?.content) throw new Error(`attachment reminder_letter ${ref.letterId} is missing`);
    files.push({ filename: letter.file_name, content: Buffer.from(letter.content), contentType: DOCX_TYPE });
  }
  return files;
}
