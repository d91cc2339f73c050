import { spawn } from 'node:child_process';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { addDays } from '../src/domain/dates.ts';
import { sweepDay } from '../src/modules/followup/sweep.service.ts';
import { listWrittenReminders } from '../src/modules/status/status.service.ts';
import { postgresScratch } from './support/cli.ts';
import { systemContextFor } from './support/context.ts';
import { backendNames } from './support/databases.ts';
import {
  followupCounts,
  lettersByDay,
  loadFollowupDemo,
  notificationsByKind,
  sweepContext,
} from './support/followup.ts';

/**
 * Two app processes sweeping the same 50 days at the same moment on one PostgreSQL database
 * (PGlite is single-process: its dialect serialises everything already). Runs whenever
 * TEST_DATABASE_URL is set — in CI always (backendNames() fails there without it).
 */
const WORKER = new URL('./support/sweep-worker.ts', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const FIRST_DAY = '2021-01-13';
const ROUNDS = 50; // 13/01 – 03/03: every section I deadline, reminders on 10 days

interface WorkerReport {
  pid: number;
  swept: string[];
  reminders: number;
  letters: number;
}

/** A worker process, started and connected; `go()` lets it sweep, `done` is its report. */
function startWorker(
  url: string,
  authorityId: number,
): Promise<{ go: () => void; done: Promise<WorkerReport> }> {
  return new Promise((ready, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, url, String(authorityId), FIRST_DAY, String(ROUNDS)],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let isReady = false;
    const done = new Promise<WorkerReport>((resolve, fail) => {
      child.on('close', (code) => {
        if (code !== 0) {
          const error = new Error(`worker exited with ${code}: ${err}`);
          fail(error);
          if (!isReady) reject(error);
          return;
        }
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as WorkerReport);
      });
    });
    done.catch(() => {});
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!isReady && out.includes('ready\n')) {
        isReady = true;
        ready({ go: () => child.stdin.end('go\n'), done });
      }
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
  });
}

async function openScratch(): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  // a copy of the run's migrated template (then migrateToLatest finds nothing to do)
  const scratch = await postgresScratch(true);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
  await migrateToLatest(database.db as Kysely<unknown>);
  return { database, ...scratch };
}

// only PostgreSQL runs several app processes; backendNames() fails in CI when it is missing
const postgresOnly = backendNames().filter((b) => b === 'postgres');

for (const _backend of postgresOnly)
  describe('two processes sweeping concurrently [postgres]', () => {
    const opened: Awaited<ReturnType<typeof openScratch>>[] = [];
    beforeAll(async () => {
      opened.push(await openScratch(), await openScratch());
    });
    afterAll(async () => {
      for (const o of opened) {
        await o.database.close();
        await o.drop();
      }
    });

    it('50 rounds over the same days: every day swept once, no duplicate, the same rows as one process', async () => {
      const [shared, baseline] = opened as [(typeof opened)[0], (typeof opened)[0]];
      const id = await loadFollowupDemo(shared.database.db);
      // both processes loaded and connected before either sweeps a day
      const workers = await Promise.all([startWorker(shared.url, id), startWorker(shared.url, id)]);
      for (const w of workers) w.go();
      const reports = await Promise.all(workers.map((w) => w.done));

      // each day was done by exactly one of the two processes
      const days = Array.from({ length: ROUNDS }, (_, i) => addDays(FIRST_DAY, i));
      const [a, b] = reports as [WorkerReport, WorkerReport];
      expect(Math.min(a.swept.length, b.swept.length)).toBeGreaterThan(0); // they did race (measured 19–31 / 50)
      expect([...a.swept, ...b.swept].sort()).toEqual(days);
      expect(a.swept.filter((d) => b.swept.includes(d))).toEqual([]);
      expect(a.reminders + b.reminders).toBe(70); // the 70 lead assignments of section I

      const db = shared.database.db;
      const counts = await followupCounts(db);
      expect(counts).toMatchObject({ sweep_day: ROUNDS, written_reminder: 70 });
      // one draft letter a day with reminders of agencies other than the Office (docs/domain-rules.md §6.1)
      expect(a.letters + b.letters).toBe(Object.keys(await lettersByDay(db)).length);
      expect(a.letters + b.letters).toBeGreaterThan(0);
      expect(
        await (await listWrittenReminders(systemContextFor(db, id), { asOf: addDays(FIRST_DAY, ROUNDS - 1) }))
          .reminders,
      ).toHaveLength(70);
      const numbers = await db.selectFrom('reminder_letter').select('number').orderBy('number').execute();
      expect(new Set(numbers.map((n) => n.number))).toEqual(new Set([null])); // numbered when registered

      // the same rows, kind by kind and day by day, as one process sweeping alone
      const baselineId = await loadFollowupDemo(baseline.database.db);
      for (const day of days) await sweepDay(sweepContext(baseline.database.db, baselineId), day);
      expect(counts).toEqual(await followupCounts(baseline.database.db));
      expect(await notificationsByKind(db)).toEqual(await notificationsByKind(baseline.database.db));
      expect(await lettersByDay(db)).toEqual(await lettersByDay(baseline.database.db));
    });
  });
