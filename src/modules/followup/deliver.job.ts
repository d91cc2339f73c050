import type { JobDefinition } from './job.ts';
import { countOutbox } from './outbox.repo.ts';
import { deliverOutbox, type Mailer, redactUrl } from './outbox.ts';

const WARN_EVERY_MS = 3600_000;

/**
 * Job `outbox-deliver`: every minute (and right after the sweep), sends the due e-mails of the
 * outbox. Without SMTP_URL nothing is sent and nothing is lost: an hourly warning says how many
 * e-mails wait. A failing server is named in the log with its error; the messages are retried.
 */
export function createDeliverJob(mailer: Mailer | null, smtpUrl: string | null): JobDefinition {
  let lastWarning = 0;
  return {
    name: 'outbox-deliver',
    everyMs: 60_000,
    async run({ db, now, log }) {
      if (!mailer) {
        if (now().getTime() - lastWarning < WARN_EVERY_MS) return;
        const waiting = await countOutbox(db);
        if (waiting.pending > 0) {
          lastWarning = now().getTime();
          log.warn(
            `e-mail: SMTP_URL is not set; ${waiting.pending} e-mails wait in the outbox (nothing is lost)`,
          );
        }
        return;
      }
      const s = await deliverOutbox(db, mailer, { now });
      if (s.sent + s.retrying + s.dead === 0) return;
      const line = `e-mail: ${s.sent} sent, ${s.retrying} failed and will be retried, ${s.dead} dead`;
      if (s.lastError === null) log.info(line);
      else log.warn(`${line}; SMTP ${redactUrl(smtpUrl ?? '')}: ${s.lastError}`);
    },
  };
}
