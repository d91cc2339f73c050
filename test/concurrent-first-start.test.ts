import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { prepareFirstStart } from '../src/modules/setup/first-start.ts';
import { createScratchDatabase } from './support/databases.ts';

/**
 * Two servers started at once on one empty PostgreSQL database with DONDOC_DEMO=on (issue #15: one
 * used to crash on a duplicate key). Each has its own pool, as two processes would; both run the
 * start sequence of src/server/main.ts together: migrations, then the demo. PostgreSQL only
 * (vitest.config.ts): PGlite is one process's database.
 */
describe('two servers starting at once on one empty PostgreSQL database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(() => scratch.drop());

  it('both come up; the demo is loaded exactly once', async () => {
    const servers = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgres', url: scratch.url })));
    try {
      const log = { info: () => {}, warn: () => {} };
      const starts = await Promise.allSettled(
        servers.map(async ({ db }) => {
          await migrateToLatest(db as never);
          return prepareFirstStart(db, { demo: true, embedded: false, log });
        }),
      );
      expect(starts.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
      const loaded = starts.map((s) => (s.status === 'fulfilled' ? s.value.demoLoaded : null));
      expect(loaded.filter(Boolean)).toHaveLength(1);
      const db = servers[0]?.db;
      if (!db) throw new Error('no database');
      expect(await db.selectFrom('authority').select('code').execute()).toEqual([{ code: 'UBND-TN' }]);
      expect(await db.selectFrom('plan').select('number').execute()).toEqual([{ number: '87/KH-UBND' }]);
      const admins = await db
        .selectFrom('app_user')
        .select('username')
        .where('username', '=', 'quantri')
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
