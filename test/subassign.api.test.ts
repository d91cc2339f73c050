import { beforeEach, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/access.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { leadAssignmentId, multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { testContext } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, DEMO_PASSWORD, expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const JAN_15 = () => new Date('2021-01-15T09:00:00+07:00');

describeOnFastestDatabase('HTTP API: sub-units and sub-assignment', (t) => {
  let i3: number;
  const seed = useSeedWorld(t, { now: JAN_15, signedIn: { office: 'vanphong', stp: 'stp' } });
  beforeEach(async () => {
    i3 = await leadAssignmentId(t.db, seed.world.authorityId, 'I.3', 'STP');
  });

  const addUnit = async (client: Client, name: string, code: string, parentId?: number) =>
    client.post('/api/units', { name, code, ...(parentId ? { parentId } : {}) });

  async function twoUnits() {
    const a = (await addUnit(seed.stp, 'Phòng Xây dựng và kiểm tra văn bản', 'stp-xdkt')).json();
    const b = (await addUnit(seed.stp, 'Phòng Hành chính tư pháp', 'STP-HCTP')).json();
    return [a, b] as { id: number; code: string }[];
  }

  it('lets an agency add its own units and list them; others see none of them', async () => {
    const created = await addUnit(seed.stp, 'Phòng Xây dựng và kiểm tra văn bản', 'stp-xdkt');
    expectReply(created, 201, {
      code: 'STP-XDKT',
      parentId: seed.world.agency('STP'),
      parentCode: 'STP',
    });
    const nested = await addUnit(seed.stp, 'Tổ kiểm tra', 'STP-XDKT-KT', created.json().id);
    expect(nested.statusCode).toBe(201);
    expect((await addUnit(seed.stp, 'Phòng khác', 'STP-XDKT')).statusCode).toBe(409);
    expect((await addUnit(seed.stp, 'phong xay dung va kiem tra van ban', 'STP-2')).statusCode).toBe(409);
    expect(
      (await addUnit(seed.stp, 'Phòng của Sở Nội vụ', 'SNV-X', seed.world.agency('SNV'))).statusCode,
    ).toBe(403);
    expect((await addUnit(seed.office, 'Phòng Tổ chức', 'SNV-TC', seed.world.agency('SNV'))).statusCode).toBe(
      201,
    );
    expect((await addUnit(seed.office, 'Phòng không có cơ quan', 'X-1')).statusCode).toBe(400);
    expect(
      (await addUnit(await signIn(seed.world.app, 'lanhdao'), 'Phòng', 'L-1', seed.world.agency('STP')))
        .statusCode,
    ).toBe(403);
    expect(
      (await anonymous(seed.world.app).post('/api/units', { name: 'Phòng', code: 'P-1' })).statusCode,
    ).toBe(401);

    const mine = (await seed.stp.get('/api/units')).json();
    expect(mine).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(mine.items.map((u: { code: string }) => u.code)).toEqual(['STP-XDKT', 'STP-XDKT-KT']);
    expect((await seed.office.get('/api/units')).json().total).toBe(3);
    expect((await seed.office.get(`/api/units?parentId=${seed.world.agency('SNV')}`)).json().items).toEqual([
      expect.objectContaining({ code: 'SNV-TC' }),
    ]);
    expect((await (await signIn(seed.world.app, 'snv')).get('/api/units')).json().items).toEqual([
      expect.objectContaining({ code: 'SNV-TC' }),
    ]);
    expect((await seed.stp.get(`/api/units?parentId=${seed.world.agency('SNV')}`)).statusCode).toBe(403);
    expect((await (await signIn(seed.world.app, 'bd.vanphong')).get('/api/units')).json().total).toBe(0);
  });

  it('sub-assigns to own units within the due date; children do not change status or reminders', async () => {
    const statusBefore = (await seed.office.get('/api/status?asOf=2021-02-15')).json();
    const remindersBefore = (await seed.office.get('/api/reminders?asOf=2021-12-31')).json().reminders;
    const [a, b] = await twoUnits();
    if (!a || !b) throw new Error('units');
    const url = `/api/assignments/${i3}/subassignments`;
    expect((await seed.stp.post(url, { items: [{ agencyId: a.id, dueOn: '2021-01-21' }] })).statusCode).toBe(
      400,
    );
    expect(
      (await seed.stp.post(url, { items: [{ agencyId: seed.world.agency('SNV'), dueOn: '2021-01-18' }] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await seed.stp.post(url, { items: [{ agencyId: seed.world.agency('STP'), dueOn: '2021-01-18' }] }))
        .statusCode,
    ).toBe(400);
    const reply = await seed.stp.post(url, {
      items: [
        { agencyId: a.id, dueOn: '2021-01-18', note: 'Dự thảo báo cáo' },
        { agencyId: b.id, dueOn: '2021-01-20' },
      ],
    });
    expect(reply.statusCode).toBe(201);
    const view = reply.json();
    expect(view.parent).toEqual({
      id: i3,
      agencyId: seed.world.agency('STP'),
      agencyCode: 'STP',
      dueOn: '2021-01-20',
    });
    expect(view.items).toEqual([
      expect.objectContaining({
        agencyCode: 'STP-XDKT',
        opensOn: '2021-01-15',
        dueOn: '2021-01-18',
        note: 'Dự thảo báo cáo',
        state: 'open_on_time',
        resultStatus: null,
      }),
      expect.objectContaining({ agencyCode: 'STP-HCTP', dueOn: '2021-01-20', note: '' }),
    ]);
    expect(view.progress).toEqual({ done: 0, total: 2 });
    expect((await seed.stp.post(url, { items: [{ agencyId: a.id, dueOn: '2021-01-18' }] })).statusCode).toBe(
      409,
    );
    const children = await t.db
      .selectFrom('assignment')
      .selectAll()
      .where('parent_assignment_id', '=', i3)
      .execute();
    expect(children.map((c) => [c.role, c.original_due_on, c.current_due_on])).toEqual([
      ['lead', '2021-01-18', '2021-01-18'],
      ['lead', '2021-01-20', '2021-01-20'],
    ]);

    expect((await seed.office.get('/api/status?asOf=2021-02-15')).json()).toEqual(statusBefore);
    expect((await seed.office.get('/api/reminders?asOf=2021-12-31')).json().reminders).toEqual(
      remindersBefore,
    );
    expect((await seed.office.get(url)).json()).toEqual(view);
    expect((await (await signIn(seed.world.app, 'lanhdao')).get(url)).statusCode).toBe(200);
  });

  it('an agency’s own list leaves its units’ sub-assignments out and keeps a unit’s own work (issue #18)', async () => {
    const list = async () =>
      (await seed.stp.get('/api/assignments?asOf=2021-02-15&pageSize=200')).json() as {
        total: number;
        items: { id: number; agencyCode: string }[];
      };
    const before = await list();
    const [a, b] = await twoUnits();
    if (!a || !b) throw new Error('units');
    expect(
      (
        await seed.stp.post(`/api/assignments/${i3}/subassignments`, {
          items: [{ agencyId: a.id, dueOn: '2021-01-18' }],
        })
      ).statusCode,
    ).toBe(201);
    // the scope now names three agencies; the sub-assignment is not in the list
    expect(await list()).toEqual(before);
    // a unit given work of its own (as a reorganisation does) stays in its agency's list
    const other = before.items.find((item) => item.id !== i3);
    if (!other) throw new Error('a second assignment of STP');
    await t.db.updateTable('assignment').set({ agency_id: b.id }).where('id', '=', other.id).execute();
    const after = await list();
    expect(after.total).toBe(before.total);
    expect(after.items.find((item) => item.id === other.id)?.agencyCode).toBe('STP-HCTP');
    expect(after.items.map((item) => item.id).sort()).toEqual(before.items.map((item) => item.id).sort());
  });

  it('the parent agency receives and decides its units’ results; progress rolls up', async () => {
    const [a, b] = await twoUnits();
    if (!a || !b) throw new Error('units');
    const url = `/api/assignments/${i3}/subassignments`;
    const children = (
      await seed.stp.post(url, {
        items: [
          { agencyId: a.id, dueOn: '2021-01-18' },
          { agencyId: b.id, dueOn: '2021-01-18' },
        ],
      })
    ).json().items as { id: number }[];
    const [childA, childB] = children;
    if (!childA || !childB) throw new Error('children');

    // a user of the unit itself may report, but not decide its own result
    const unitUser = await createUser(testContext(t.db, systemActor(seed.world.authorityId)), {
      username: 'stp.xdkt',
      displayName: 'Phòng XDKT',
      role: 'agency',
      agencyId: a.id,
      password: DEMO_PASSWORD,
    });
    expect(unitUser.id).toBeGreaterThan(0);
    const unit = await signIn(seed.world.app, 'stp.xdkt');
    const submitted = await unit.request({
      method: 'POST',
      url: `/api/assignments/${childA.id}/results`,
      ...(await multipart({ documentNumber: '03/BC-XDKT' }, [{ name: 'du-thao.pdf', bytes: SMALL_PDF }])),
    });
    expect(submitted.statusCode).toBe(201);
    const result = submitted.json();
    expect(result).toMatchObject({ parentAssignmentId: i3, agencyCode: 'STP-XDKT', status: 'pending' });
    expect((await unit.post(`/api/results/${result.id}/accept`)).statusCode).toBe(403);
    expect((await unit.get(`/api/files/${result.files[0].id}`)).statusCode).toBe(200);
    expect(
      (await (await signIn(seed.world.app, 'snv')).post(`/api/results/${result.id}/accept`)).statusCode,
    ).toBe(403);
    expect(
      (await (await signIn(seed.world.app, 'lanhdao')).post(`/api/results/${result.id}/accept`)).statusCode,
    ).toBe(403);
    expect((await unit.post(`/api/assignments/${i3}/subassignments`, { items: [] })).statusCode).toBe(400);
    expect((await unit.get(url)).statusCode).toBe(403);

    // the Office's queue can leave internal results out
    expect((await seed.office.get('/api/results?internal=false')).json().total).toBe(0);
    expect((await seed.office.get('/api/results?internal=true')).json().total).toBe(1);
    expect((await seed.stp.get('/api/results?status=pending')).json().total).toBe(1);

    const statusBefore = (await seed.office.get('/api/status?asOf=2021-01-19')).json();
    const accepted = await seed.stp.post(`/api/results/${result.id}/accept`);
    expectReply(accepted, 200, { status: 'accepted', decidedBy: 'stp' });
    // stp records and accepts the other unit's report at once
    const atOnce = await seed.stp.post(`/api/assignments/${childB.id}/results`, {
      documentNumber: '04/BC-HCTP',
      accept: true,
    });
    expect(atOnce.json()).toMatchObject({ status: 'accepted' });

    const view = (await seed.stp.get(url)).json();
    expect(view.progress).toEqual({ done: 2, total: 2 });
    expect(view.items.map((i: { state: string; resultStatus: string }) => [i.state, i.resultStatus])).toEqual(
      [
        ['done_on_time', 'accepted'],
        ['done_on_time', 'accepted'],
      ],
    );
    // children done: the parent is still open for the Office; the statistics did not move
    expect((await seed.office.get('/api/status?asOf=2021-01-19')).json()).toEqual(statusBefore);
    expect(
      (await seed.stp.post(`/api/results/${result.id}/return`, { reason: 'Thiếu số liệu' })).statusCode,
    ).toBe(409);
  });

  it('refuses others and closed assignments', async () => {
    const [a] = await twoUnits();
    if (!a) throw new Error('unit');
    const url = `/api/assignments/${i3}/subassignments`;
    const body = { items: [{ agencyId: a.id, dueOn: '2021-01-18' }] };
    expect((await (await signIn(seed.world.app, 'snv')).post(url, body)).statusCode).toBe(403);
    expect((await (await signIn(seed.world.app, 'snv')).get(url)).statusCode).toBe(403);
    expect((await (await signIn(seed.world.app, 'lanhdao')).post(url, body)).statusCode).toBe(403);
    expect((await anonymous(seed.world.app).get(url)).statusCode).toBe(401);
    expect((await (await signIn(seed.world.app, 'bd.vanphong')).get(url)).statusCode).toBe(404);
    await seed.stp.post(`/api/assignments/${i3}/results`, { documentNumber: '1/BC' });
    const pending = (await seed.office.get('/api/results?status=pending')).json().items[0];
    await seed.office.post(`/api/results/${pending.id}/accept`);
    const closed = await seed.stp.post(url, body);
    expect(closed.statusCode).toBe(409);
  });
});
