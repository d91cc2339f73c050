import { expect, it } from 'vitest';
import { submitSeedResult } from './support/context.ts';
import { describeOnFastestDatabase, type TestDatabase } from './support/databases.ts';
import { type Client, signIn } from './support/http.ts';
import { assignmentOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

async function taskId(t: TestDatabase, ref: string) {
  const row = await t.db
    .selectFrom('task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select('t.id')
    .where('p.number', '=', '87/KH-UBND')
    .where('t.ref', '=', ref)
    .executeTakeFirstOrThrow();
  return row.id;
}

interface Counts {
  code: string;
  open_on_time: number;
  open_overdue: number;
  cancelled: number;
  reminders: number;
}

describeOnFastestDatabase('reorganisation (sắp xếp 2025)', (t) => {
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-04-09T10:00:00+07:00'),
    signedIn: { office: 'vanphong' },
  });

  const line = async (asOf: string, code: string) =>
    ((await seed.office.get(`/api/status?asOf=${asOf}`)).json().agencies as Counts[]).find(
      (a) => a.code === code,
    );

  it('moves Sở KH&ĐT’s open assignments to Sở Tài chính; the January reminders stay with Sở KH&ĐT', async () => {
    const oldII2 = await assignmentOf(t.db, 'SKHDT', 'II.2');
    const stcBefore = await line('2021-12-31', 'STC');
    // a pending result and a pending extension request on II.2 before the move
    await submitSeedResult(t.db, seed.world.authorityId, 'II.2', 'SKHDT', '2021-04-08', { accept: false });
    const skhdt = await signIn(seed.world.app, 'skhdt');
    expect(
      (
        await skhdt.post(`/api/assignments/${oldII2.id}/extensions`, {
          requestedDueOn: '2021-04-30',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(201);

    const reply = await seed.office.post('/api/reorganisations', {
      fromAgencyId: seed.world.agency('SKHDT'),
      effectiveOn: '2021-04-10',
      moves: [{ toAgencyId: seed.world.agency('STC') }],
    });
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.fromAgency.code).toBe('SKHDT');
    const ii2 = body.moved.find((m: { task: string }) => m.task === 'II.2');
    expect(ii2).toMatchObject({
      role: 'lead',
      dueOn: '2021-04-12',
      merged: false,
      toAgency: { code: 'STC' },
    });
    // Sở Tài chính already led II.6 and coordinated the rest of section II: linked, not duplicated
    expect(body.moved.find((m: { task: string }) => m.task === 'II.6')).toMatchObject({
      role: 'lead',
      merged: true,
    });
    expect(body.moved.filter((m: { merged: boolean }) => !m.merged)).toHaveLength(1);
    expect(body.stayed.map((s: { task: string }) => s.task)).toEqual(
      expect.arrayContaining(['I.2', 'I.8', 'II.1']),
    );
    expect(body.stayed.every((s: { dueOn: string }) => s.dueOn < '2021-04-10')).toBe(true);

    const closed = await t.db
      .selectFrom('assignment')
      .selectAll()
      .where('id', '=', oldII2.id)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({
      cancelled_on: '2021-04-10',
      moved_to_assignment_id: ii2.toAssignmentId,
      version: oldII2.version + 1,
    });
    const created = await assignmentOf(t.db, 'STC', 'II.2');
    expect(created).toMatchObject({
      id: ii2.toAssignmentId,
      opens_on: '2021-04-10',
      original_due_on: '2021-04-12',
      current_due_on: '2021-04-12',
      occurrence: 0,
    });
    const results = await t.db.selectFrom('result_submission').select(['assignment_id', 'status']).execute();
    expect(results).toEqual([{ assignment_id: created.id, status: 'pending' }]);
    const request = await t.db.selectFrom('extension_request').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ assignment_id: oldII2.id, status: 'rejected', decided_by: 'vanphong' });

    const reminders = (await seed.office.get('/api/reminders?asOf=2021-12-31')).json().reminders as {
      agency: string;
      task: string;
      dueOn: string;
    }[];
    expect(reminders).toHaveLength(110); // Sở KH&ĐT’s II.6 merged into Sở Tài chính’s own
    expect(
      reminders
        .filter((r) => r.agency === 'SKHDT')
        .map((r) => r.task)
        .sort(),
    ).toEqual(['I.2', 'I.8']);
    expect(reminders.filter((r) => r.agency === 'STC' && r.task === 'II.2')).toEqual([
      expect.objectContaining({ dueOn: '2021-04-12', remindedOn: '2021-04-13' }),
    ]);
    expect(reminders.filter((r) => r.task === 'II.6' && r.agency === 'STC')).toHaveLength(1);
    expect((await line('2021-12-31', 'STC'))?.reminders).toBe((stcBefore?.reminders ?? 0) + 1);

    // history: before the effective date Sở KH&ĐT held II.2; from it Sở Tài chính does
    expect(await line('2021-04-09', 'SKHDT')).toMatchObject({ open_on_time: 2, cancelled: 0 });
    expect(await line('2021-04-10', 'SKHDT')).toMatchObject({
      open_on_time: 0,
      cancelled: 2,
      open_overdue: 2,
    });
    expect((await line('2021-04-10', 'STC'))?.open_on_time).toBe(
      ((await line('2021-04-09', 'STC'))?.open_on_time ?? 0) + 1,
    );

    const agency = await t.db
      .selectFrom('agency')
      .select(['valid_to', 'version'])
      .where('id', '=', seed.world.agency('SKHDT'))
      .executeTakeFirstOrThrow();
    expect(agency).toEqual({ valid_to: '2021-04-10', version: 2 });
    const successors = (await seed.office.get('/api/directory/successors')).json().items;
    expect(successors.filter((s: { from: { code: string } }) => s.from.code === 'SKHDT')).toEqual([
      expect.objectContaining({ to: expect.objectContaining({ code: 'STC' }), effectiveOn: '2021-04-10' }),
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'like', 'reorganise%')
      .execute();
    expect(audit.filter((a) => a.action === 'reorganise')).toEqual([
      { action: 'reorganise', actor: 'vanphong' },
    ]);
    expect(audit.filter((a) => a.action === 'reorganise.move')).toHaveLength(body.moved.length);
  });

  it('splits by function: listed tasks to one successor, the rest to the other', async () => {
    const ii4 = await taskId(t, 'II.4');
    const reply = await seed.office.post('/api/reorganisations', {
      fromAgencyId: seed.world.agency('STTTT'),
      effectiveOn: '2021-04-10',
      moves: [
        { toAgencyId: seed.world.agency('SVHTTDL'), taskIds: [ii4], functions: 'báo chí, xuất bản' },
        { toAgencyId: seed.world.agency('SKHCN') },
      ],
    });
    expect(reply.statusCode).toBe(200);
    const moved = reply.json().moved as { task: string; role: string; toAgency: { code: string } }[];
    expect(moved.filter((m) => m.toAgency.code === 'SVHTTDL')).toEqual([
      expect.objectContaining({ task: 'II.4', role: 'lead' }),
    ]);
    expect(moved.filter((m) => m.toAgency.code === 'SKHCN').map((m) => m.task)).toContain('II.6');
    expect(await assignmentOf(t.db, 'SVHTTDL', 'II.4')).toMatchObject({
      opens_on: '2021-04-10',
      current_due_on: '2021-04-12',
    });
    const links = await t.db
      .selectFrom('agency_successor')
      .select(['to_agency_id', 'functions', 'effective_on'])
      .where('from_agency_id', '=', seed.world.agency('STTTT'))
      .orderBy('to_agency_id')
      .execute();
    expect(links).toEqual(
      expect.arrayContaining([
        {
          to_agency_id: seed.world.agency('SVHTTDL'),
          functions: 'báo chí, xuất bản',
          effective_on: '2021-04-10',
        },
        { to_agency_id: seed.world.agency('SKHCN'), functions: null, effective_on: '2021-04-10' },
      ]),
    );
  });

  it('refuses unclear moves, and anyone but the Office or an admin', async () => {
    const post = (client: Client, body: object) => client.post('/api/reorganisations', body);
    const base = { fromAgencyId: seed.world.agency('SKHDT'), effectiveOn: '2021-04-10' };
    const stc = seed.world.agency('STC');
    const cases: [object, number][] = [
      [{ ...base, moves: [{ toAgencyId: stc }, { toAgencyId: seed.world.agency('SCT') }] }, 400],
      [{ ...base, moves: [{ toAgencyId: stc, taskIds: [await taskId(t, 'II.2')] }] }, 400], // II.6 and the rest have no receiver
      [
        {
          ...base,
          moves: [
            { toAgencyId: stc, taskIds: [await taskId(t, 'I.2')] },
            { toAgencyId: seed.world.agency('SCT') },
          ],
        },
        400,
      ], // I.2 is overdue: it stays
      [{ ...base, moves: [{ toAgencyId: seed.world.agency('SKHDT') }] }, 400],
      [{ ...base, moves: [{ toAgencyId: seed.world.agency('SNNMT') }] }, 400], // not yet in existence in 2021
      [{ ...base, moves: [{ toAgencyId: 999_999 }] }, 404],
      [{ ...base, moves: [] }, 400],
    ];
    for (const [body, status] of cases) {
      const reply = await post(seed.office, body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(status);
      expect(reply.json().error.message).toMatch(/[À-ỹ]/);
    }
    const body = { ...base, moves: [{ toAgencyId: stc }] };
    for (const user of ['lanhdao', 'skhdt', 'stc'])
      expect((await post(await signIn(seed.world.app, user), body)).statusCode).toBe(403);
    expect((await post(await signIn(seed.world.app, 'bd.vanphong'), body)).statusCode).toBe(404);
    expect(
      (await t.db.selectFrom('assignment').select('id').where('cancelled_on', 'is not', null).execute())
        .length,
    ).toBe(0);
    expect((await post(await signIn(seed.world.app, 'quantri'), body)).statusCode).toBe(200);
  });
});
