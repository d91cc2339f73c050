import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';

/** docs/domain-rules.md §6, the seed check: plan 87/KH-UBND with the 2021 directory and no results. */
describeEachDatabase('seed plan 87/KH-UBND', (t) => {
  /** The demo, and a result of Sở Tư pháp (named by code or by name) for task I.3 recorded through the service. */
  async function demoWithI3Result(result: { agency: string; submittedOn: string; accept: boolean }) {
    await loadDemo(t.db);
    await submitResult(systemContextFor(t.db, 1), { plan: '87/KH-UBND', task: 'I.3', ...result });
  }

  it('loads all 29 tasks of the appendix and expands them into assignments', async () => {
    const { plan } = await loadDemo(t.db);
    expect(plan.tasks).toBe(29);
    // leads: section I 70, section II 41 (each one a reminder once overdue)
    expect(plan.leadAssignments).toBe(111);
    const tasks = await t.db
      .selectFrom('task')
      .select(['ref', 'due_on', 'lead_text'])
      .orderBy('position')
      .execute();
    expect(tasks.map((x) => x.ref)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `I.${i + 1}`),
      ...Array.from({ length: 14 }, (_, i) => `II.${i + 1}`),
    ]);
    expect(tasks[2]).toEqual({ ref: 'I.3', due_on: '2021-01-20', lead_text: 'Sở Tư pháp' });
    expect(tasks[1]?.due_on).toBe('2021-01-31');
  });

  it('finds 68 overdue lead assignments as of 2021-02-15, with the stated distribution', async () => {
    await loadDemo(t.db);
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-02-15' });
    expect(status.totals.open_overdue).toBe(68);
    expect(status.totals.reminders).toBe(68);
    const overdue = Object.fromEntries(status.agencies.map((a) => [a.code, a.open_overdue]));
    expect(overdue.VP).toBe(8);
    for (const code of ['STP', 'STTTT', 'STC', 'SNV']) expect(overdue[code]).toBe(3);
    const twos = Object.entries(overdue).filter(
      ([code]) => !['VP', 'STP', 'STTTT', 'STC', 'SNV'].includes(code),
    );
    expect(twos).toHaveLength(15 + 9);
    for (const [, count] of twos) expect(count).toBe(2);
    expect(status.totals.done_on_time + status.totals.done_late).toBe(0);
  });

  it('counts 111 written reminders by 2021-12-31', async () => {
    await loadDemo(t.db);
    const reminders = await (await listWrittenReminders(systemContextFor(t.db, 1), { asOf: '2021-12-31' }))
      .reminders;
    expect(reminders).toHaveLength(111);
    expect(reminders[0]).toMatchObject({
      agency: 'VP',
      plan: '87/KH-UBND',
      task: 'I.1',
      dueOn: '2021-01-13',
      remindedOn: '2021-01-14',
    });
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-12-31', plan: '87/KH-UBND' });
    expect(status.totals.reminders).toBe(111);
  });

  it('a result for I.3 on 19/01 is on time and prevents Sở Tư pháp’s reminder', async () => {
    await demoWithI3Result({ agency: 'STP', submittedOn: '2021-01-19', accept: true });
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-02-15' });
    const stp = status.agencies.find((a) => a.code === 'STP');
    expect(stp).toMatchObject({ done_on_time: 1, done_late: 0, open_overdue: 2, reminders: 2 });
    expect(status.totals.reminders).toBe(67);
    const reminders = await (await listWrittenReminders(systemContextFor(t.db, 1), { asOf: '2021-02-15' }))
      .reminders;
    expect(reminders.some((r) => r.agency === 'STP' && r.task === 'I.3')).toBe(false);
  });

  it('a result for I.3 on 25/01 is late and the reminder stays', async () => {
    await demoWithI3Result({ agency: 'Sở Tư pháp', submittedOn: '2021-01-25', accept: true });
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-02-15' });
    expect(status.agencies.find((a) => a.code === 'STP')).toMatchObject({
      done_late: 1,
      open_overdue: 2,
      reminders: 3,
    });
    const reminders = await (await listWrittenReminders(systemContextFor(t.db, 1), { asOf: '2021-02-15' }))
      .reminders;
    expect(reminders.filter((r) => r.agency === 'STP' && r.task === 'I.3')).toEqual([
      expect.objectContaining({ dueOn: '2021-01-20', remindedOn: '2021-01-21' }),
    ]);
  });

  it('a result not yet accepted does not count', async () => {
    await demoWithI3Result({ agency: 'STP', submittedOn: '2021-01-19', accept: false });
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-02-15' });
    expect(status.agencies.find((a) => a.code === 'STP')).toMatchObject({ done_on_time: 0, open_overdue: 3 });
  });

  it('is not overdue on the due date and is the day after', async () => {
    await loadDemo(t.db);
    const on = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-01-20' });
    const after = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-01-21' });
    expect(on.agencies.find((a) => a.code === 'STP')).toMatchObject({ open_overdue: 0, open_on_time: 4 });
    expect(after.agencies.find((a) => a.code === 'STP')).toMatchObject({ open_overdue: 2, open_on_time: 2 });
  });

  it('shows nothing before the plan was issued', async () => {
    await loadDemo(t.db);
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2021-01-12' });
    expect(status.agencies).toEqual([]);
  });
});
