import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentDisposition } from '../src/modules/plans/plans-read.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { expandPlanDetail } from '../src/shared/plan-assignments.ts';
import { multipartBody, planRow, renumberedSeed, SEED_PLAN_TEXT, SMALL_PLAN } from './matrix/plans.matrix.ts';
import { submitSeedResult, systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** The plan's answer with one row per assignment, as the plan page reads it (`any`, as every reply here). */
const expanded = (reply: LightMyRequestResponse): ReturnType<typeof JSON.parse> =>
  expandPlanDetail(reply.json());

const RECURRING_PLAN = {
  docType: 'KH',
  number: '12/KH-UBND',
  issuedOn: '2021-01-05',
  title: 'Kế hoạch báo cáo định kỳ công tác cải cách hành chính',
  tasks: [
    { no: '1', content: 'Báo cáo công tác CCHC hằng quý', leadText: 'Sở Nội vụ', deadlineText: 'Hằng quý' },
    { no: '2', content: 'Tổng kết năm', leadText: 'Sở Tư pháp', deadlineText: 'Trước ngày 15/12/2021' },
  ],
};

describeOnFastestDatabase('HTTP API: plans and tasks', (t) => {
  let planId: number;
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-01-15T03:00:00Z'),
    signedIn: { office: 'vanphong' },
  });
  beforeEach(async () => {
    planId = (await planRow(t.db, seed.world.authorityId)).id;
  });

  const upload = (
    client: Client,
    url: string,
    content: string,
    fields: Record<string, string> = {},
    fileName = 'ke-hoach.txt',
  ) => client.request({ method: 'POST', url, ...multipartBody({ fileName, content }, fields) });
  const detail = async (id = planId, asOf = '2021-02-15') => {
    const reply = await seed.office.get(`/api/plans/${id}?asOf=${asOf}`);
    expect(reply.statusCode, reply.body).toBe(200);
    // one row per assignment, with its agency's code and name, as the plan page reads them
    return expanded(reply);
  };
  const task = async (ref: string) => (await detail()).tasks.find((x: { ref: string }) => x.ref === ref);
  const status = async (asOf: string) => (await seed.office.get(`/api/status?asOf=${asOf}`)).json().totals;
  /** '200', or '409 PLAN_EXISTS': the status and the error code of a reply on one line */
  const answer = async (reply: Promise<LightMyRequestResponse>) => {
    const r = await reply;
    return r.statusCode < 400 ? String(r.statusCode) : `${r.statusCode} ${r.json().error.code}`;
  };

  it('lists the plans with task and state counts as of a date', async () => {
    const body = (await seed.office.get('/api/plans?asOf=2021-02-15')).json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(body.items[0]).toMatchObject({
      number: '87/KH-UBND',
      issuedOn: '2021-01-13',
      tasks: 29,
      version: 1,
    });
    expect(body.items[0].progress).toMatchObject({ open_overdue: 68, total: 111 });
    expect((await seed.office.get('/api/plans?asOf=2021-01-10')).json().items[0].progress.total).toBe(0);
    expect((await seed.office.get('/api/plans?q=chuong%20trinh%20hanh%20dong')).json().total).toBe(1);
    expect((await seed.office.get('/api/plans?q=xyz')).json().total).toBe(0);
  });

  it('gives an agency the headers of its plans only, and another authority none of ours', async () => {
    const stp = (await (await signIn(seed.world.app, 'stp')).get('/api/plans')).json();
    expect(stp.items.map((p: { number: string }) => p.number)).toEqual(['87/KH-UBND']);
    expect(stp.items[0]).toMatchObject({ tasks: null, progress: null });
    const bd = await signIn(seed.world.app, 'bd.vanphong');
    expect((await bd.get('/api/plans')).json().items.map((p: { number: string }) => p.number)).toEqual([
      '52/KH-UBND',
    ]);
    expect(await answer(bd.get(`/api/plans/${planId}`))).toBe('404 PLAN_NOT_FOUND');
    expect(await answer(bd.get(`/api/plans/${planId}/source`))).toBe('404 PLAN_NOT_FOUND');
    expect(await answer(bd.patch(`/api/plans/${planId}`, { version: 1, title: 'X' }))).toBe(
      '404 PLAN_NOT_FOUND',
    );
    const stpClient = await signIn(seed.world.app, 'stp');
    expect(await answer(stpClient.get(`/api/plans/${planId}`))).toBe('403 FORBIDDEN');
    expect(await answer(anonymous(seed.world.app).get('/api/plans'))).toBe('401 UNAUTHENTICATED');
  });

  it('shows a plan: tasks in document order with their assignments, progress per section', async () => {
    const body = await detail();
    expect(body.tasks).toHaveLength(29);
    expect(body.tasks.map((x: { ref: string }) => x.ref).slice(0, 3)).toEqual(['I.1', 'I.2', 'I.3']);
    expect(body.tasks[15].ref).toBe('II.1');
    const i3 = body.tasks[2];
    expect(i3).toMatchObject({ sectionCode: 'I', no: '3', leadText: 'Sở Tư pháp', dueOn: '2021-01-20' });
    expect(i3.deadlineText).toMatch(/20\/1\/2021/);
    const lead = i3.assignments.filter((a: { role: string }) => a.role === 'lead');
    const stp = { agencyCode: 'STP', originalDueOn: '2021-01-20', state: 'open_overdue', daysOverdue: 26 };
    expect(lead).toEqual([expect.objectContaining(stp)]);
    expect(i3.assignments.length).toBeGreaterThan(20);
    expect(body.progress).toMatchObject({ open_overdue: 68, total: 111, onTimeRate: 0 });
    expect(body.sections.map((s: { code: string }) => s.code)).toEqual(['I', 'II']);
    expect(body.sections.map((s: { progress: { total: number } }) => s.progress.total)).toEqual([70, 41]);
    expect(body.tasks.find((x: { ref: string }) => x.ref === 'I.15').unresolved).toEqual([
      expect.objectContaining({ kind: 'open_group' }),
    ]);
    expect(await answer(seed.office.get('/api/plans/999999'))).toBe('404 PLAN_NOT_FOUND');
    expect(await answer(seed.office.get('/api/plans/abc'))).toBe('400 VALIDATION_FAILED');
  });

  it('answers each agency once and the assignments grouped by what they share: the seed plan under 50 KB (issue #18 goal 5)', async () => {
    const reply = await seed.office.get(`/api/plans/${planId}?asOf=2021-02-15`);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.body.length).toBeLessThanOrEqual(50 * 1024);
    const raw = reply.json();
    expect(raw.agencies).toHaveLength(29);
    expect(new Set(raw.agencies.map((a: { id: number }) => a.id)).size).toBe(29);
    expect(raw.agencies).toContainEqual(expect.objectContaining({ code: 'STP', name: 'Sở Tư pháp' }));
    const groups = raw.tasks.flatMap((x: { assignmentGroups: unknown[] }) => x.assignmentGroups);
    for (const group of groups) expect(group.ids.length).toBe(group.agencyIds.length);
    const ids = groups.flatMap((group: { ids: number[] }) => group.ids);
    expect(ids).toHaveLength(721);
    expect(new Set(ids).size).toBe(721);
    // every assignment, once, as the database has it
    const rows = await t.db
      .selectFrom('assignment')
      .innerJoin('task', 'task.id', 'assignment.task_id')
      .where('task.plan_id', '=', planId)
      .where('assignment.parent_assignment_id', 'is', null)
      .select(['assignment.id', 'assignment.agency_id', 'assignment.role'])
      .execute();
    const answered = expandPlanDetail(raw).tasks.flatMap((x) => x.assignments);
    expect(new Map(answered.map((a) => [a.id, `${a.agencyId} ${a.role}`]))).toEqual(
      new Map(rows.map((r) => [r.id, `${r.agency_id} ${r.role}`])),
    );
  });

  it('creates a plan from JSON: 201, in the list, refused twice and refused to leadership', async () => {
    const reply = await seed.office.post('/api/plans', SMALL_PLAN);
    expectReply(reply, 201, {
      number: '90/KH-UBND',
      tasks: 1,
      leadAssignments: 1,
      unresolved: [],
    });
    expect((await seed.office.get('/api/plans')).json().total).toBe(2);
    expect(await answer(seed.office.post('/api/plans', SMALL_PLAN))).toBe('409 PLAN_EXISTS');
    expect(await answer(seed.office.post('/api/plans', { ...SMALL_PLAN, tasks: [] }))).toBe(
      '400 VALIDATION_FAILED',
    );
    const leader = await signIn(seed.world.app, 'lanhdao');
    expect(await answer(leader.post('/api/plans', { ...SMALL_PLAN, number: '91/KH-UBND' }))).toBe(
      '403 FORBIDDEN',
    );
  });

  it('previews an uploaded document over multipart without storing it', async () => {
    const reply = await upload(seed.office, '/api/plans/import/preview', SEED_PLAN_TEXT);
    expect(reply.statusCode, reply.body).toBe(200);
    const preview = reply.json();
    expect(preview.plan).toMatchObject({ number: '87/KH-UBND', issuedOn: '2021-01-13' });
    expect(preview.tasks).toHaveLength(29);
    expect(preview.tasks[2]).toMatchObject({
      section: 'I',
      no: '3',
      lead: ['Sở Tư pháp'],
      dueOn: '2021-01-20',
    });
    expect(preview.warnings.length).toBeGreaterThan(0);
    expect((await seed.office.get('/api/plans')).json().total).toBe(1);
    const none = seed.office.request({
      method: 'POST',
      url: '/api/plans/import/preview',
      ...multipartBody(null, { a: 'b' }),
    });
    expect(await answer(none)).toBe('400 VALIDATION_FAILED');
    const doc = upload(seed.office, '/api/plans/import/preview', 'x', {}, 'ke-hoach.doc');
    expect(await answer(doc)).toBe('415 IMPORT_UNSUPPORTED');
    expect(await answer(seed.office.post('/api/plans/import/preview', { file: 'x' }))).toBe(
      '400 VALIDATION_FAILED',
    );
  });

  it('imports a document: refuses a registered number, stores a renumbered copy, replaces on request', async () => {
    expect(await answer(upload(seed.office, '/api/plans/import', SEED_PLAN_TEXT))).toBe('409 PLAN_EXISTS');
    const copy = await upload(seed.office, '/api/plans/import', renumberedSeed('88/KH-UBND'));
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json().plan).toMatchObject({ number: '88/KH-UBND', tasks: 29, leadAssignments: 111 });
    const copyId = copy.json().plan.planId;
    expect((await seed.office.get(`/api/plans/${copyId}/source`)).body).toContain('88/KH-UBND');
    // the field may come after the file
    const replaced = await upload(seed.office, '/api/plans/import', SEED_PLAN_TEXT, { replace: 'true' });
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect((await seed.office.get(`/api/plans/${planId}`)).statusCode).toBe(404);
    const newId = replaced.json().plan.planId;
    // the demo links section II tasks to the indices they serve: they follow the tasks to the new plan
    const links = await t.db
      .selectFrom('index_link as l')
      .innerJoin('task as t', 't.id', 'l.task_id')
      .select(['t.plan_id', 't.ref', 'l.index_code'])
      .execute();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.plan_id === newId)).toBe(true);
    expect(links).toContainEqual({ plan_id: newId, ref: 'II.2', index_code: 'PCI' });
    await submitSeedResult(t.db, seed.world.authorityId, 'I.3', 'STP', '2021-01-19');
    const refused = upload(seed.office, '/api/plans/import', SEED_PLAN_TEXT, { replace: 'true' });
    expect(await answer(refused)).toBe('409 PLAN_HAS_RESULTS');
    expect((await detail(newId)).plan.number).toBe('87/KH-UBND');
    expect((await seed.office.get('/api/plans')).json().total).toBe(2);
  });

  it('edits the header against its version: the second of two edits from one version gets 409', async () => {
    const edit = { version: 1, title: 'Tên mới', signer: 'Trần Văn Chiến' };
    const first = await seed.office.patch(`/api/plans/${planId}`, edit);
    expectReply(first, 200, { ...edit, version: 2, replanned: null });
    const second = seed.office.patch(`/api/plans/${planId}`, { version: 1, title: 'Tên khác' });
    expect(await answer(second)).toBe('409 VERSION_CONFLICT');
    expect((await detail()).plan).toMatchObject({ title: 'Tên mới', version: 2 });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.update')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor: 'vanphong', entity_id: String(planId) })]);
    const patch = (body: object) =>
      answer(seed.office.patch(`/api/plans/${planId}`, { version: 2, ...body }));
    expect(await patch({ issuedOn: '2021-01-14' })).toBe('400 VALIDATION_FAILED'); // not editable
    expect(await patch({ endsOn: '2020-12-31' })).toBe('400 VALIDATION_FAILED');
    expect(await patch({ number: '87/kh-ubnd' })).toBe('200');
    // at the same time: exactly one wins
    const race = await Promise.all(
      ['A', 'B'].map((title) => answer(seed.office.patch(`/api/plans/${planId}`, { version: 3, title }))),
    );
    expect(race.sort()).toEqual(['200', '409 VERSION_CONFLICT']);
  });

  it('re-plans recurring occurrences when the end date moves', async () => {
    const created = (await seed.office.post('/api/plans', RECURRING_PLAN)).json();
    expect(created.leadAssignments).toBe(5); // four quarters of 2021 + the one-off task
    const longer = await seed.office.patch(`/api/plans/${created.planId}`, {
      version: 1,
      endsOn: '2022-06-30',
    });
    expect(longer.json()).toMatchObject({ endsOn: '2022-06-30', replanned: { added: 2, removed: 0 } });
    const quarterly = (await detail(created.planId, '2022-12-31')).tasks[0].assignments;
    expect(quarterly.map((a: { periodLabel: string }) => a.periodLabel)).toEqual([
      'Quý I/2021',
      'Quý II/2021',
      'Quý III/2021',
      'Quý IV/2021',
      'Quý I/2022',
      'Quý II/2022',
    ]);
    const shorter = await seed.office.patch(`/api/plans/${created.planId}`, {
      version: 2,
      endsOn: '2021-09-30',
    });
    expect(shorter.json().replanned).toEqual({ added: 0, removed: 3 });
    await submitResult(systemContextFor(t.db, seed.world.authorityId), {
      plan: '12/KH-UBND',
      task: '1',
      agency: 'SNV',
      submittedOn: '2021-01-10',
      accept: false,
      occurrence: 3,
    });
    const refused = seed.office.patch(`/api/plans/${created.planId}`, { version: 3, endsOn: '2021-06-30' });
    expect(await answer(refused)).toBe('409 CONFLICT');
  });

  it('withdraws a plan from a date: its assignments are cancelled from then', async () => {
    const before = await status('2021-01-31');
    const reply = await seed.office.post(`/api/plans/${planId}/cancel`, {
      cancelledOn: '2021-02-01',
      reason: 'Thay thế',
    });
    expectReply(reply, 200, { cancelledOn: '2021-02-01', version: 2 });
    expect(await status('2021-01-31')).toEqual(before);
    expect(await status('2021-02-15')).toMatchObject({ cancelled: 111, open_overdue: 0, open_on_time: 0 });
    expect((await seed.office.get('/api/assignments?asOf=2021-02-15&state=cancelled')).json().total).toBe(
      111,
    );
    expect(await answer(seed.office.post(`/api/plans/${planId}/cancel`))).toBe('409 CONFLICT');
    const other = (await seed.office.post('/api/plans', SMALL_PLAN)).json().planId;
    const early = seed.office.post(`/api/plans/${other}/cancel`, { cancelledOn: '2021-01-01' });
    expect(await answer(early)).toBe('400 VALIDATION_FAILED');
    // today (2021-01-15) is before its issue date
    expect(await answer(seed.office.post(`/api/plans/${other}/cancel`))).toBe('400 VALIDATION_FAILED');
  });

  it('serves the source document with its media type and a safe file name', async () => {
    const reply = await seed.office.get(`/api/plans/${planId}/source`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="ke-hoach-87-KH-UBND-2021-tay-ninh.txt"; filename*=UTF-8''ke-hoach-87-KH-UBND-2021-tay-ninh.txt`,
    );
    expect(reply.body).toBe(SEED_PLAN_TEXT);
    expect(await answer((await signIn(seed.world.app, 'lanhdao')).get(`/api/plans/${planId}/source`))).toBe(
      '200',
    );
    const typed = (await seed.office.post('/api/plans', SMALL_PLAN)).json().planId;
    expect(await answer(seed.office.get(`/api/plans/${typed}/source`))).toBe('404 FILE_NOT_FOUND');
  });

  it('overrides a task’s due date for its open assignments only, keeping the first date', async () => {
    await submitSeedResult(t.db, seed.world.authorityId, 'I.3', 'HTB', '2021-01-14');
    const i3 = await task('I.3');
    const reply = await seed.office.patch(`/api/tasks/${i3.id}`, {
      version: 1,
      dueOn: '2021-01-30',
      note: 'Lùi hạn',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().task).toMatchObject({ dueOn: '2021-01-30', note: 'Lùi hạn', version: 2 });
    expect(reply.json().movedAssignments).toBe(i3.assignments.length - 1); // all but the one done
    const after = await task('I.3');
    expect(after.deadlineText).toBe(i3.deadlineText);
    const of = (t: { assignments: { agencyCode: string }[] }, code: string) =>
      t.assignments.find((a) => a.agencyCode === code);
    expect(of(after, 'STP')).toMatchObject({ originalDueOn: '2021-01-20', currentDueOn: '2021-01-30' });
    expect(of(after, 'HTB')).toMatchObject({ currentDueOn: '2021-01-20' });
    // a second override moves the current date again; the first date stays
    const again = await seed.office.patch(`/api/tasks/${i3.id}`, { version: 2, dueOn: '2021-02-05' });
    expect(again.json().movedAssignments).toBe(i3.assignments.length - 1);
    expect(of(await task('I.3'), 'STP')).toMatchObject({
      originalDueOn: '2021-01-20',
      currentDueOn: '2021-02-05',
    });
    // I.1 was due 13/01: overdue today (15/01), nothing moves
    const i1 = await task('I.1');
    const none = await seed.office.patch(`/api/tasks/${i1.id}`, { version: 1, dueOn: '2021-01-30' });
    expect(none.json().movedAssignments).toBe(0);
  });

  it('refuses stale, past and per-period due dates, and keeps the first of two edits', async () => {
    const i6 = await task('I.6');
    const edit = (id: number, body: object) => answer(seed.office.patch(`/api/tasks/${id}`, body));
    expect(await edit(i6.id, { version: 1, content: 'Nội dung A' })).toBe('200');
    expect(await edit(i6.id, { version: 1, content: 'Nội dung B' })).toBe('409 VERSION_CONFLICT');
    expect((await task('I.6')).content).toBe('Nội dung A');
    expect(await edit(i6.id, { version: 2, dueOn: '2021-01-10' })).toBe('400 VALIDATION_FAILED'); // before today
    const plan = (await seed.office.post('/api/plans', RECURRING_PLAN)).json();
    const quarterly = (await detail(plan.planId)).tasks[0];
    expect(await edit(quarterly.id, { version: 1, dueOn: '2021-06-30' })).toBe('400 VALIDATION_FAILED');
    expect(await edit(999999, { version: 1, note: 'x' })).toBe('404 TASK_NOT_FOUND');
  });

  it('cancels a task from a date', async () => {
    const i6 = await task('I.6');
    const reply = await seed.office.post(`/api/tasks/${i6.id}/cancel`, { cancelledOn: '2021-01-18' });
    expectReply(reply, 200, { ref: 'I.6', cancelledOn: '2021-01-18', version: 2 });
    const agencies = (await seed.office.get('/api/status?asOf=2021-02-15')).json().agencies;
    expect(agencies.find((a: { code: string }) => a.code === 'SNV')).toMatchObject({
      open_overdue: 2,
      cancelled: 1,
    });
    expect((await status('2021-02-15')).open_overdue).toBe(67);
    expect(await answer(seed.office.post(`/api/tasks/${i6.id}/cancel`))).toBe('409 CONFLICT');
    const snv = await signIn(seed.world.app, 'snv');
    expect(await answer(snv.post(`/api/tasks/${i6.id}/cancel`))).toBe('403 FORBIDDEN');
  });
});

describe('contentDisposition', () => {
  it.each([
    [
      'Kế hoạch số 87.docx',
      `attachment; filename="Ke hoach so 87.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2087.docx`,
    ],
    ['../../etc/"passwd"\r\n.txt', `attachment; filename="passwd.txt"; filename*=UTF-8''passwd.txt`],
    [
      'Đề án (1).pdf',
      `attachment; filename="De an (1).pdf"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%281%29.pdf`,
    ],
    ['..', `attachment; filename="van-ban"; filename*=UTF-8''van-ban`],
  ])('%s', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
