import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { describeEachDatabase } from './support/databases.ts';

const authority = { id: 1, place: 'Tây Ninh' };

describeEachDatabase('creating a plan', (t) => {
  it('expands recurring and ongoing tasks: one assignment and one reminder per occurrence', async () => {
    await loadDemo(t.db);
    const created = await createPlan(t.db, authority, {
      docType: 'KH',
      number: '12/KH-UBND',
      issuedOn: '2021-03-01',
      endsOn: '2023-12-31',
      title: 'Kế hoạch thử nghiệm nhiệm vụ định kỳ',
      tasks: [
        {
          no: '1',
          content: 'Báo cáo CCHC năm',
          leadText: 'Sở Nội vụ',
          supportText: 'Văn phòng UBND tỉnh',
          deadlineText: 'Trước ngày 15/12 hằng năm',
        },
        { no: '2', content: 'Báo cáo quý', leadText: 'UBND cấp huyện', deadlineText: 'Hằng quý' },
        { no: '3', content: 'Tuyên truyền', leadText: 'Sở TT&TT', deadlineText: 'Thường xuyên' },
        {
          no: '4',
          content: 'Việc chưa rõ đơn vị',
          leadText: 'Công an tỉnh',
          supportText: 'Các đơn vị có liên quan',
          deadlineText: 'Quý II/2021',
        },
      ],
    });
    expect(created.tasks).toBe(4);
    const rows = await t.db
      .selectFrom('assignment as a')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .innerJoin('agency as g', 'g.id', 'a.agency_id')
      .select(['k.no', 'g.code', 'a.role', 'a.occurrence', 'a.period_label', 'a.current_due_on'])
      .where('k.plan_id', '=', created.planId)
      .orderBy('k.position')
      .orderBy('a.occurrence')
      .execute();
    const yearly = rows.filter((r) => r.no === '1' && r.role === 'lead');
    expect(yearly.map((r) => r.current_due_on)).toEqual(['2021-12-15', '2022-12-15', '2023-12-15']);
    expect(rows.filter((r) => r.no === '1' && r.role === 'support').map((r) => r.code)).toEqual([
      'VP',
      'VP',
      'VP',
    ]);
    const quarterly = rows.filter((r) => r.no === '2');
    expect(quarterly).toHaveLength(9 * 12); // Q1/2021 … Q4/2023 for each of the 9 district committees
    expect(quarterly[0]).toMatchObject({ current_due_on: '2021-03-31' });
    expect(rows.filter((r) => r.no === '3')).toEqual([
      expect.objectContaining({ code: 'STTTT', role: 'lead', current_due_on: null }),
    ]);
    expect(rows.filter((r) => r.no === '4')).toEqual([]);
    expect(created.unresolved).toEqual([
      {
        task: '4',
        refs: [
          { role: 'support', kind: 'open_group', text: 'Các đơn vị có liên quan' },
          expect.objectContaining({ role: 'lead', kind: 'unmatched', text: 'Công an tỉnh' }),
        ],
      },
    ]);

    await submitResult(t.db, 1, {
      plan: '12/KH-UBND',
      task: '1',
      agency: 'SNV',
      submittedOn: '2021-12-10',
      accept: true,
    });
    await submitResult(t.db, 1, {
      plan: '12/KH-UBND',
      task: '1',
      agency: 'SNV',
      submittedOn: '2023-01-05',
      accept: true,
    });
    const reminders = await listWrittenReminders(t.db, 1, { asOf: '2024-01-01', plan: '12/KH-UBND' });
    const snv = reminders.filter((r) => r.agency === 'SNV');
    // 2021 on time; 2022 received 05/01/2023, late: reminded; 2023 nothing received: reminded
    expect(snv.map((r) => [r.dueOn, r.year])).toEqual([
      ['2022-12-15', 2022],
      ['2023-12-15', 2023],
    ]);
    const status = await getStatus(t.db, 1, { asOf: '2022-06-30', plan: '12/KH-UBND' });
    expect(status.agencies.find((a) => a.code === 'STTTT')).toMatchObject({
      ongoing: 1,
      open_overdue: 0,
      reminders: 0,
    });
    expect(status.agencies.find((a) => a.code === 'SNV')).toMatchObject({ done_on_time: 1, open_on_time: 1 }); // 2021 done; 2022 open; 2023 not opened yet
  });

  it('takes the Office’s date override over the parsed phrase, keeping the phrase', async () => {
    await loadDemo(t.db);
    const created = await createPlan(t.db, authority, {
      docType: 'KH',
      number: '13/KH-UBND',
      issuedOn: '2021-03-01',
      title: 'Thử ghi đè hạn',
      tasks: [
        {
          no: '1',
          content: 'Việc',
          leadText: 'Sở Y tế',
          deadlineText: 'Sau khi có ý kiến của Bộ',
          dueOn: '2021-05-31',
        },
      ],
    });
    const task = await t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', created.planId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      deadline_text: 'Sau khi có ý kiến của Bộ',
      due_on: '2021-05-31',
      deadline_kind: 'once',
    });
  });
});
