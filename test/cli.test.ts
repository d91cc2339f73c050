import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectPrinted, expectRefused, SUBMIT_STP_I3, useCliWorkspace } from './support/cli.ts';
import { backendNames, fastestBackendNames } from './support/databases.ts';
import { serverBuild } from './support/server-build.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/dondoc.mjs', import.meta.url).pathname;

/**
 * The CLI against each database: a real data folder for PGlite, a scratch database on PostgreSQL.
 * The bin script's own tests (the process: its time zone, its exit code) are about the process, not
 * the database: they run once, on the fastest database (after the walk, on its data).
 */
for (const backend of backendNames()) {
  describe(`dondoc CLI [${backend}]`, () => {
    const workspace = useCliWorkspace(backend, 'cli');
    const { cli } = workspace;

    it('walks the seed plan: demo, status, submit, reminders, and refuses bad input', async () => {
      expect((await cli('migrate')).code).toBe(0);
      const demo = await cli('demo');
      expectPrinted(demo, '29 nhiệm vụ');

      const again = await cli('demo');
      expectRefused(again, 'DEMO_ALREADY_LOADED');

      const status = JSON.parse((await cli('status', '--as-of', '2021-02-15', '--json')).out);
      expect(status.asOf).toBe('2021-02-15');
      expect(status.totals).toMatchObject({ open_overdue: 68, reminders: 68, done_on_time: 0 });
      expect(status.agencies[0]).toMatchObject({ code: 'VP', name: 'Văn phòng UBND tỉnh', reminders: 8 });

      const table = await cli('status', '--as-of', '2021-02-15', '--plan', '87/KH-UBND');
      expect(table.out).toContain('Sở Tư pháp');
      expect(table.out).toMatch(/Tổng cộng.*68/);

      for (const [args, code] of [
        [['--agency', 'XYZ'], 'AGENCY_NOT_FOUND'],
        [['--task', 'I.42'], 'TASK_NOT_FOUND'],
        [['--on', '2021-13-01'], 'INVALID_DATE'],
        [['--on', '19/01/2021'], 'INVALID_DATE'],
      ] as const) {
        const bad = await cli(...SUBMIT_STP_I3, ...args);
        expect(bad.code, args.join(' ')).toBe(1);
        expect(bad.err).toContain(code);
      }
      const unchanged = JSON.parse((await cli('status', '--as-of', '2021-02-15', '--json')).out);
      expect(unchanged.totals).toEqual(status.totals);

      const submitted = await cli(...SUBMIT_STP_I3);
      expect(submitted.code).toBe(0);
      const reminders = JSON.parse((await cli('reminders', '--as-of', '2021-12-31', '--json')).out);
      expect(reminders).toHaveLength(110);
      expect(reminders).not.toContainEqual(expect.objectContaining({ agency: 'STP', task: 'I.3' }));
      expect(reminders[0]).toEqual({
        agency: 'VP',
        plan: '87/KH-UBND',
        task: 'I.1',
        dueOn: '2021-01-13',
        remindedOn: '2021-01-14',
      });

      const usage = await cli('frobnicate');
      expect(usage.code).toBe(2);
    });

    if (!fastestBackendNames().includes(backend)) return;

    // the bin script as installed (test/support/server-build.ts: bin/ beside dist/, no src/), which runs
    // the compiled CLI: ≈ 0.8 CPU-s a call against ≈ 2.9 for the checkout's, which compiles src/ with tsx
    let installedBin = '';
    beforeAll(async () => {
      installedBin = join(await serverBuild(), 'bin/dondoc.mjs');
    });

    it.each(['UTC', 'America/Los_Angeles'])(
      'the bin script reads the deadline in Asia/Ho_Chi_Minh with TZ=%s',
      async (tz) => {
        const status = async (asOf: string) => {
          const { stdout } = await run(
            process.execPath,
            [installedBin, 'status', '--as-of', asOf, '--json'],
            {
              env: { ...process.env, ...workspace.env, TZ: tz, CI: '' },
            },
          );
          return JSON.parse(stdout).agencies.find((a: { code: string }) => a.code === 'STP');
        };
        expect((await status('2021-01-20T23:59:00+07:00')).open_overdue).toBe(0);
        expect((await status('2021-01-21T00:00:00+07:00')).open_overdue).toBe(1);
      },
    );

    // the checkout's bin script: no current dist/, so src/ through tsx (bin/compiled.mjs's other branch)
    it('exits non-zero with a Vietnamese message on bad input from the bin script', async () => {
      const failed = await run(process.execPath, [BIN, 'status', '--as-of', 'ngày mai'], {
        env: { ...process.env, ...workspace.env },
      }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain('không hợp lệ');
    });
  });
}
