import { beforeEach, expect, it } from 'vitest';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { submitSeedResult, systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const NOW = new Date('2021-02-15T10:00:00+07:00');

interface PublicTask {
  stt: string;
  ref: string;
  leadAgencies: string[];
  deadline: string;
  state: string | null;
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

describeOnFastestDatabase('HTTP API: public transparency page', (t) => {
  let visitor: Client;
  const seed = useSeedWorld(t, { now: () => NOW });
  beforeEach(async () => {
    visitor = anonymous(seed.world.app);
  });

  const planId = async (number = '87/KH-UBND') =>
    (await t.db.selectFrom('plan').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;

  it('lists the authorities, without sign-in', async () => {
    const reply = await visitor.get('/api/public/authorities');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual([
      { code: 'UBND-TN', name: expect.stringMatching(/Tây Ninh/) },
      { code: 'UBND-BD', name: 'Ủy ban nhân dân tỉnh Bình Định' },
    ]);
  });

  it('lists an authority’s plans with their progress as of today, not cancelled ones', async () => {
    await createPlan(systemContextFor(t.db, seed.world.authorityId), {
      docType: 'KH',
      number: '5/KH-UBND',
      issuedOn: '2021-01-05',
      title: 'Kế hoạch đã hủy',
      tasks: [{ no: '1', content: 'Việc đã hủy', leadText: 'Sở Tư pháp', deadlineText: 'Quý I/2021' }],
    });
    await t.db
      .updateTable('plan')
      .set({ cancelled_on: '2021-02-01' })
      .where('number', '=', '5/KH-UBND')
      .execute();
    const body = (await visitor.get('/api/public/authorities/UBND-TN/plans')).json();
    expect(body).toMatchObject({ authority: { code: 'UBND-TN' }, asOf: '2021-02-15' });
    expect(body.plans).toEqual([
      {
        id: await planId(),
        docType: 'KH',
        number: '87/KH-UBND',
        title: expect.stringMatching(/^Xây dựng Chương trình hành động/),
        issuedOn: '2021-01-13',
        progress: {
          asOf: '2021-02-15',
          counts: expect.objectContaining({ open_overdue: 68, total: 111 }),
          onTimeRate: 0,
        },
      },
    ]);
    const status = await getStatus(systemContextFor(t.db, seed.world.authorityId), {
      asOf: '2021-02-15',
      plan: '87/KH-UBND',
    });
    const { reminders: _reminders, ...states } = status.totals;
    expect(body.plans[0].progress.counts).toMatchObject(states);
    expect((await visitor.get(`/api/public/plans/${await planId('5/KH-UBND')}`)).statusCode).toBe(404);
    const bd = (await visitor.get('/api/public/authorities/UBND-BD/plans')).json();
    expect(bd.plans.map((p: { number: string }) => p.number)).toEqual(['52/KH-UBND']);
  });

  it('shows a plan: header, and each task with its lead agencies, deadline and state as of today', async () => {
    await submitSeedResult(t.db, seed.world.authorityId, 'I.3', 'STP', '2021-01-18');
    await submitSeedResult(t.db, seed.world.authorityId, 'I.1', 'VP', '2021-01-20');
    const body = (await visitor.get(`/api/public/plans/${await planId()}`)).json();
    expect(body.plan).toMatchObject({
      number: '87/KH-UBND',
      issuedOn: '2021-01-13',
      signer: 'Nguyễn Mạnh Hùng',
      authority: { code: 'UBND-TN' },
      progress: { counts: { done_on_time: 1, done_late: 1, open_overdue: 66 } },
    });
    expect(body.sections.map((s: { code: string }) => s.code)).toEqual(['I', 'II']);
    expect(body.tasks).toHaveLength(29);
    const task = (ref: string) => body.tasks.find((x: PublicTask) => x.ref === ref) as PublicTask;
    expect(task('I.3')).toMatchObject({
      stt: '3',
      leadAgencies: ['Sở Tư pháp'],
      deadline: 'Trước ngày 20/1/2021.',
      state: 'done_on_time',
    });
    expect(task('I.1')).toMatchObject({ state: 'done_late', stateLabel: 'Đã hoàn thành – quá hạn' });
    expect(task('I.8').leadAgencies).toHaveLength(28);
    expect(task('I.8').state).toBe('open_overdue');
    expect(task('II.1').state).toBe('open_on_time');
  });

  it('never shows files, notes, obstacles, extension reasons, result document numbers or user names', async () => {
    const id = await planId();
    await t.db
      .updateTable('task')
      .set({ note: 'GHICHU-NHIEMVU-NOIBO' })
      .where('plan_id', '=', id)
      .where('ref', '=', 'I.3')
      .execute();
    const { resultId, assignmentId } = await submitResult(
      systemContextFor(t.db, seed.world.authorityId, { name: 'vanphong' }),
      {
        plan: '87/KH-UBND',
        task: 'I.3',
        agency: 'STP',
        submittedOn: '2021-01-18',
        accept: true,
        documentNumber: '999/STP-BMAT',
        note: 'GHICHU-KETQUA-NOIBO',
      },
    );
    const base = { authority_id: seed.world.authorityId, assignment_id: assignmentId };
    await t.db
      .insertInto('obstacle')
      .values({
        ...base,
        reported_on: '2021-01-15',
        description: 'VUONGMAC-NOIBO',
        proposal: 'DEXUAT-NOIBO',
        status: 'answered',
        response: 'TRALOI-NOIBO',
        responded_on: '2021-01-16',
        responded_by: 'lanhdao',
      })
      .execute();
    await t.db
      .insertInto('extension_request')
      .values({
        ...base,
        requested_on: '2021-01-10',
        requested_due_on: '2021-01-30',
        reason: 'LYDO-GIAHAN-NOIBO',
        status: 'rejected',
        decided_on: '2021-01-12',
        decided_by: 'lanhdao',
        decision_note: 'YKIEN-LANHDAO-NOIBO',
      })
      .execute();
    const file = await t.db
      .insertInto('stored_file')
      .values({
        authority_id: seed.world.authorityId,
        sha256: 'ab'.repeat(32),
        size_bytes: 10,
        media_type: 'application/pdf',
        file_name: 'TEPTIN-NOIBO.pdf',
        uploaded_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('result_file')
      .values({ authority_id: seed.world.authorityId, result_id: resultId, file_id: file.id })
      .execute();

    const replies = await Promise.all(
      ['/api/public/authorities', '/api/public/authorities/UBND-TN/plans', `/api/public/plans/${id}`].map(
        (url) => visitor.get(url),
      ),
    );
    for (const reply of replies) expect(reply.statusCode).toBe(200);
    const json = replies.map((r) => r.body).join('\n');
    expect(json).toContain('done_on_time'); // the result does count
    for (const secret of [
      'NOIBO',
      '999/STP',
      'vanphong',
      'lanhdao',
      'quantri',
      '"stp"',
      'Đầu mối',
      'Chuyên viên theo dõi',
      'Quản trị hệ thống',
      'Phó Chủ tịch UBND tỉnh',
      'ab'.repeat(32),
    ]) {
      expect(json, secret).not.toContain(secret);
    }
    const keys = keysOf(replies.map((r) => r.json()));
    for (const key of [
      'note',
      'notes',
      'documentNumber',
      'document_number',
      'files',
      'fileName',
      'file_name',
      'obstacles',
      'description',
      'proposal',
      'response',
      'reason',
      'decisionNote',
      'username',
      'user',
      'displayName',
      'display_name',
      'submittedBy',
      'decidedBy',
      'decided_by',
      'results',
    ]) {
      expect(keys.has(key), key).toBe(false);
    }
  });

  it('is the same page for a signed-in user of any authority', async () => {
    const id = await planId();
    const anonymousBody = (await visitor.get(`/api/public/plans/${id}`)).json();
    for (const username of ['vanphong', 'stp', 'bd.vanphong']) {
      const reply = await (await signIn(seed.world.app, username)).get(`/api/public/plans/${id}`);
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual(anonymousBody);
    }
  });

  it.each([
    ['/api/public/authorities/UBND-XX/plans', 404, 'AUTHORITY_NOT_FOUND'],
    ['/api/public/plans/999999', 404, 'PLAN_NOT_FOUND'],
    ['/api/public/plans/abc', 400, 'VALIDATION_FAILED'],
  ])('%s → %i %s', async (url, status, code) => {
    const reply = await visitor.get(url);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.code).toBe(code);
  });
});
