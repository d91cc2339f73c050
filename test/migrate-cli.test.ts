import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { knownMigrationNames } from '../src/db/migrate.ts';
import { cliWorkspace, expectPrinted, expectRefused, runCaptured } from './support/cli.ts';
import { backendNames } from './support/databases.ts';

/**
 * Upgrades (issue #15): the server migrates; the CLI changes no schema a server of another version
 * uses — behind its code it refuses unless --migrate, ahead of it (a newer dondoc) always; `dondoc
 * migrate --status` says where the database stands.
 */
const names = knownMigrationNames();
const last = names.at(-1) as string;

function configOf(env: NodeJS.ProcessEnv): DatabaseConfig {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: env.DONDOC_DATA_DIR as string };
}

/** Opens the workspace's database between two CLI calls (the embedded one serves one process at a time). */
async function withDatabase<T>(env: NodeJS.ProcessEnv, fn: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const database = await openDatabase(configOf(env));
  try {
    return await fn(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close();
  }
}

/** The schema as an older dondoc left it: every migration but the last (run by Kysely's Migrator as the server would). */
async function migrateAllButLast(db: Kysely<unknown>) {
  const modules: Record<string, Migration> = {};
  for (const name of names) modules[name] = await import(`../src/db/migrations/${name}.ts`);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => modules } });
  const { error } = await migrator.migrateTo(names.at(-2) as string);
  if (error) throw error;
}

for (const backend of backendNames()) {
  describe(`dondoc migrate and the CLI's schema check [${backend}]`, () => {
    it('--status lists applied and pending migrations; a database behind is refused without --migrate', async () => {
      const w = await cliWorkspace(backend, 'migrate');
      try {
        const fresh = await runCaptured(w.env, ['migrate', '--status', '--json']);
        expect(fresh.code).toBe(0);
        expect(JSON.parse(fresh.out)).toEqual({ applied: [], pending: names, unknown: [] });

        await withDatabase(w.env, migrateAllButLast);
        const behind = await runCaptured(w.env, ['migrate', '--status']);
        expectPrinted(behind, `  chờ chạy  ${last}`);
        expect(behind.out).toMatch(new RegExp(`  đã chạy   ${names[0]}  \\d{4}-\\d\\d-\\d\\dT`));
        expect(behind.out).toContain(
          `${names.length - 1} migration đã chạy (applied), 1 chờ chạy (pending).`,
        );

        const refused = await runCaptured(w.env, ['indices', '--json']);
        expectRefused(refused, 'Lỗi [DATABASE_BEHIND]: Cơ sở dữ liệu chưa được cập nhật');
        expect(refused.err).toContain(last);
        expect(refused.err).toContain('--migrate');
        // nothing was changed by the refused command
        const still = JSON.parse((await runCaptured(w.env, ['migrate', '--status', '--json'])).out);
        expect(still.pending).toEqual([last]);

        const allowed = await runCaptured(w.env, ['indices', '--json', '--migrate']);
        expect(allowed.err).not.toContain('DATABASE_BEHIND');
        const after = JSON.parse((await runCaptured(w.env, ['migrate', '--status', '--json'])).out);
        expect(after.pending).toEqual([]);
        expect(after.applied.map((m: { name: string }) => m.name)).toEqual(names);
      } finally {
        await w.cleanup();
      }
    });

    it('a fresh database is migrated by the first command; one a newer dondoc migrated is refused, even with --migrate', async () => {
      const w = await cliWorkspace(backend, 'migrate-ahead');
      try {
        const first = await runCaptured(w.env, ['user', 'set', '--username', 'nobody', '--email', 'a@b.vn']);
        expect(first.err).not.toContain('DATABASE_BEHIND'); // refused for another reason: no authority yet
        expect(first.err).toContain('AUTHORITY_NOT_FOUND');
        expect(JSON.parse((await runCaptured(w.env, ['migrate', '--status', '--json'])).out).pending).toEqual(
          [],
        );

        const future = '2099-01-01T0000-from-a-newer-dondoc';
        await withDatabase(w.env, (db) =>
          sql`insert into kysely_migration (name, timestamp) values (${future}, ${new Date().toISOString()})`.execute(
            db,
          ),
        );
        for (const argv of [['indices'], ['indices', '--migrate'], ['migrate']]) {
          const refused = await runCaptured(w.env, argv);
          expect(refused.code, argv.join(' ')).toBe(1);
          expect(refused.err).toContain(
            'Lỗi [DATABASE_AHEAD]: Cơ sở dữ liệu do một phiên bản dondoc mới hơn cập nhật',
          );
          expect(refused.err).toContain(future);
        }
        const status = await runCaptured(w.env, ['migrate', '--status']);
        expectPrinted(status, `${future}  `);
        expect(status.out).toContain('1 không có trong phiên bản này (unknown).');
      } finally {
        await w.cleanup();
      }
    });
  });
}
