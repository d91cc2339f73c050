import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { inSlices } from '../src/db/chunks.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { insertWrittenReminders } from '../src/modules/followup/followup.repo.ts';
import { describeOnFastestDatabase } from './support/databases.ts';

it('writes in slices and returns what every slice returned, in order', async () => {
  const sizes: number[] = [];
  const out = await inSlices(
    Array.from({ length: 2_345 }, (_, i) => i),
    async (slice) => {
      sizes.push(slice.length);
      return slice.map((n) => n * 2);
    },
  );
  expect(sizes).toEqual([1_000, 1_000, 345]);
  expect(out).toHaveLength(2_345);
  expect(out[2_344]).toBe(4_688);
});

/**
 * The first sweep over a province's past plans can record more reminders in one day than one
 * statement may carry (PostgreSQL: 65,535 parameters, 6 per reminder): found by the scale benchmark.
 */
describeOnFastestDatabase('recording a backlog of written reminders', (t) => {
  it('records 12,000 reminders of one day in one call', async () => {
    const { authorityId } = await loadDemo(t.db);
    const task = await t.db
      .selectFrom('task')
      .select(['id'])
      .where('ref', '=', 'I.3')
      .executeTakeFirstOrThrow();
    const agency = await t.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'STP')
      .executeTakeFirstOrThrow();
    // 12,000 occurrences of one task for one agency, due 2021-01-20
    await sql`insert into assignment (authority_id, task_id, agency_id, role, occurrence, opens_on, original_due_on, current_due_on)
      select ${authorityId}, ${task.id}, ${agency.id}, 'lead', 1000 + g, '2021-01-13', '2021-01-20', '2021-01-20'
      from generate_series(1, 12000) g`.execute(t.db);
    const ids = await t.db.selectFrom('assignment').select('id').where('occurrence', '>', 1000).execute();
    const rows = ids.map(({ id }) => ({
      assignmentId: id,
      agencyId: agency.id,
      dueOn: '2021-01-20',
      remindedOn: '2021-01-21',
      year: 2021,
    }));
    const inserted = await insertWrittenReminders(t.db, authorityId, rows);
    expect(inserted).toHaveLength(12_000);
    // recorded once: a second call adds none
    expect(await insertWrittenReminders(t.db, authorityId, rows)).toHaveLength(0);
  });
});
