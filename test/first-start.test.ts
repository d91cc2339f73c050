import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { prepareFirstStart } from '../src/modules/setup/first-start.ts';
import { expectPrinted, expectRefused, pgliteFolderFromTemplate, runCaptured } from './support/cli.ts';
import { backendNames, createScratchDatabase } from './support/databases.ts';

/**
 * Safe defaults (issue #15): the demo and its well-known passwords only when asked; a fresh
 * production database stays empty, and the log and the CLI lead to its first administrator.
 */
function recordingLog() {
  const lines: { level: 'info' | 'warn'; message: string }[] = [];
  return {
    lines,
    log: {
      info: (message: string) => lines.push({ level: 'info', message }),
      warn: (message: string) => lines.push({ level: 'warn', message }),
    },
  };
}

async function workspace(backend: string) {
  if (backend === 'postgres') {
    const scratch = await createScratchDatabase();
    return {
      config: { kind: 'postgres', url: scratch.url } as DatabaseConfig,
      env: { DATABASE_URL: scratch.url },
      cleanup: scratch.drop,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-first-start-'));
  const dataDir = join(dir, 'data');
  // the folder as the first open leaves it (initdb, nothing migrated), from the run's template
  await pgliteFolderFromTemplate(dataDir, 'empty');
  return {
    config: { kind: 'pglite', dataDir } as DatabaseConfig,
    env: { DONDOC_DATA_DIR: dataDir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What the server does at start (src/server/main.ts), on a database opened for that start only. */
async function startOnce(config: DatabaseConfig, demo: boolean) {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db as never);
    const { lines, log } = recordingLog();
    const result = await prepareFirstStart(database.db, { demo, embedded: config.kind === 'pglite', log });
    const users = await database.db.selectFrom('app_user').select(['username', 'role']).execute();
    const authorities = await database.db.selectFrom('authority').select('code').execute();
    return { ...result, lines, users, authorities };
  } finally {
    await database.close();
  }
}

describe('DONDOC_DEMO', () => {
  it('is off unless set to on; `auto` and other words are refused with what to write', () => {
    expect(loadConfig({}).demoOnFirstStart).toBe(false);
    expect(loadConfig({ DONDOC_DEMO: 'off' }).demoOnFirstStart).toBe(false);
    expect(loadConfig({ DONDOC_DEMO: 'on' }).demoOnFirstStart).toBe(true);
    expect(() => loadConfig({ DONDOC_DEMO: 'auto' })).toThrow(
      /- DONDOC_DEMO: must be on \(load the demo into an empty database\) or off/,
    );
  });
});

for (const backend of backendNames()) {
  describe(`the first start [${backend}]`, () => {
    it('without DONDOC_DEMO=on an empty database stays empty; the log says how to create the first administrator, which the CLI then does', async () => {
      const w = await workspace(backend);
      try {
        const first = await startOnce(w.config, false);
        expect(first).toMatchObject({ demoLoaded: false, administrators: 0, users: [], authorities: [] });
        const advice = first.lines.filter((l) => l.level === 'warn').map((l) => l.message);
        expect(advice).toHaveLength(1);
        expect(advice[0]).toContain('no administrator yet');
        expect(advice[0]).toContain(
          'dondoc user add --role admin --username TÊN --name "Họ tên" --authority UBND-XX',
        );
        expect(advice[0]?.includes('stop the server first')).toBe(backend === 'pglite');

        // a first account that is not an administrator cannot found the authority
        const notAdmin = await runCaptured(w.env, [
          'user',
          'add',
          '--role',
          'office',
          '--username',
          'vp',
          '--name',
          'Văn phòng',
          '--authority',
          'UBND-BN',
          '--authority-name',
          'Ủy ban nhân dân tỉnh Bắc Ninh',
        ]);
        expectRefused(notAdmin, 'phải là --role admin');

        const added = await runCaptured(w.env, [
          'user',
          'add',
          '--role',
          'admin',
          '--username',
          'quantri-bn',
          '--name',
          'Quản trị hệ thống',
          '--authority',
          'ubnd-bn',
          '--authority-name',
          'Ủy ban nhân dân tỉnh Bắc Ninh',
        ]);
        expect(added.err).toBe('');
        expectPrinted(added, 'Đã tạo tài khoản "quantri-bn" (admin) cho Ủy ban nhân dân tỉnh Bắc Ninh');
        expect(added.out).toMatch(/Mật khẩu \(chỉ hiện một lần, hãy đổi sau khi đăng nhập\): \S{12,}/);

        const second = await startOnce(w.config, false);
        expect(second).toMatchObject({
          administrators: 1,
          authorities: [{ code: 'UBND-BN' }],
          users: [{ username: 'quantri-bn', role: 'admin' }],
        });
        expect(second.lines).toEqual([]);
      } finally {
        await w.cleanup();
      }
    });

    it('with DONDOC_DEMO=on loads the demo and its accounts into an empty database, once', async () => {
      const w = await workspace(backend);
      try {
        const first = await startOnce(w.config, true);
        expect(first.demoLoaded).toBe(true);
        expect(first.administrators).toBe(1);
        expect(first.lines.map((l) => l.message)).toEqual([
          expect.stringMatching(/^demo loaded: plan 87\/KH-UBND, 29 tasks/),
        ]);
        expect(first.users).toContainEqual({ username: 'quantri', role: 'admin' });
        const again = await startOnce(w.config, true);
        expect(again).toMatchObject({ demoLoaded: false, administrators: 1, lines: [] });
        expect(again.users).toHaveLength(first.users.length);
      } finally {
        await w.cleanup();
      }
    });
  });
}
