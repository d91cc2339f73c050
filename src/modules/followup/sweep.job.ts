import { addDays, type LocalDate, localDateOf } from '../../domain/dates.ts';
import { listAuthorities } from '../directory/directory.repo.ts';
import type { JobDefinition } from './job.ts';
import { purgeReadNotifications } from './notifications.service.ts';
import { sweepUpTo } from './sweep.service.ts';

/** The local wall-clock time 'HH:MM' of an instant in a time zone. */
export function localTimeOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/**
 * The last day the sweep should have done by `now`: today once the local sweep time has passed,
 * else yesterday (so a server started at 03:00 still catches up every day before).
 */
export function sweepAsOf(now: Date, timeZone: string, sweepTime: string): LocalDate {
  const today = localDateOf(now, timeZone);
  return localTimeOf(now, timeZone) >= sweepTime ? today : addDays(today, -1);
}

/**
 * Job `reminder-sweep`: checked every minute; for each authority, sweeps every day not swept yet up
 * to `sweepAsOf` (daily at DONDOC_SWEEP_TIME in the authority's zone, and at start-up the days
 * missed while the server was down). Exactly once across processes: the sweep claims each day in
 * the database. Then, once a day, deletes the read notifications older than the retention
 * (DONDOC_NOTIFICATION_RETENTION_DAYS). One log line per authority that had days to sweep.
 */
export function createSweepJob(): JobDefinition {
  const doneUpTo = new Map<number, LocalDate>();
  return {
    name: 'reminder-sweep',
    everyMs: 60_000,
    async run({ db, followup, log, shouldStop, contextFor }) {
      for (const authority of await listAuthorities(db)) {
        // the system actor 'scheduler' of this authority, at this instant
        const ctx = contextFor(authority.id, ['reminder.issue']);
        const asOf = sweepAsOf(ctx.now, authority.time_zone, followup.sweepTime);
        if (doneUpTo.get(authority.id) === asOf) continue;
        const s = await sweepUpTo(ctx, asOf, { ...followup, shouldStop });
        if (!shouldStop()) {
          doneUpTo.set(authority.id, asOf);
          // once a day: the read notifications past their retention go
          const days = followup.notificationRetentionDays;
          const purged = await purgeReadNotifications(ctx, { retentionDays: days });
          if (purged > 0)
            log.info(`notifications ${authority.code}: ${purged} read more than ${days} days ago deleted`);
        }
        if (s.days.length === 0) continue;
        const range = s.days.length === 1 ? s.days[0] : `${s.days[0]}..${s.days.at(-1)}`;
        log.info(
          `reminder sweep ${authority.code} ${range} (${s.days.length} day${s.days.length === 1 ? '' : 's'}): ` +
            `${s.reminders} new written reminders, ` +
            `${s.letters} letters drafted, ${s.notifications} notifications, ${s.emails} e-mails queued`,
        );
      }
    },
  };
}
