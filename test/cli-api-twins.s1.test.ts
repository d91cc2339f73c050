import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { submitCommand } from '../src/cli/commands.ts';
import { importCommand } from '../src/cli/import-command.ts';
import { DEMO_AUTHORITY } from '../src/modules/demo/demo.service.ts';
import { multipartBody, renumberedSeed } from './matrix/plans.matrix.ts';
import { describeOnFastestDatabase, type TestDatabase, truncateAll } from './support/databases.ts';
import { buildWorld, signIn } from './support/http.ts';
import { assignmentOf } from './support/lookups.ts';

/**
 * Issue #17: the CLI and the API call the same use cases. Each CLI write of lane s1 runs on a fresh
 * world, then its API twin on the same fresh world; the rows they write must be the same, ids,
 * clock readings and who acted (actor names, client address) aside.
 */
describeOnFastestDatabase('CLI and API twins: results and plan import', (t) => {
  for (const accept of [true, false]) {
    it(`dondoc submit${accept ? '' : ' --no-accept'} writes what POST /assignments/:id/results writes`, async () => {
      const submission = { documentNumber: '15/BC-STP', note: 'Đã hoàn thành', submittedOn: '2021-01-18' };
      const cli = await twinRun(t, async () => {
        await submitCommand(
          t.db,
          {
            authority: DEMO_AUTHORITY,
            plan: '87/KH-UBND',
            task: 'I.3',
            agency: 'STP',
            on: submission.submittedOn,
            document: submission.documentNumber,
            note: submission.note,
            ...(accept ? {} : { 'no-accept': true }),
          },
          () => {},
        );
      });
      const api = await twinRun(t, async (app) => {
        const office = await signIn(app, 'vanphong');
        const reply = await office.post(
          `/api/assignments/${(await assignmentOf(t.db, 'STP', 'I.3')).id}/results`,
          {
            ...submission,
            accept,
          },
        );
        expect(reply.statusCode, reply.body).toBe(201);
      });
      expect(cli.result_submission).toHaveLength(1);
      expect(api).toEqual(cli);
    });
  }

  it('dondoc import FILE writes what POST /plans/import writes', async () => {
    const content = renumberedSeed('90/KH-UBND');
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-twin-'));
    try {
      const path = join(dir, 'ke-hoach.txt');
      writeFileSync(path, content);
      const cli = await twinRun(t, async () => {
        await importCommand(t.db, { authority: DEMO_AUTHORITY }, () => {}, [path]);
      });
      const api = await twinRun(t, async (app) => {
        const office = await signIn(app, 'vanphong');
        const reply = await office.request({
          method: 'POST',
          url: '/api/plans/import',
          ...multipartBody({ fileName: 'ke-hoach.txt', content }),
        });
        expect(reply.statusCode, reply.body).toBe(201);
      });
      expect(cli.plan.filter((p) => p.number === '90/KH-UBND')).toHaveLength(1);
      expect(api).toEqual(cli);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The tables a write of this lane touches; audit rows of sign-ins are left out below. */
const TABLES = [
  'plan',
  'plan_section',
  'task',
  'assignment',
  'plan_source',
  'result_submission',
  'written_reminder',
  'audit_log',
] as const;

type Snapshot = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

/** Empties the database, builds the world, runs `write`, and returns the rows of the tables above. */
async function twinRun(
  t: TestDatabase,
  write: (app: Awaited<ReturnType<typeof buildWorld>>['app']) => Promise<void>,
): Promise<Snapshot> {
  await truncateAll(t.db);
  const world = await buildWorld(t);
  try {
    await write(world.app);
  } finally {
    await world.app.close();
  }
  const snapshot = {} as Snapshot;
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(
      t.db,
    );
    snapshot[table] = rows.rows
      .filter((row) => table !== 'audit_log' || /^(plan|result)\./.test(String(row.action)))
      .map((row) => normalise(row) as Record<string, unknown>);
  }
  return snapshot;
}

/** Who acted and when set aside: ids, actor names, the client address; a clock reading becomes its presence. */
const SET_ASIDE = new Set(['id', 'actor', 'ip', 'decided_by', 'decidedBy', 'created_at', 'createdAt']);
/** Clock readings written as text (an audit entry's JSON): their presence, as a Date column's. */
const CLOCK_TEXT = new Set(['publishedAt']);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return '<time>';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SET_ASIDE.has(key))
        .map(([key, v]) => [key, CLOCK_TEXT.has(key) && typeof v === 'string' ? '<time>' : normalise(v)]),
    );
  }
  return value;
}
