import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { importPlanDocument, previewPlanImport } from '../src/modules/import/import.service.ts';
import { replanOccurrences } from '../src/modules/plans/plan-occurrences.ts';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';

const authority = { id: 1, place: 'Tây Ninh' };

describeOnFastestDatabase('creating a plan', (t) => {
  it('matches cells against the directory as it is now: an alias added after a plan serves the next one (issue #18)', async () => {
    await loadDemo(t.db);
    const ctx = systemContextFor(t.db, authority.id);
    const oneTask = (number: string) => ({
      docType: 'CV',
      number,
      issuedOn: '2021-03-01',
      title: 'Giao nhiệm vụ',
      tasks: [
        {
          no: '1',
          content: 'Báo cáo',
          leadText: 'Sở Thử Nghiệm Bí Danh',
          deadlineText: 'Trước ngày 30/6/2021',
        },
      ],
    });
    const first = await createPlan(ctx, oneTask('1/CV-ALIAS'));
    expect(first.leadAssignments).toBe(0);
    expect(first.unresolved).toHaveLength(1);
    // the same directory again: the loaded one is used again, with the same answer
    expect((await createPlan(ctx, oneTask('2/CV-ALIAS'))).unresolved).toHaveLength(1);
    await t.db
      .updateTable('agency')
      .set({ aliases: ['Sở Thử Nghiệm Bí Danh'] })
      .where('authority_id', '=', authority.id)
      .where('code', '=', 'STP')
      .execute();
    const third = await createPlan(ctx, oneTask('3/CV-ALIAS'));
    expect(third.unresolved).toEqual([]);
    const agencies = await t.db
      .selectFrom('assignment as a')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .innerJoin('agency as g', 'g.id', 'a.agency_id')
      .where('k.plan_id', '=', third.planId)
      .select(['g.code', 'a.role'])
      .execute();
    expect(agencies).toEqual([{ code: 'STP', role: 'lead' }]);
  });

  it('expands recurring and ongoing tasks: one assignment and one reminder per occurrence', async () => {
    await loadDemo(t.db);
    const created = await createPlan(systemContextFor(t.db, authority.id), {
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

    await submitResult(systemContextFor(t.db, 1), {
      plan: '12/KH-UBND',
      task: '1',
      agency: 'SNV',
      submittedOn: '2021-12-10',
      accept: true,
    });
    await submitResult(systemContextFor(t.db, 1), {
      plan: '12/KH-UBND',
      task: '1',
      agency: 'SNV',
      submittedOn: '2023-01-05',
      accept: true,
    });
    const reminders = await (
      await listWrittenReminders(systemContextFor(t.db, 1), { asOf: '2024-01-01', plan: '12/KH-UBND' })
    ).reminders;
    const snv = reminders.filter((r) => r.agency === 'SNV');
    // 2021 on time; 2022 received 05/01/2023, late: reminded; 2023 nothing received: reminded
    expect(snv.map((r) => [r.dueOn, r.year])).toEqual([
      ['2022-12-15', 2022],
      ['2023-12-15', 2023],
    ]);
    const status = await getStatus(systemContextFor(t.db, 1), { asOf: '2022-06-30', plan: '12/KH-UBND' });
    expect(status.agencies.find((a) => a.code === 'STTTT')).toMatchObject({
      ongoing: 1,
      open_overdue: 0,
      reminders: 0,
    });
    expect(status.agencies.find((a) => a.code === 'SNV')).toMatchObject({ done_on_time: 1, open_on_time: 1 }); // 2021 done; 2022 open; 2023 not opened yet
  });

  it('repeats recurring tasks until the horizon in the title, unless the Office sets an end (docs/domain-rules.md §4)', async () => {
    await loadDemo(t.db);
    const ctx = systemContextFor(t.db, authority.id);
    const quarterly = (number: string, title: string, endsOn?: string) =>
      createPlan(ctx, {
        docType: 'KH',
        number,
        issuedOn: '2021-03-01',
        ...(endsOn ? { endsOn } : {}),
        title,
        tasks: [{ no: '1', content: 'Báo cáo quý', leadText: 'Sở Nội vụ', deadlineText: 'Hằng quý' }],
      });
    const dues = async (planId: number) =>
      (
        await t.db
          .selectFrom('assignment as a')
          .innerJoin('task as k', 'k.id', 'a.task_id')
          .select('a.current_due_on')
          .where('k.plan_id', '=', planId)
          .orderBy('a.occurrence')
          .execute()
      ).map((r) => r.current_due_on);
    const stage = await quarterly('20/KH-UBND', 'Kế hoạch cải cách hành chính giai đoạn 2021-2025');
    const stageDues = await dues(stage.planId);
    expect([stageDues.length, stageDues[0], stageDues.at(-1)]).toEqual([20, '2021-03-31', '2025-12-31']);
    const plan = await t.db
      .selectFrom('plan')
      .select('ends_on')
      .where('id', '=', stage.planId)
      .executeTakeFirstOrThrow();
    expect(plan.ends_on).toBe('2025-12-31'); // shown and editable as the plan's end
    const set = await quarterly(
      '21/KH-UBND',
      'Kế hoạch cải cách hành chính giai đoạn 2021-2025',
      '2022-06-30',
    );
    expect((await dues(set.planId)).at(-1)).toBe('2022-06-30');
    // without a stated period: the issue year, as before
    const plain = await quarterly('22/KH-UBND', 'Kế hoạch kiểm tra công tác CCHC năm 2021');
    expect((await dues(plain.planId)).at(-1)).toBe('2021-12-31');
  });

  it('takes the Office’s date override over the parsed phrase, keeping the phrase', async () => {
    await loadDemo(t.db);
    const created = await createPlan(systemContextFor(t.db, authority.id), {
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

  it('registers the deadline phrases of real plans through the import (issue #13): listed dates, yearly runs, milestones', async () => {
    await loadDemo(t.db);
    const lines = [
      'Số: 40/KH-UBND',
      'Tây Ninh, ngày 01 tháng 03 năm 2023',
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2023 và các năm tiếp theo',
      'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
      '1\tRà soát quy trình nội bộ\tSở Nội vụ\t\tTrong năm 2023, 2024\t',
      '2\tBáo cáo chỉ số chuyển đổi số\tSở Thông tin và Truyền thông\t\tNăm 2025 và các năm tiếp theo\t',
      '3\tXây dựng đề án\tSở Tư pháp\t\tQuý I/2024 (trình UBND tỉnh)\t',
      '4\tTuyên truyền\tSở Tài chính\t\tCả năm\t',
      '5\tCập nhật dữ liệu\tSở Nội vụ\t\tThực hiện thường xuyên, riêng việc rà soát hoàn thành trong quý II/2023\t',
      '6\tSơ kết\tSở Tư pháp\t\tTháng 6/2023 và tháng 12/2023\t',
      '7\tHoàn thiện hạ tầng\tSở Tài chính\t\tTheo lộ trình, hoàn thành trong năm 2025\t',
    ];
    const file = { fileName: 'ke-hoach-40.txt', bytes: new TextEncoder().encode(lines.join('\n')) };
    const preview = await previewPlanImport(systemContextFor(t.db, authority.id), file);
    expect(preview.tasks.map((task) => [task.no, task.dueOn, task.recurrence])).toEqual([
      ['1', null, { every: 'dates', dates: ['2023-12-31', '2024-12-31'] }],
      ['2', null, { every: 'year', fromYear: 2025 }],
      ['3', '2024-03-31', null],
      ['4', '2023-12-31', null],
      ['5', '2023-06-30', null],
      ['6', null, { every: 'dates', dates: ['2023-06-30', '2023-12-31'] }],
      ['7', '2025-12-31', null],
    ]);

    const { plan } = await importPlanDocument(systemContextFor(t.db, authority.id), file);
    const leads = async () =>
      t.db
        .selectFrom('assignment as a')
        .innerJoin('task as k', 'k.id', 'a.task_id')
        .innerJoin('agency as g', 'g.id', 'a.agency_id')
        .select(['k.no', 'g.code', 'a.occurrence', 'a.period_label', 'a.opens_on', 'a.current_due_on'])
        .where('k.plan_id', '=', plan.planId)
        .where('a.role', '=', 'lead')
        .orderBy('k.position')
        .orderBy('a.occurrence')
        .execute();
    const row = (
      no: string,
      code: string,
      occurrence: number,
      label: string | null,
      opens: string,
      due: string,
    ) => ({
      no,
      code,
      occurrence,
      period_label: label,
      opens_on: opens,
      current_due_on: due,
    });
    // The plan gives no end: listed dates run to their last one, a yearly run to the end of its first year.
    expect(await leads()).toEqual([
      row('1', 'SNV', 1, 'Đợt 1, hạn 31/12/2023', '2023-03-01', '2023-12-31'),
      row('1', 'SNV', 2, 'Đợt 2, hạn 31/12/2024', '2024-01-01', '2024-12-31'),
      row('2', 'STTTT', 1, 'Năm 2025', '2025-01-01', '2025-12-31'),
      row('3', 'STP', 0, null, '2023-03-01', '2024-03-31'),
      row('4', 'STC', 0, null, '2023-03-01', '2023-12-31'),
      row('5', 'SNV', 0, null, '2023-03-01', '2023-06-30'),
      row('6', 'STP', 1, 'Đợt 1, hạn 30/06/2023', '2023-03-01', '2023-06-30'),
      row('6', 'STP', 2, 'Đợt 2, hạn 31/12/2023', '2023-07-01', '2023-12-31'),
      row('7', 'STC', 0, null, '2023-03-01', '2025-12-31'),
    ]);
    const stored = await t.db
      .selectFrom('task')
      .select(['no', 'deadline_kind', 'recurrence'])
      .where('plan_id', '=', plan.planId)
      .where('deadline_kind', '=', 'recurring')
      .orderBy('position')
      .execute();
    expect(stored).toEqual([
      {
        no: '1',
        deadline_kind: 'recurring',
        recurrence: { period: 'dates', dates: ['2023-12-31', '2024-12-31'] },
      },
      { no: '2', deadline_kind: 'recurring', recurrence: { period: 'year', fromYear: 2025 } },
      {
        no: '6',
        deadline_kind: 'recurring',
        recurrence: { period: 'dates', dates: ['2023-06-30', '2023-12-31'] },
      },
    ]);

    // Each occurrence is chased on its own: nothing received, a reminder after each due date.
    const reminders = await (
      await listWrittenReminders(systemContextFor(t.db, 1), { asOf: '2024-01-15', plan: '40/KH-UBND' })
    ).reminders;
    expect(reminders.map((r) => [r.agency, r.dueOn]).sort()).toEqual([
      ['SNV', '2023-06-30'],
      ['SNV', '2023-12-31'],
      ['STC', '2023-12-31'],
      ['STP', '2023-06-30'],
      ['STP', '2023-12-31'],
    ]);

    // A later end adds the yearly run's next years and leaves the listed dates as they are.
    await t.db.updateTable('plan').set({ ends_on: '2027-12-31' }).where('id', '=', plan.planId).execute();
    const after = await t.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', plan.planId)
      .executeTakeFirstOrThrow();
    expect(await replanOccurrences(t.db, after, { place: 'Tây Ninh', today: '2024-01-15' })).toEqual({
      added: 2,
      removed: 0,
    });
    const yearly = (await leads()).filter((r) => r.no === '2').map((r) => [r.period_label, r.current_due_on]);
    expect(yearly).toEqual([
      ['Năm 2025', '2025-12-31'],
      ['Năm 2026', '2026-12-31'],
      ['Năm 2027', '2027-12-31'],
    ]);
    expect((await leads()).filter((r) => r.no === '1')).toHaveLength(2);
  });
});
