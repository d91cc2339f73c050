/**
 * Before/after for an index (issue #9): generates a scale into a scratch PostgreSQL database, takes
 * the SQL of scenarios 1 and 2 from the services themselves, times the services in-process (p50) and
 * each statement with EXPLAIN ANALYZE and psql \timing (median of 7), creates the candidate indexes,
 * analyzes, and times again. `--plans` prints the statements and their plans too.
 *   TEST_DATABASE_URL=… node --import tsx bench/scale/index-check.ts --scale 100k [--plans]
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/access/access.ts';
import { listAssignmentsFor } from '../../src/modules/assignments/assignments.service.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import type { ServiceContext } from '../../src/modules/service-context.ts';
import { getStatistics } from '../../src/modules/statistics/statistics.service.ts';
import { DEFAULT_HTTP_OPTIONS } from '../../src/server/http.ts';
import { generateScaleData } from './generate.ts';
import { capturing, floorOf, inlineSql, SCALES, scratchPostgres } from './scenarios.ts';

/**
 * The candidates under test. Tried before: `result_submission (assignment_id, submitted_on) where
 * status = 'accepted'` (now in migration 2026-11-28T0100 with `assignment.done_on`).
 */
export const CANDIDATE_INDEXES: string[] = [
  // none pending: assignment_agency_open (migration 2026-11-28T0400) was measured here before it became a migration
];

/** The context a request of this actor would give the service (the statistics read no files). */
function statsContext(db: Kysely<DB>, actor: Actor, now: Date): ServiceContext {
  return { db, actor, now, ip: null, files: createLocalFileStore('/tmp/dondoc-scale-files') };
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    plans: { type: 'boolean', default: false },
    /** a setting for the database (e.g. plan_cache_mode=force_custom_plan), set between before and after */
    setting: { type: 'string' },
  },
});
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
const scratch = await scratchPostgres(base);
let database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
try {
  let db = database.db;
  await migrateToLatest(db as Kysely<unknown>);
  const data = await generateScaleData(db, { assignments: SCALES[values.scale] ?? 100_000, seed: 9 });
  const users = await db.selectFrom('app_user').select(['id', 'username', 'agency_id']).execute();
  const actor = (name: string): Actor => {
    const u = users.find((x) => x.username === name) as (typeof users)[number];
    return {
      kind: 'user',
      userId: u.id,
      username: u.username,
      authorityId: data.authorityId,
      role: u.agency_id ? 'agency' : 'office',
      agencyId: u.agency_id,
      agencyScope: u.agency_id ? [u.agency_id] : [],
      via: 'session',
    };
  };
  const now = new Date(`${data.asOf}T03:00:00Z`);
  const sqlOf = async (run: (c: Kysely<DB>) => Promise<unknown>) => {
    const cap = capturing(db);
    await run(cap.db);
    return cap.queries.filter((q) => /"assignment"/.test(q.sql)).map(inlineSql);
  };
  const s1 = await sqlOf((c) => getStatistics(statsContext(c, actor('vanphong'), now), { asOf: data.asOf }));
  const s2 = await sqlOf((c) =>
    listAssignmentsFor({ db: c, actor: actor('stp'), now, ip: null, http: DEFAULT_HTTP_OPTIONS } as never, {
      asOf: data.asOf,
      state: 'open_overdue',
      page: 1,
      pageSize: 50,
    }),
  );
  const service = async (run: () => Promise<unknown>, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return Math.round((times[Math.floor(n / 2)] as number) * 10) / 10;
  };
  const measure = async () => ({
    serviceP50: {
      1: await service(
        () => getStatistics(statsContext(db, actor('vanphong'), now), { asOf: data.asOf }),
        15,
      ),
      2: await service(
        () =>
          listAssignmentsFor(
            { db, actor: actor('stp'), now, ip: null, http: DEFAULT_HTTP_OPTIONS } as never,
            {
              asOf: data.asOf,
              state: 'open_overdue',
              page: 1,
              pageSize: 50,
            },
          ),
        51,
      ),
    },
    statements: [...new Set([...s1, ...s2])].map((q) => {
      const f = floorOf(scratch.url, q, 7);
      return {
        scenario: s1.includes(q) ? 1 : 2,
        psqlP50: f.psqlP50,
        explainMs: f.explainMs,
        ...(values.plans ? { sql: q, plan: f.plan } : {}),
      };
    }),
  });
  await db.executeQuery({ sql: 'vacuum analyze', parameters: [] } as never);
  const before = await measure();
  for (const ddl of CANDIDATE_INDEXES) await db.executeQuery({ sql: ddl, parameters: [] } as never);
  await db.executeQuery({ sql: 'vacuum analyze', parameters: [] } as never);
  if (values.setting) {
    const name = new URL(scratch.url).pathname.slice(1);
    await db.executeQuery({ sql: `alter database ${name} set ${values.setting}`, parameters: [] } as never);
    // new connections take the database's setting
    await database.close();
    database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
    db = database.db;
  }
  const after = await measure();
  console.log(
    JSON.stringify(
      {
        scale: values.scale,
        setting: values.setting ?? null,
        data: { assignments: data.leadAssignments + data.supportAssignments },
        before,
        after,
      },
      null,
      2,
    ),
  );
} finally {
  await database.close();
  await scratch.drop();
}
