import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { countStatistics } from '../src/modules/statistics/statistics.repo.ts';
import { inScope, type Period, STAT_KEYS, summarise } from '../src/modules/statistics/statistics.rules.ts';
import { listAssignmentFacts } from '../src/modules/status/status.repo.ts';
import { describeEachDatabase } from './support/databases.ts';

/**
 * The overview counts in SQL (`statConditionsSql`); the drill-down lists, reports and scores apply
 * `statKeysOf` to facts rows. Both must give the same figures for every key, agency, plan, date and
 * period — over data that reaches every state, every ageing bucket, reminders and cancellations.
 */
describeEachDatabase('statistics counted in SQL equal the rules applied row by row', (t) => {
  it('for every figure, grouped by agency and by plan, as of several dates and periods', async () => {
    const { authorityId } = await loadDemo(t.db);
    await sql`insert into result_submission (authority_id, assignment_id, submitted_on, status)
      select ${authorityId}, a.id, coalesce(a.current_due_on, date '2021-03-01') + (a.id % 23) - 8,
             (array['accepted', 'pending', 'returned', 'accepted', 'accepted'])[1 + a.id % 5]
      from assignment a where a.id % 4 <> 0`.execute(t.db);
    await sql`update assignment set cancelled_on = date '2021-01-10' + (id % 60) where id % 17 = 0`.execute(
      t.db,
    );
    await sql`update task set cancelled_on = date '2021-02-01' where id in (select id from task order by id desc limit 2)`.execute(
      t.db,
    );
    await sql`update assignment set current_due_on = null where id % 19 = 0`.execute(t.db);
    // deadlines spread over months, so that every ageing bucket fills
    await sql`update assignment set current_due_on = current_due_on - (id % 200) where id % 3 = 0 and current_due_on is not null`.execute(
      t.db,
    );

    const reached = new Set<string>();
    const periods: Period[] = [
      {},
      { from: '2021-01-01', to: '2021-01-31' },
      { from: '2020-10-01' },
      { to: '2021-01-20' },
      // in force (docs/domain-rules.md §8): due in the period, or neither done nor withdrawn before it starts
      { from: '2021-01-21', to: '2021-03-31', scope: 'in_force' },
      { from: '2021-02-01', scope: 'in_force' },
      { to: '2021-01-31', scope: 'in_force' },
    ];
    for (const asOf of ['2021-01-13', '2021-01-21', '2021-02-15', '2021-06-30', '2022-01-01']) {
      const rows = await listAssignmentFacts(t.db, authorityId, { role: 'lead', openedBy: asOf });
      for (const period of periods) {
        const facts = (r: (typeof rows)[number]) => ({
          role: r.role,
          dueOn: r.due_on,
          doneOn: r.done_on ?? null,
          cancelledOn: r.cancelled_on,
        });
        const scoped = rows.filter((r) => inScope(facts(r), period));
        for (const groupBy of ['agency', 'plan'] as const) {
          const counted = await countStatistics(
            t.db,
            authorityId,
            { role: 'lead', openedBy: asOf },
            asOf,
            period,
            groupBy,
          );
          const expected = new Map<number, ReturnType<typeof summarise>['counts']>();
          const keyOf = (r: (typeof rows)[number]) => (groupBy === 'agency' ? r.agency_id : r.plan_number);
          const byKey = new Map<number | string, (typeof rows)[number][]>();
          for (const r of scoped) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
          for (const g of counted) {
            const key = groupBy === 'agency' ? g.id : g.code;
            expected.set(g.id, summarise((byKey.get(key) ?? []).map(facts), asOf).counts);
            expect(g.counts, `${groupBy} ${g.code} as of ${asOf} ${JSON.stringify(period)}`).toEqual(
              expected.get(g.id),
            );
            for (const k of STAT_KEYS) if (g.counts[k] > 0) reached.add(k);
          }
          // the same groups, none missing
          expect(counted.length, `${groupBy} groups as of ${asOf}`).toBe(byKey.size);
        }
      }
    }
    expect([...reached].sort()).toEqual([...STAT_KEYS].sort());
  });
});
