import type { Kysely } from 'kysely';
import type { FollowupConfig } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { FileStore } from '../files/file-store.ts';
import { createLocalFileStore } from '../files/local-file-store.ts';
import { createHousekeepingJob } from '../housekeeping/housekeeping.job.ts';
import { systemContext } from '../service-context.ts';
import { createDeliverJob } from './deliver.job.ts';
import type { JobContext, JobDefinition, JobLog, JobObserver } from './job.ts';
import { redactUrl, smtpMailer } from './outbox.ts';
import { createSweepJob } from './sweep.job.ts';

export type { JobContext, JobDefinition, JobLog } from './job.ts';

export interface Scheduler {
  /** runs the due jobs now (the timer does this every tick) */
  tick(): Promise<void>;
  /** no new tick; waits for the running one to finish its current unit of work */
  stop(): Promise<void>;
}

/**
 * In-process scheduler: a tick every `tickMs` (first one at once) runs, in order, each job whose
 * period has passed; ticks never overlap; an error is logged and the next tick tries again. Several
 * processes may each run one: the jobs get their exactly-once from the database.
 */
export function startScheduler(
  jobs: JobDefinition[],
  base: Omit<JobContext, 'shouldStop' | 'contextFor' | 'files'> & { files?: FileStore },
  options: { tickMs?: number; observer?: JobObserver } = {},
): Scheduler {
  let stopping = false;
  let running: Promise<void> | null = null;
  const lastRun = new Map<string, number>();
  const files = base.files ?? createLocalFileStore('./data/files');
  const ctx: JobContext = {
    ...base,
    files,
    shouldStop: () => stopping,
    contextFor: (authorityId, rights) =>
      systemContext({ db: base.db, files, authorityId, name: 'scheduler', rights, now: base.now() }),
  };
  const runDue = async () => {
    for (const job of jobs) {
      if (stopping) return;
      const at = base.now().getTime();
      // a second of slack: a tick that starts a little early is still on time
      if (at - (lastRun.get(job.name) ?? Number.NEGATIVE_INFINITY) < job.everyMs - 1000) continue;
      lastRun.set(job.name, at);
      const started = performance.now();
      try {
        await job.run(ctx);
        options.observer?.jobDone(job.name, performance.now() - started, true);
      } catch (error) {
        options.observer?.jobDone(job.name, performance.now() - started, false);
        base.log.error({ err: error }, `job ${job.name} failed; it runs again at the next tick`);
      }
    }
  };
  const tick = () => {
    running ??= runDue().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000);
  timer.unref();
  setImmediate(() => void tick());
  return {
    tick,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** The follow-up jobs of the server: the daily sweep, then the e-mail delivery, every minute. */
export function startFollowupScheduler(deps: {
  db: Kysely<DB>;
  followup: FollowupConfig;
  log: JobLog;
  now?: () => Date;
  tickMs?: number;
  /** told after each job run (the server's metrics and readiness) */
  observer?: JobObserver;
  /** the hourly housekeeping job (sessions, sign-in failures, orphan files); absent: not run */
  housekeeping?: { files: FileStore; sessionIdleMinutes: number };
  /** the file store the jobs' use cases are given; default: the housekeeping's, else ./data/files */
  files?: FileStore;
}): Scheduler {
  const { followup, log } = deps;
  const mailer = followup.smtpUrl ? smtpMailer(followup.smtpUrl, followup.mailFrom) : null;
  const smtp = redactUrl(followup.smtpUrl ?? '');
  if (!mailer)
    log.warn('e-mail: SMTP_URL is not set; notifications are in-app only and e-mails wait in the outbox');
  log.info(
    `follow-up scheduler: daily sweep at ${followup.sweepTime} local time, e-mail delivery every minute`,
  );
  const scheduler = startScheduler(
    [
      createSweepJob(),
      createDeliverJob(mailer, followup.smtpUrl),
      ...(deps.housekeeping ? [createHousekeepingJob(deps.housekeeping)] : []),
    ],
    {
      db: deps.db,
      followup,
      files: deps.files ?? deps.housekeeping?.files,
      log,
      now: deps.now ?? (() => new Date()),
    },
    {
      ...(deps.tickMs !== undefined ? { tickMs: deps.tickMs } : {}),
      ...(deps.observer ? { observer: deps.observer } : {}),
    },
  );
  // check the server once the first (possibly long) catch-up is done, so a busy start is not a timeout
  const verified = scheduler
    .tick()
    .then(() => mailer?.verify())
    .then(
      (ok) => ok && log.info(`e-mail: SMTP ${smtp} ready`),
      (error: Error) =>
        log.warn(
          `e-mail: SMTP ${smtp} is not reachable (${error.message}); e-mails stay in the outbox and are retried`,
        ),
    );
  return {
    tick: scheduler.tick,
    async stop() {
      await scheduler.stop();
      await verified;
      mailer?.close();
    },
  };
}
