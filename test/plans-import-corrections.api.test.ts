import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { chooseOneLead } from '../src/domain/lead-choice.ts';
import { expandPlanDetail } from '../src/shared/plan-assignments.ts';
import { multipartBody, renumberedSeed } from './matrix/plans.matrix.ts';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { useSeedWorld } from './support/world.ts';

/** Task 1 led by a directory agency, task 2 by a name the directory lacks, task 3 by nobody; no title. */
/** The plan's answer with one row per assignment, as the plan page reads it (`any`, as every reply here). */
const expanded = (reply: LightMyRequestResponse): ReturnType<typeof JSON.parse> =>
  expandPlanDetail(reply.json());

const UNTITLED_PLAN = [
  'Số: 95/KH-UBND',
  'Tây Ninh, ngày 01 tháng 03 năm 2021',
  'KẾ HOẠCH',
  'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
  '1\tRà soát thủ tục hành chính\tSở Tư pháp\t\tTrước ngày 30/4/2021\t',
  '2\tTiếp nhận hồ sơ trực tuyến\tTrung tâm Hành chính công tỉnh\tSở Nội vụ\tTrước ngày 31/5/2021\t',
  '3\tTuyên truyền dịch vụ công\t\t\tTrước ngày 30/6/2021\t',
].join('\n');

/**
 * Tasks 1 and 2 name two lead agencies each, task 3 a group (docs/domain-rules.md §3); the deadlines
 * fall on a Sunday, on the 30/4 holiday of 2021 and on a Monday (§4a).
 */
const SEVERAL_LEADS_PLAN = [
  'Số: 96/KH-UBND',
  'Tây Ninh, ngày 15 tháng 01 năm 2021',
  'KẾ HOẠCH',
  'Phối hợp kiểm tra công tác cải cách hành chính năm 2021',
  'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
  '1\tKiểm tra thủ tục hành chính\tSở Tư pháp, Sở Nội vụ\tSở Tài chính\tTrước ngày 31/1/2021\t',
  '2\tKiểm tra dịch vụ công y tế, giáo dục\tSở Y tế và Sở Giáo dục và Đào tạo\t\tTrước ngày 30/4/2021\t',
  '3\tTự kiểm tra\tCác sở, ban, ngành tỉnh\t\tTrước ngày 15/3/2021\t',
].join('\n');

/**
 * The import wizard's confirm step: POST /api/plans/import with the file and, in the field `plan`,
 * the preview as the Office corrected it — stored instead of what was read, with the file as source;
 * tasks that would get no lead only with `confirmTasksWithoutLead=true`.
 */
describeOnFastestDatabase('HTTP API: importing a corrected preview', (t) => {
  // the clock of the world; the old-plan test below reads it in 2026
  let clock = new Date('2021-01-15T03:00:00Z');
  afterEach(() => {
    clock = new Date('2021-01-15T03:00:00Z');
  });
  const seed = useSeedWorld(t, {
    now: () => clock,
    signedIn: { office: 'vanphong' },
  });

  /** POSTs a plan file to the preview or the import, with the form's other fields. */
  const upload = (
    url: string,
    file: { fileName: string; content: string },
    fields: Record<string, string> = {},
  ) => seed.office.request({ method: 'POST', url, ...multipartBody(file, fields) });
  const importWith = (content: string, fields: Record<string, string>) =>
    upload('/api/plans/import', { fileName: 'ke-hoach.txt', content }, fields);

  it('stores the corrected number, agency and due date, keeps the uploaded file as the source', async () => {
    const preview = await upload('/api/plans/import/preview', {
      fileName: 'ke-hoach.txt',
      content: renumberedSeed('90/KH-UBND'),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const read = preview.json();
    // the cells as written come with the names they matched, so untouched rows keep the document's words
    expect(read.tasks[2]).toMatchObject({ lead: ['Sở Tư pháp'], leadText: 'Sở Tư pháp' });
    const corrected = {
      ...read.plan,
      number: '91/KH-UBND',
      sections: read.sections,
      tasks: read.tasks.map((task: Record<string, unknown> & { lead: string[]; support: string[] }) => ({
        sectionCode: task.section,
        no: task.no,
        content: task.content,
        leadText: task.no === '3' && task.section === 'I' ? 'Sở Nội vụ' : task.lead.join('; '),
        supportText: task.support.join('; '),
        deadlineText: task.deadlineText,
        note: task.note,
        dueOn: task.no === '3' && task.section === 'I' ? '2021-01-25' : task.dueOn,
      })),
    };
    const reply = await importWith(renumberedSeed('90/KH-UBND'), { plan: JSON.stringify(corrected) });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().plan).toMatchObject({ number: '91/KH-UBND', tasks: 29 });
    const planId = reply.json().plan.planId;
    const detail = expanded(await seed.office.get(`/api/plans/${planId}?asOf=2021-01-15`));
    expect(detail.plan).toMatchObject({ number: '91/KH-UBND', hasSource: true });
    const i3 = detail.tasks.find((task: { ref: string }) => task.ref === 'I.3');
    expect(i3).toMatchObject({ deadlineText: 'Trước ngày 20/1/2021.', dueOn: '2021-01-25' });
    expect(i3.assignments.filter((a: { role: string }) => a.role === 'lead')).toEqual([
      expect.objectContaining({ agencyCode: 'SNV', currentDueOn: '2021-01-25' }),
    ]);
    expect((await seed.office.get(`/api/plans/${planId}/source`)).body).toContain('90/KH-UBND');
    const [audit] = await auditColumns(t.db, { action: 'plan.import', entityId: String(planId) }, ['data']);
    expect(audit?.data).toMatchObject({ number: '91/KH-UBND', corrected: true });
  });

  it('refuses a corrected plan that is not valid, storing nothing', async () => {
    const before = (await seed.office.get('/api/plans')).json().total;
    const notJson = await importWith(renumberedSeed('92/KH-UBND'), { plan: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const noTasks = await importWith(renumberedSeed('92/KH-UBND'), {
      plan: JSON.stringify({
        docType: 'KH',
        number: '92/KH-UBND',
        issuedOn: '2021-01-13',
        title: 'X',
        tasks: [],
      }),
    });
    expect(noTasks.statusCode).toBe(400);
    expect(noTasks.json().error.message).toContain('chưa có nhiệm vụ');
    const taken = await importWith(renumberedSeed('92/KH-UBND'), {
      plan: JSON.stringify({
        docType: 'KH',
        number: '87/KH-UBND',
        issuedOn: '2021-01-13',
        title: 'Trùng số',
        tasks: [{ no: '1', content: 'Việc', leadText: 'Sở Tư pháp', deadlineText: 'Trước ngày 20/1/2021' }],
      }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PLAN_EXISTS');
    expect((await seed.office.get('/api/plans')).json().total).toBe(before);
  });

  it('asks before storing tasks without lead, and takes the title the clerk typed', async () => {
    const file = { fileName: 'ke-hoach-95.txt', content: UNTITLED_PLAN };
    const preview = await upload('/api/plans/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const read = preview.json();
    expect(read.plan.title).toBeNull();
    expect(read.warnings).toContainEqual(expect.objectContaining({ code: 'missing_title' }));
    expect(read.unknownAgencies).toEqual([
      {
        name: 'Trung tâm Hành chính công tỉnh',
        tasks: ['2'],
        lead: true,
        suggestions: expect.any(Array),
        code: 'TTHCC',
        kind: 'province',
      },
    ]);
    expect(read.tasksWithoutLead.map((x: { task: string }) => x.task)).toEqual(['2', '3']);

    const before = (await seed.office.get('/api/plans')).json().total;
    // what the review sends: the header completed, the tasks as read
    const corrected = {
      ...read.plan,
      title: 'Nâng cấp dịch vụ công trực tuyến năm 2021',
      signer: read.plan.signer ?? '',
      sections: read.sections,
      tasks: read.tasks.map((task: Record<string, string>) => ({
        sectionCode: task.section,
        no: task.no,
        content: task.content,
        leadText: task.leadText,
        supportText: task.supportText,
        deadlineText: task.deadlineText,
        note: task.note,
      })),
    };
    const refused = await upload('/api/plans/import', file, { plan: JSON.stringify(corrected) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'IMPORT_TASKS_WITHOUT_LEAD',
      details: {
        count: 2,
        tasks: [expect.objectContaining({ task: '2' }), expect.objectContaining({ task: '3' })],
      },
    });
    expect(refused.json().error.message).toContain('2 nhiệm vụ chưa có cơ quan chủ trì');
    const untitled = await upload('/api/plans/import', file, { confirmTasksWithoutLead: 'true' });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { missing: ['title'] },
    });
    expect((await seed.office.get('/api/plans')).json().total).toBe(before);

    const stored = await upload('/api/plans/import', file, {
      plan: JSON.stringify(corrected),
      confirmTasksWithoutLead: 'true',
    });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().plan).toMatchObject({ number: '95/KH-UBND', tasks: 3, leadAssignments: 1 });
    const detail = expanded(await seed.office.get(`/api/plans/${stored.json().plan.planId}?asOf=2021-03-02`));
    expect(detail.plan.title).toBe('Nâng cấp dịch vụ công trực tuyến năm 2021');
    expect(detail.tasks.map((task: { assignments: unknown[] }) => task.assignments.length)).toEqual([
      1, 1, 0,
    ]);
  });

  it('follows an old plan from today unless told: no reminder dated in 2021, the Office may change it (§6, issue #14 §4)', async () => {
    clock = new Date('2026-12-08T03:00:00Z');
    const reply = await importWith(renumberedSeed('93/KH-UBND'), {});
    expect(reply.statusCode, reply.body).toBe(201);
    const { plan } = reply.json();
    // every one of the 111 lead deadlines of 2021 has passed: the answer says from when the plan is followed
    expect(plan).toMatchObject({ followupFrom: '2026-12-08', pastDeadlines: 111 });
    expect(plan.followupNotice).toContain('theo dõi từ hôm nay (08/12/2026)');
    const reminders = async (asOf: string) =>
      (await seed.office.get(`/api/reminders?asOf=${asOf}&plan=93/KH-UBND`)).json().reminders as {
        dueOn: string;
        countedDueOn: string;
        remindedOn: string;
        year: number;
      }[];
    expect(await reminders('2021-12-31')).toEqual([]);
    expect(await reminders('2026-12-08')).toEqual([]);
    // the overview counts the same reminders as the list (it does not read the counts kept by the
    // writes, which know no follow-up start: issue #18)
    const everyPlan = (await seed.office.get('/api/reminders?asOf=2021-12-31')).json().reminders.length;
    expect(everyPlan).toBeGreaterThan(0);
    const overview = (await seed.office.get('/api/statistics?asOf=2021-12-31')).json();
    expect(overview.totals.counts.reminders).toBe(everyPlan);
    const fromTomorrow = await reminders('2026-12-09');
    expect(fromTomorrow).toHaveLength(111);
    expect(new Set(fromTomorrow.map((r) => `${r.countedDueOn} ${r.remindedOn} ${r.year}`))).toEqual(
      new Set(['2026-12-08 2026-12-09 2026']),
    );
    expect(fromTomorrow.some((r) => r.dueOn.startsWith('2021-'))).toBe(true);

    // the Office moves the start back to the issue date, audited: the 2021 reminders are counted again
    const detail = (await seed.office.get(`/api/plans/${plan.planId}`)).json();
    const patched = await seed.office.patch(`/api/plans/${plan.planId}`, {
      version: detail.plan.version,
      followupFrom: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().followupFrom).toBeNull();
    expect(await reminders('2021-12-31')).toHaveLength(111);
    const [audit] = await auditColumns(t.db, { action: 'plan.update', entityId: String(plan.planId) }, [
      'before',
      'after',
    ]);
    expect(audit).toMatchObject({ before: { followupFrom: '2026-12-08' }, after: { followupFrom: null } });
  });

  it('several leads: flagged in the review, one chosen applied at commit, the other kept as written; moved deadlines shown', async () => {
    // the authority moves deadlines off non-working days (§4a): the review shows both dates
    await sql`update authority set settings = settings || '{"dueOnNonWorkingDay":"next_working_day"}'::jsonb`.execute(
      t.db,
    );
    const file = { fileName: 'ke-hoach-96.txt', content: SEVERAL_LEADS_PLAN };
    const preview = await upload('/api/plans/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const read = preview.json();
    const several = read.warnings.filter((w: { code: string }) => w.code === 'several_leads');
    expect(several).toEqual([
      expect.objectContaining({ task: '1', field: 'lead', agencies: ['Sở Tư pháp', 'Sở Nội vụ'] }),
      expect.objectContaining({ task: '2', field: 'lead', agencies: ['Sở Y tế', 'Sở Giáo dục và Đào tạo'] }),
    ]);
    expect(several[0].message).toContain('Ô chủ trì ghi nhiều cơ quan: Sở Tư pháp; Sở Nội vụ');
    expect(
      read.tasks.map((task: { dueOn: string; movedDueOn: string | null }) => [task.dueOn, task.movedDueOn]),
    ).toEqual([
      ['2021-01-31', '2021-02-01'],
      ['2021-04-30', '2021-05-04'],
      ['2021-03-15', null],
    ]);

    // the review's corrections: task 1 led by Sở Nội vụ alone, task 2 left as written (all lead)
    const corrected = {
      ...read.plan,
      signer: read.plan.signer ?? '',
      sections: read.sections,
      tasks: read.tasks.map((task: Record<string, string> & { lead: string[]; support: string[] }) => {
        const cells = task.no === '1' ? chooseOneLead(task, 'Sở Nội vụ') : null;
        return {
          sectionCode: task.section,
          no: task.no,
          content: task.content,
          leadText: cells ? cells.lead.join('; ') : task.leadText,
          supportText: cells ? cells.support.join('; ') : task.supportText,
          deadlineText: task.deadlineText,
          note: task.note,
        };
      }),
    };
    const stored = await upload('/api/plans/import', file, { plan: JSON.stringify(corrected) });
    expect(stored.statusCode, stored.body).toBe(201);
    const planId = stored.json().plan.planId;
    const detail = expanded(await seed.office.get(`/api/plans/${planId}?asOf=2021-01-15`));
    const roles = (ref: string) =>
      detail.tasks
        .find((task: { ref: string }) => task.ref === ref)
        .assignments.map((a: { agencyCode: string; role: string }) => `${a.role}:${a.agencyCode}`)
        .sort();
    expect(roles('1')).toEqual(['lead:SNV', 'support:STC', 'support:STP']);
    expect(roles('2')).toEqual(['lead:SGDDT', 'lead:SYT']);
    const task1 = detail.tasks.find((task: { ref: string }) => task.ref === '1');
    expect(task1.assignments.find((a: { role: string }) => a.role === 'lead').currentDueOn).toBe(
      '2021-02-01',
    );
    const [audit] = await auditColumns(t.db, { action: 'plan.import', entityId: String(planId) }, ['data']);
    // the record of the review: which tasks were stored with several leads
    expect(audit?.data).toMatchObject({ corrected: true, severalLeads: ['2'] });
  });
});
