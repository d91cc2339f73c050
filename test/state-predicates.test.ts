import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { ASSIGNMENT_STATES } from '../src/domain/state.ts';
import { assignmentFacts, stateAsOfSql, stateIsSql } from '../src/modules/assignments/assignments.repo.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { describeEachDatabase } from './support/databases.ts';

/**
 * The work list filters by state with plain predicates (`stateIsSql`, index-friendly) and shows the
 * state with the CASE (`stateAsOfSql`): both must pick exactly the same rows for every state and date.
 */
describeEachDatabase('state predicates agree with the state expression', (t) => {
  it('for every state, on dates around deadlines, results, returns and cancellations', async () => {
    const { authorityId } = await loadDemo(t.db);
    // results received before, on and after deadlines; some accepted, some pending, some returned
    await sql`insert into result_submission (authority_id, assignment_id, submitted_on, status)
      select ${authorityId}, a.id, coalesce(a.current_due_on, date '2021-03-01') + (a.id % 9) - 4,
             (array['accepted', 'pending', 'returned', 'accepted'])[1 + a.id % 4]
      from assignment a where a.id % 3 <> 0`.execute(t.db);
    // a task, a plan-wide date and single assignments withdrawn on various days
    await sql`update assignment set cancelled_on = date '2021-01-15' + (id % 30) where id % 11 = 0`.execute(
      t.db,
    );
    await sql`update task set cancelled_on = date '2021-02-01' where id in (select id from task order by id limit 2)`.execute(
      t.db,
    );
    await sql`update assignment set current_due_on = null where id % 13 = 0`.execute(t.db);

    const seen = new Set<string>();
    for (const asOf of ['2021-01-13', '2021-01-20', '2021-01-21', '2021-01-31', '2021-02-15', '2021-12-31']) {
      const scope = { authorityId, role: undefined, subAssignments: true };
      for (const state of ASSIGNMENT_STATES) {
        const byCase = await t.db
          .selectFrom(assignmentFacts(t.db, scope).as('f'))
          .select('f.id')
          .where(stateAsOfSql(asOf), '=', state)
          .orderBy('f.id')
          .execute();
        const byPredicate = await t.db
          .selectFrom(assignmentFacts(t.db, scope).as('f'))
          .select('f.id')
          .where(stateIsSql(asOf, state))
          .orderBy('f.id')
          .execute();
        expect(byPredicate, `${state} as of ${asOf}`).toEqual(byCase);
        if (byCase.length > 0) seen.add(state);
      }
    }
    // the data reached every state, so every predicate was compared on rows
    expect([...seen].sort()).toEqual([...ASSIGNMENT_STATES].sort());
  });
});
