import { sql, type Updateable } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { describeEachDatabase } from './support/databases.ts';

/**
 * `assignment.done_on` is derived state kept by triggers (migration 2026-11-28T0100): after any
 * write to `result_submission` it must equal the definition it replaces — the submission date of the
 * earliest accepted result (since 2026-12-06T1200 there is at most one per assignment). Every kind
 * of statement is tried, single rows and many at once.
 */
describeEachDatabase('assignment.done_on follows the accepted results', (t) => {
  /** Assignments whose stored done_on differs from the definition, with both values. */
  async function drift(db: Database['db'] = t.db) {
    const { rows } = await sql<{ id: number; stored: string | null; defined: string | null }>`
      select a.id, a.done_on as stored,
        (select min(r.submitted_on) from result_submission r
         where r.assignment_id = a.id and r.status = 'accepted') as defined
      from assignment a
      where a.done_on is distinct from (select min(r.submitted_on) from result_submission r
                                        where r.assignment_id = a.id and r.status = 'accepted')`.execute(db);
    return rows;
  }

  async function doneOn(id: number) {
    const row = await t.db
      .selectFrom('assignment')
      .select('done_on')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.done_on;
  }

  it('is set, moved earlier, kept, and cleared as results are submitted, accepted, returned and deleted', async () => {
    const { authorityId } = await loadDemo(t.db);
    const [a, b] = await t.db
      .selectFrom('assignment')
      .select('id')
      .where('role', '=', 'lead')
      .orderBy('id')
      .limit(2)
      .execute();
    if (!a || !b) throw new Error('the demo has assignments');
    const submit = (assignmentId: number, submittedOn: string, status: 'pending' | 'accepted' | 'returned') =>
      t.db
        .insertInto('result_submission')
        .values({ authority_id: authorityId, assignment_id: assignmentId, submitted_on: submittedOn, status })
        .returning('id')
        .executeTakeFirstOrThrow();
    const updateResult = (id: number, values: Updateable<DB['result_submission']>) =>
      t.db.updateTable('result_submission').set(values).where('id', '=', id).execute();

    // a pending result changes nothing
    const first = await submit(a.id, '2021-01-25', 'pending');
    expect(await doneOn(a.id)).toBeNull();
    // accepted: done on its submission date
    await updateResult(first.id, { status: 'accepted' });
    expect(await doneOn(a.id)).toBe('2021-01-25');
    // a second accepted result for the same assignment is refused by the database (migration
    // 2026-12-06T1200: one accepted, one pending per assignment occurrence); done_on stays
    await expect(submit(a.id, '2021-01-19', 'accepted')).rejects.toThrow(/result_submission_one_accepted/);
    expect(await doneOn(a.id)).toBe('2021-01-25');
    // the accepted one returned: not done any more
    await updateResult(first.id, { status: 'returned' });
    expect(await doneOn(a.id)).toBeNull();
    // a new result accepted: done on its date, earlier or later than the returned one's
    const second = await submit(a.id, '2021-01-19', 'pending');
    await updateResult(second.id, { status: 'accepted' });
    expect(await doneOn(a.id)).toBe('2021-01-19');
    // the first one accepted again while the second is: refused, nothing moves
    await expect(updateResult(first.id, { status: 'accepted' })).rejects.toThrow(
      /result_submission_one_accepted/,
    );
    expect(await doneOn(a.id)).toBe('2021-01-19');
    // the second returned, the first accepted again: back to the first's date
    await updateResult(second.id, { status: 'returned' });
    await updateResult(first.id, { status: 'accepted' });
    expect(await doneOn(a.id)).toBe('2021-01-25');
    // its date corrected
    await updateResult(first.id, { submitted_on: '2021-01-22' });
    expect(await doneOn(a.id)).toBe('2021-01-22');
    // moved to another assignment (as a reorganisation moves results): both rows follow
    await t.db
      .updateTable('result_submission')
      .set({ assignment_id: b.id })
      .where('assignment_id', '=', a.id)
      .execute();
    expect(await doneOn(a.id)).toBeNull();
    expect(await doneOn(b.id)).toBe('2021-01-22');
    // deleted: cleared
    await t.db.deleteFrom('result_submission').where('assignment_id', '=', b.id).execute();
    expect(await doneOn(b.id)).toBeNull();
    expect(await drift()).toEqual([]);
  });

  it('holds after bulk statements over many assignments, inside a transaction rolled back or not', async () => {
    const { authorityId } = await loadDemo(t.db);
    // every lead assignment gets results on three dates: the first returned, then one in three
    // assignments an accepted result and the others a pending one (at most one of each per assignment)
    await sql`insert into result_submission (authority_id, assignment_id, submitted_on, status)
      select ${authorityId}, a.id, date '2021-01-10' + (a.id % 40) + k,
             case when k = 0 then 'returned'
                  when k = 1 and a.id % 3 = 0 then 'accepted'
                  when k = 2 and a.id % 3 <> 0 then 'pending'
                  else 'returned' end
      from assignment a cross join generate_series(0, 2) k
      where a.role = 'lead'`.execute(t.db);
    expect(await drift()).toEqual([]);
    const done = await t.db
      .selectFrom('assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('done_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(done.n)).toBeGreaterThan(30);

    // accept every pending result of even assignments (they have no accepted one), return some accepted ones
    await sql`update result_submission set status = 'accepted' where status = 'pending' and assignment_id % 2 = 0`.execute(
      t.db,
    );
    await sql`update result_submission set status = 'returned' where status = 'accepted' and assignment_id % 5 = 0`.execute(
      t.db,
    );
    expect(await drift()).toEqual([]);

    // a transaction that fails leaves the column as it was
    const before = await t.db.selectFrom('assignment').select(['id', 'done_on']).orderBy('id').execute();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`delete from result_submission where assignment_id % 3 = 0`.execute(trx);
        expect(await drift(trx)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.db.selectFrom('assignment').select(['id', 'done_on']).orderBy('id').execute()).toEqual(
      before,
    );

    // deleting many, and deleting the assignments with their results (cascade)
    await sql`delete from result_submission where assignment_id % 3 = 0`.execute(t.db);
    expect(await drift()).toEqual([]);
    await sql`delete from assignment where id in (select id from assignment where role = 'support' limit 10)`.execute(
      t.db,
    );
    expect(await drift()).toEqual([]);
  });
});
