import { expect, it } from 'vitest';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { assignmentOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

describeOnFastestDatabase('obstacles (khó khăn, vướng mắc)', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-01-16T10:00:00+07:00') });

  it('an agency reports on its own assignments, the Office sees all, an agency only its own', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const snv = await signIn(seed.world.app, 'snv');
    const office = await signIn(seed.world.app, 'vanphong');
    const i3 = (await assignmentOf(t.db, 'STP', 'I.3')).id;
    const reported = await stp.post(`/api/assignments/${i3}/obstacles`, {
      description: 'Chưa nhận được số liệu của các huyện',
      proposal: 'Đề nghị UBND tỉnh chỉ đạo các huyện gửi số liệu trước ngày 18/01',
    });
    expectReply(reported, 201, {
      assignmentId: i3,
      agency: { code: 'STP' },
      task: 'I.3',
      role: 'lead',
      reportedOn: '2021-01-16',
      status: 'open',
      response: null,
    });
    // a coordinating agency may report too; the proposal is optional
    const support = await stp.post(
      `/api/assignments/${(await assignmentOf(t.db, 'STP', 'I.4', 'support')).id}/obstacles`,
      {
        description: 'Thiếu kinh phí',
      },
    );
    expect(support.json()).toMatchObject({ role: 'support', proposal: '' });

    expect((await snv.post(`/api/assignments/${i3}/obstacles`, { description: 'x' })).statusCode).toBe(403);
    expect(
      (await anonymous(seed.world.app).post(`/api/assignments/${i3}/obstacles`, { description: 'x' }))
        .statusCode,
    ).toBe(401);
    expect((await stp.post(`/api/assignments/${i3}/obstacles`, { description: '' })).statusCode).toBe(400);
    expect((await stp.post('/api/assignments/999999/obstacles', { description: 'x' })).statusCode).toBe(404);

    expect((await office.get('/api/obstacles')).json()).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect((await office.get('/api/obstacles?pageSize=1&page=2')).json().items).toHaveLength(1);
    expect((await stp.get('/api/obstacles?status=open')).json().total).toBe(2);
    expect((await snv.get('/api/obstacles')).json()).toMatchObject({ total: 0, items: [] });
    expect((await (await signIn(seed.world.app, 'bd.vanphong')).get('/api/obstacles')).json().total).toBe(0);
    expect((await anonymous(seed.world.app).get('/api/obstacles')).statusCode).toBe(401);
  });

  it('the Office or leadership answers once; the agency sees the answer', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const leader = await signIn(seed.world.app, 'lanhdao');
    const id = (
      await stp.post(`/api/assignments/${(await assignmentOf(t.db, 'STP', 'I.3')).id}/obstacles`, {
        description: 'Vướng',
      })
    ).json().id;

    expect((await stp.post(`/api/obstacles/${id}/respond`, { response: 'Tự trả lời' })).statusCode).toBe(403);
    // the Office of another authority does not see it
    const otherOffice = await signIn(seed.world.app, 'bd.vanphong');
    expect((await otherOffice.post(`/api/obstacles/${id}/respond`, { response: 'x' })).statusCode).toBe(404);
    expect((await leader.post(`/api/obstacles/${id}/respond`, { response: '' })).statusCode).toBe(400);
    const answered = await leader.post(`/api/obstacles/${id}/respond`, {
      response: 'Giao Sở Tài chính bố trí kinh phí',
    });
    expectReply(answered, 200, {
      status: 'answered',
      response: 'Giao Sở Tài chính bố trí kinh phí',
      respondedOn: '2021-01-16',
      respondedBy: 'lanhdao',
    });
    const again = await (await signIn(seed.world.app, 'vanphong')).post(`/api/obstacles/${id}/respond`, {
      response: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect((await stp.get('/api/obstacles?status=answered')).json().items[0]).toMatchObject({
      id,
      status: 'answered',
    });
    expect((await stp.get('/api/obstacles?status=open')).json().total).toBe(0);
    const audit = await auditColumns(t.db, { entity: 'obstacle' }, ['action', 'actor']);
    expect(audit).toEqual([
      { action: 'obstacle.report', actor: 'stp' },
      { action: 'obstacle.respond', actor: 'lanhdao' },
    ]);
  });
});
