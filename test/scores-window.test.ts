import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { listCommendations, scoreYear } from '../src/modules/scoring/scoring.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';

/**
 * Commendations and scores read only the period's assignments (`judgedIn`, issue #18 goal 3): those due
 * in it, and those of a plan followed from a date in it (docs/domain-rules.md §6) — a deadline of
 * January judged by a follow-up start of June belongs to June's period, not January's.
 */
describeOnFastestDatabase('scores of a period read the assignments judged in it', (t) => {
  it('counts a plan followed from a later date in the period of its follow-up start', async () => {
    const { authorityId } = await loadDemo(t.db);
    const ctx = systemContextFor(t.db, authorityId, { now: new Date('2022-03-01T09:00:00+07:00') });
    const q1 = { from: '2021-01-01', to: '2021-03-31' };
    const june = { from: '2021-06-01', to: '2021-06-30' };
    // the seed plan as registered: its deadlines of Q1 2021 missed, reminded and criticised in Q1
    const before = await listCommendations(ctx, q1);
    expect(before.criticised.length).toBeGreaterThan(0);
    expect((await listCommendations(ctx, june)).criticised).toEqual([]);
    const remindersOf = async () =>
      (await scoreYear(ctx, { year: 2021 })).agencies.map((a) => [a.code, a.reminders]);
    const yearBefore = await remindersOf();

    // followed from 1 June 2021: every reminder of Q1 is judged by 1 June, so it counts in June
    await sql`update plan set followup_from = date '2021-06-01' where authority_id = ${authorityId}`.execute(
      t.db,
    );
    expect((await listCommendations(ctx, q1)).criticised).toEqual([]);
    const followed = await listCommendations(ctx, june);
    const causes = (lists: typeof before) =>
      lists.criticised.flatMap((a) =>
        a.because.map((c) => `${a.code} ${c.plan} ${c.task} ${c.occurrence} ${c.dueOn}`),
      );
    // every reminder of Q1 is now one of June's (with those of the deadlines of April and May)
    expect(causes(followed)).toEqual(expect.arrayContaining(causes(before)));
    const remindedOn = followed.criticised.flatMap((a) => a.because.map((c) => c.remindedOn ?? ''));
    expect(remindedOn.filter((day) => day < '2021-06-02' || day > '2021-07-01')).toEqual([]);
    // the year's scores count the same reminders (no result came between the deadlines and 1 June)
    expect(await remindersOf()).toEqual(yearBefore);
  });
});
