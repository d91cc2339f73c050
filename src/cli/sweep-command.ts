import type { Kysely } from 'kysely';
import type { FollowupConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { formatVietnameseDate } from '../domain/dates.ts';
import { listAuthorities } from '../modules/directory/directory.repo.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { purgeReadNotifications } from '../modules/followup/notifications.service.ts';
import { deliverOutbox, redactUrl, smtpMailer } from '../modules/followup/outbox.ts';
import { runSweep, type SweepSummary } from '../modules/followup/sweep.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Command } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';

/**
 * `dondoc sweep [--as-of DATE] [--authority MÃ] [--deliver] [--json]` — the daily sweep for cron:
 * every day not swept yet up to DATE (default today in the authority's zone, never later), for one
 * authority or all; --deliver then sends the due e-mails of the outbox through SMTP_URL. Running it
 * twice, or beside the server's scheduler, adds nothing: each day is claimed in the database.
 * Exit code 1 when e-mails could not be sent (they stay in the outbox and are retried). Like the
 * server's daily sweep, it deletes the read notifications older than DONDOC_NOTIFICATION_RETENTION_DAYS.
 */
export const sweepCommand: Command = async (db, flags, print, _positionals, config) => {
  const followup: Partial<FollowupConfig> = config?.followup ?? {};
  const code = str(flags.authority);
  const authorities = code ? [await resolveAuthority(db, code)] : await listAuthorities(db);
  if (authorities.length === 0) {
    throw new AppError('AUTHORITY_NOT_FOUND', 'Chưa có dữ liệu: hãy chạy "dondoc demo" để nạp dữ liệu mẫu.');
  }
  const results: (SweepSummary & { authority: string })[] = [];
  let purgedNotifications = 0;
  const asOf = str(flags['as-of']);
  for (const authority of authorities) {
    // the same use case as POST /api/sweeps, for the system actor 'cli' of this authority
    const ctx = await cliContext(db, config, authority.id, ['reminder.issue']);
    results.push(await runSweep(ctx, { asOf }, followup));
    const retentionDays = followup.notificationRetentionDays;
    purgedNotifications += await purgeReadNotifications(ctx, { retentionDays });
  }
  const delivery = flags.deliver === true ? await deliver(db, followup) : null;
  if (flags.json) {
    print(JSON.stringify({ sweeps: results, delivery, purgedNotifications }, null, 2));
  } else {
    for (const r of results) {
      const days =
        r.days.length === 0
          ? 'không còn ngày nào chưa quét'
          : `${r.days.length} ngày (${formatVietnameseDate(r.days[0] as string)} – ${formatVietnameseDate(r.days.at(-1) as string)})`;
      print(
        `Quét nhắc việc ${r.authority} đến ngày ${formatVietnameseDate(r.asOf)}: ${days}; ` +
          `${r.reminders} nhắc nhở bằng văn bản mới, ${r.letters} dự thảo công văn đôn đốc, ` +
          `${r.notifications} thông báo, ${r.emails} email vào hộp thư đi.`,
      );
    }
    if (purgedNotifications > 0) {
      print(`Đã xóa ${purgedNotifications} thông báo đã đọc quá thời hạn lưu giữ.`);
    }
    if (delivery) {
      print(
        `Gửi email: ${delivery.sent} đã gửi, ${delivery.retrying} sẽ gửi lại, ${delivery.dead} không gửi được.`,
      );
    }
  }
  if (delivery && delivery.retrying + delivery.dead > 0) {
    throw new AppError(
      'INTERNAL',
      `Không gửi được ${delivery.retrying + delivery.dead} email qua ${redactUrl(followup.smtpUrl ?? '')}: ` +
        `${delivery.lastError}. Thư vẫn nằm trong hộp thư đi và sẽ được gửi lại.`,
    );
  }
};

async function deliver(db: Kysely<DB>, followup: Partial<FollowupConfig>) {
  if (!followup.smtpUrl) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Chưa cấu hình SMTP_URL (ví dụ smtp://mail.example.vn:587): email vẫn nằm trong hộp thư đi.',
    );
  }
  const mailer = smtpMailer(followup.smtpUrl, followup.mailFrom ?? 'dondoc <no-reply@localhost>');
  try {
    return await deliverOutbox(db, mailer, { now: () => new Date() });
  } finally {
    mailer.close();
  }
}
