import { afterEach, expect, it } from 'vitest';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, buildWorld, expectReply, signIn, type World } from './support/http.ts';
import { assignmentOf } from './support/lookups.ts';

/** A leader's decision document (docs/domain-rules.md §10). */
const DECISION = { decisionNumber: '25/QĐ-UBND', decisionDate: '2021-01-18' };
const PROPOSAL = { recommends: 'approve', opinion: 'Văn phòng thống nhất đề nghị của Sở Nội vụ.' };

describeOnFastestDatabase('extensions (gia hạn)', (t) => {
  let world: World;
  let clock = new Date('2021-01-18T09:00:00+07:00');
  const start = async (at = '2021-01-18T09:00:00+07:00') => {
    clock = new Date(at);
    world = await buildWorld(t, { now: () => clock });
    return world;
  };
  afterEach(() => world.app.close());
  /**
   * The world started, with the parties of a request signed in (SNV asks, the Office proposes, the
   * leader decides), and SNV's I.6.
   */
  const startWithParties = async () => {
    await start();
    return {
      snv: await signIn(world.app, 'snv'),
      office: await signIn(world.app, 'vanphong'),
      leader: await signIn(world.app, 'lanhdao'),
      i6: await assignmentOf(t.db, 'SNV', 'I.6'),
    };
  };
  /** docs/domain-rules.md §10: an administrator lets the Office decide extensions alone */
  const allowOfficeToDecide = async () => {
    const admin = await signIn(world.app, 'quantri');
    const put = await admin.put('/api/settings/decisions', { officeDecidesExtensions: true });
    expect(put.json()).toEqual({ officeDecidesExtensions: true });
  };

  it('an extension approved before the deadline moves the due date and removes the reminder for the original date', async () => {
    const { snv, office, leader, i6 } = await startWithParties();
    const before = (await office.get('/api/status?asOf=2021-01-25')).json();
    expect(before.agencies.find((a: { code: string }) => a.code === 'SNV')).toMatchObject({
      open_overdue: 2,
      reminders: 2,
    });

    const asked = await snv.post(`/api/assignments/${i6.id}/extensions`, {
      requestedDueOn: '2021-01-31',
      reason: 'Chờ ý kiến góp ý của các sở, ngành',
    });
    expectReply(asked, 201, {
      status: 'pending',
      requestedOn: '2021-01-18',
      requestedDueOn: '2021-01-31',
      currentDueOn: '2021-01-20',
      agency: { code: 'SNV' },
      task: 'I.6',
    });
    const pending = (await office.get('/api/extensions?status=pending')).json();
    expect(pending).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect((await (await signIn(world.app, 'stp')).get('/api/extensions')).json().total).toBe(0);
    expect((await snv.get('/api/extensions')).json().items).toHaveLength(1);

    const approved = await leader.post(`/api/extensions/${asked.json().id}/approve`, {
      note: 'Đồng ý',
      ...DECISION,
    });
    expectReply(approved, 200, {
      status: 'approved',
      decidedOn: '2021-01-18',
      decidedBy: 'lanhdao',
      decisionNote: 'Đồng ý',
      decisionNumber: '25/QĐ-UBND',
      decisionDate: '2021-01-18',
      proposal: null,
      originalDueOn: '2021-01-20',
      currentDueOn: '2021-01-31',
      assignmentVersion: i6.version + 1,
    });

    const status = (await office.get('/api/status?asOf=2021-01-25')).json();
    // only I.8 (due 20/01) is left overdue for Sở Nội vụ
    expect(status.agencies.find((a: { code: string }) => a.code === 'SNV')).toMatchObject({
      open_overdue: 1,
      reminders: 1,
    });
    const reminders = (await office.get('/api/reminders?asOf=2021-01-25')).json().reminders;
    expect(reminders).toContainEqual(expect.objectContaining({ agency: 'SNV', task: 'I.8' }));
    expect(reminders).not.toContainEqual(expect.objectContaining({ agency: 'SNV', task: 'I.6' }));

    const row = await assignmentOf(t.db, 'SNV', 'I.6');
    expect(row).toMatchObject({
      original_due_on: '2021-01-20',
      current_due_on: '2021-01-31',
      version: i6.version + 1,
    });
    const detail = await office.get(`/api/assignments/${i6.id}`);
    // GET /api/assignments/:id belongs to the assignments module; the database row above is the reference
    if (detail.statusCode === 200) {
      expect(detail.json().assignment).toMatchObject({
        originalDueOn: '2021-01-20',
        currentDueOn: '2021-01-31',
      });
    }
    const [audit] = await auditColumns(t.db, { action: 'extension.approve' }, ['actor', 'before', 'after']);
    expect(audit).toMatchObject({
      actor: 'lanhdao',
      before: { currentDueOn: '2021-01-20' },
      after: { currentDueOn: '2021-01-31', originalDueOn: '2021-01-20' },
    });
  });

  it('accepts a request only from the lead agency, for an open assignment, before its deadline, one at a time', async () => {
    await start();
    const snv = await signIn(world.app, 'snv');
    const stp = await signIn(world.app, 'stp');
    const i6 = await assignmentOf(t.db, 'SNV', 'I.6');
    const ask = (client: typeof snv, id: number, requestedDueOn = '2021-01-31') =>
      client.post(`/api/assignments/${id}/extensions`, { requestedDueOn, reason: 'Lý do' });

    expect((await ask(stp, i6.id)).statusCode).toBe(403);
    expect(
      (
        await anonymous(world.app).post(`/api/assignments/${i6.id}/extensions`, {
          requestedDueOn: '2021-01-31',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(401);
    const support = await ask(snv, (await assignmentOf(t.db, 'SNV', 'I.4', 'support')).id);
    expect(support.statusCode).toBe(409);
    const notLater = await ask(snv, i6.id, '2021-01-20');
    expect(notLater.statusCode).toBe(400);
    expect((await ask(snv, i6.id, '2021-02-30')).statusCode).toBe(400);
    expect((await ask(snv, 999_999)).statusCode).toBe(404);

    const both = await Promise.all([ask(snv, i6.id), ask(snv, i6.id, '2021-02-05')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json().error.code).toBe('CONFLICT');

    clock = new Date('2021-01-21T08:00:00+07:00');
    const late = await ask(snv, (await assignmentOf(t.db, 'SNV', 'I.8')).id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Đã quá thời hạn 20/01/2021');
  });

  it('lets the Office, where the authority allows it, decide once, refuses approval after the deadline, and keeps rejected due dates', async () => {
    await start('2021-01-20T16:00:00+07:00');
    const snv = await signIn(world.app, 'snv');
    const office = await signIn(world.app, 'vanphong');
    await allowOfficeToDecide();
    const i6 = await assignmentOf(t.db, 'SNV', 'I.6');
    const i8 = await assignmentOf(t.db, 'SNV', 'I.8');
    const ask = async (id: number) =>
      (
        await snv.post(`/api/assignments/${id}/extensions`, { requestedDueOn: '2021-02-15', reason: 'Lý do' })
      ).json().id as number;
    const e6 = await ask(i6.id);
    const e8 = await ask(i8.id);

    expect((await snv.post(`/api/extensions/${e6}/approve`, {})).statusCode).toBe(403);
    expect(
      (await (await signIn(world.app, 'bd.vanphong')).post(`/api/extensions/${e6}/approve`, {})).statusCode,
    ).toBe(404);
    expect((await office.post(`/api/extensions/${e6}/reject`, { note: ' ' })).statusCode).toBe(400);
    const rejected = await office.post(`/api/extensions/${e6}/reject`, { note: 'Không có căn cứ' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      currentDueOn: '2021-01-20',
      decisionNote: 'Không có căn cứ',
    });
    expect((await office.post(`/api/extensions/${e6}/approve`, {})).statusCode).toBe(409);

    // the next morning the deadline of I.8 has passed: its written reminder fell due, approval is refused
    clock = new Date('2021-01-21T08:00:00+07:00');
    const late = await office.post(`/api/extensions/${e8}/approve`, { version: i8.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('nhắc nhở bằng văn bản đã phát sinh');
    expect((await assignmentOf(t.db, 'SNV', 'I.8')).current_due_on).toBe('2021-01-20');
    expect((await office.get('/api/extensions?status=pending')).json().total).toBe(1);
    expect((await office.get('/api/extensions?status=rejected')).json().items[0].id).toBe(e6);
  });

  it('answers VERSION_CONFLICT when the assignment changed since it was read', async () => {
    await start();
    const snv = await signIn(world.app, 'snv');
    const office = await signIn(world.app, 'vanphong');
    await allowOfficeToDecide();
    const i6 = await assignmentOf(t.db, 'SNV', 'I.6');
    const id = (
      await snv.post(`/api/assignments/${i6.id}/extensions`, { requestedDueOn: '2021-01-31', reason: 'x' })
    ).json().id;
    const stale = await office.post(`/api/extensions/${id}/approve`, { version: i6.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await office.post(`/api/extensions/${id}/approve`, { version: i6.version })).statusCode).toBe(
      200,
    );
  });

  it('the Office proposes with its opinion and the leader decides with the decision document (§10)', async () => {
    const { snv, office, leader, i6 } = await startWithParties();
    const id = (
      await snv.post(`/api/assignments/${i6.id}/extensions`, { requestedDueOn: '2021-01-31', reason: 'x' })
    ).json().id as number;
    expect((await office.get('/api/settings/decisions')).json()).toEqual({ officeDecidesExtensions: false });

    // by default the Office does not decide: it proposes
    const alone = await office.post(`/api/extensions/${id}/approve`, { version: i6.version });
    expect(alone.statusCode).toBe(403);
    expect(alone.json().error.message).toContain('Văn phòng trình kèm ý kiến');
    expect((await leader.post(`/api/extensions/${id}/propose`, PROPOSAL)).statusCode).toBe(403);
    expect(
      (await office.post(`/api/extensions/${id}/propose`, { ...PROPOSAL, opinion: ' ' })).statusCode,
    ).toBe(400);
    const proposed = await office.post(`/api/extensions/${id}/propose`, PROPOSAL);
    expectReply(proposed, 200, {
      status: 'pending',
      proposal: { proposedOn: '2021-01-18', proposedBy: 'vanphong', ...PROPOSAL },
    });
    expect((await office.post(`/api/extensions/${id}/propose`, PROPOSAL)).statusCode).toBe(409);

    // the leader gives the decision document: its number, and a date no later than today
    const noDocument = await leader.post(`/api/extensions/${id}/approve`, { note: 'Đồng ý' });
    expect(noDocument.statusCode).toBe(400);
    expect(noDocument.json().error.message).toContain('số và ngày của văn bản quyết định');
    const future = await leader.post(`/api/extensions/${id}/approve`, {
      ...DECISION,
      decisionDate: '2021-01-19',
    });
    expect(future.statusCode).toBe(400);
    const decided = await leader.post(`/api/extensions/${id}/approve`, DECISION);
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'lanhdao',
      ...DECISION,
      proposal: { recommends: 'approve' },
      currentDueOn: '2021-01-31',
    });
    const row = await t.db
      .selectFrom('extension_request as e')
      .innerJoin('app_user as u', 'u.id', 'e.decided_by_user_id')
      .select(['u.username', 'e.decision_number', 'e.decision_date'])
      .where('e.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ username: 'lanhdao', decision_number: '25/QĐ-UBND', decision_date: '2021-01-18' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity', 'in', ['extension_request', 'assignment'])
      .where('action', 'like', 'extension.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.actor}`)).toEqual([
      'extension.request snv',
      'extension.propose vanphong',
      'extension.approve lanhdao',
    ]);
  });

  it('only an administrator lets the Office decide alone; the setting is audited', async () => {
    await start();
    const office = await signIn(world.app, 'vanphong');
    expect((await office.put('/api/settings/decisions', { officeDecidesExtensions: true })).statusCode).toBe(
      403,
    );
    await allowOfficeToDecide();
    expect((await office.get('/api/settings/decisions')).json()).toEqual({ officeDecidesExtensions: true });
    const [audit] = await auditColumns(t.db, { action: 'settings.decisions.update' }, [
      'actor',
      'before',
      'after',
    ]);
    expect(audit).toMatchObject({
      actor: 'quantri',
      before: { officeDecidesExtensions: false },
      after: { officeDecidesExtensions: true },
    });
  });
});
