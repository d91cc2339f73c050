import { forgetOldLoginFailures } from '../auth/login-throttle.repo.ts';
import type { FileStore } from '../files/file-store.ts';
import { sweepOrphanUploads } from '../files/files.service.ts';
import type { JobDefinition } from '../followup/job.ts';
import { deleteEndedSessions, deleteExpiredRateLimits } from './housekeeping.repo.ts';

/**
 * Job `housekeeping`, hourly (issue #16): sessions past their end or idle limit, sign-in failures
 * forgotten after a day, spent request-limit windows, and uploaded files nobody references (a
 * transaction that failed or a process killed between writing a file and committing its row) or
 * temporary files left by a crash — each older than a day. Idempotent: several processes may run it.
 */
export function createHousekeepingJob(options: {
  files: FileStore;
  sessionIdleMinutes: number;
}): JobDefinition {
  return {
    name: 'housekeeping',
    everyMs: 3_600_000,
    async run({ db, now, log }) {
      const at = now();
      const sessions = await deleteEndedSessions(db, at, options.sessionIdleMinutes);
      const failures = await forgetOldLoginFailures(db, at);
      const windows = await deleteExpiredRateLimits(db, at);
      const files = await sweepOrphanUploads(db, options.files, at);
      if (sessions + failures + windows + files.orphans + files.temporaries > 0) {
        log.info(
          `housekeeping: ${sessions} ended sessions, ${failures} sign-in failure records, ${windows} rate-limit windows, ` +
            `${files.orphans} unreferenced files, ${files.temporaries} temporary files deleted`,
        );
      }
    },
  };
}
