import { afterEach, beforeEach, expect, it } from 'vitest';
import { multipartBody, renumberedSeed } from './matrix/plans.matrix.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { buildWorld, type Client, signIn, type World } from './support/http.ts';

/**
 * The import wizard's confirm step: POST /api/plans/import with the file and, in the field `plan`,
 * the preview as the Office corrected it — stored instead of what was read, with the file as source.
 */
describeOnFastestDatabase('HTTP API: importing a corrected preview', (t) => {
  let world: World;
  let office: Client;
  beforeEach(async () => {
    world = await buildWorld(t, { now: () => new Date('2021-01-15T03:00:00Z') });
    office = await signIn(world.app, 'vanphong');
  });
  afterEach(() => world.app.close());

  const importWith = (content: string, fields: Record<string, string>) =>
    office.request({
      method: 'POST',
      url: '/api/plans/import',
      ...multipartBody({ fileName: 'ke-hoach.txt', content }, fields),
    });

  it('stores the corrected number, agency and due date, keeps the uploaded file as the source', async () => {
    const preview = await office.request({
      method: 'POST',
      url: '/api/plans/import/preview',
      ...multipartBody({ fileName: 'ke-hoach.txt', content: renumberedSeed('90/KH-UBND') }),
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
    const detail = (await office.get(`/api/plans/${planId}?asOf=2021-01-15`)).json();
    expect(detail.plan).toMatchObject({ number: '91/KH-UBND', hasSource: true });
    const i3 = detail.tasks.find((task: { ref: string }) => task.ref === 'I.3');
    expect(i3).toMatchObject({ deadlineText: 'Trước ngày 20/1/2021.', dueOn: '2021-01-25' });
    expect(i3.assignments.filter((a: { role: string }) => a.role === 'lead')).toEqual([
      expect.objectContaining({ agencyCode: 'SNV', currentDueOn: '2021-01-25' }),
    ]);
    expect((await office.get(`/api/plans/${planId}/source`)).body).toContain('90/KH-UBND');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'plan.import')
      .where('entity_id', '=', String(planId))
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ number: '91/KH-UBND', corrected: true });
  });

  it('refuses a corrected plan that is not valid, storing nothing', async () => {
    const before = (await office.get('/api/plans')).json().total;
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
    expect((await office.get('/api/plans')).json().total).toBe(before);
  });
});
