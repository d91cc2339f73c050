import { expect, it } from 'vitest';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** GET|POST /api/settings/calendar, DELETE /api/settings/calendar/:date (docs/domain-rules.md §4a). */
describeOnFastestDatabase('HTTP API: the working calendar', (t) => {
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-02-20T10:00:00+07:00'),
    signedIn: { office: 'vanphong', leader: 'lanhdao', agency: 'stp' },
  });

  it('lists a year for the Office and leadership, refuses agencies and the public', async () => {
    const read = await seed.office.get('/api/settings/calendar');
    expectReply(read, 200, { year: 2021, announced: true });
    expect(read.json().days).toContainEqual({
      date: '2021-02-10',
      kind: 'day_off',
      name: 'Tết Nguyên đán',
      source: 'shipped',
    });
    const leader = await seed.leader.get('/api/settings/calendar?year=2025');
    expect(leader.json().days).toContainEqual(
      expect.objectContaining({ date: '2025-04-26', kind: 'working_day' }),
    );
    expect((await seed.agency.get('/api/settings/calendar')).statusCode).toBe(403);
    expect((await anonymous(seed.world.app).get('/api/settings/calendar')).statusCode).toBe(401);
    expect((await seed.office.get('/api/settings/calendar?year=20x1')).statusCode).toBe(400);
  });

  it('lets the Office add and remove days; leadership may not; bad input gets a Vietnamese message', async () => {
    const added = await seed.office.post('/api/settings/calendar', {
      date: '2021-02-09',
      kind: 'day_off',
      name: ' Nghỉ Tết thêm ',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({
      date: '2021-02-09',
      kind: 'day_off',
      name: 'Nghỉ Tết thêm',
      source: 'office',
    });
    expect((await seed.office.delete('/api/settings/calendar/2021-02-09')).statusCode).toBe(200);
    const missing = await seed.office.delete('/api/settings/calendar/2021-02-09');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'NOT_FOUND']);

    const weekday = await seed.office.post('/api/settings/calendar', {
      date: '2021-02-18',
      kind: 'working_day',
      name: 'x',
    });
    expect([weekday.statusCode, weekday.json().error.message]).toEqual([
      400,
      expect.stringContaining('là ngày thường'),
    ]);
    const badDate = await seed.office.post('/api/settings/calendar', {
      date: '2021-02-30',
      kind: 'day_off',
      name: 'x',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Ngày không hợp lệ');
    const leader = await signIn(seed.world.app, 'lanhdao');
    expect(
      (await leader.post('/api/settings/calendar', { date: '2021-03-08', kind: 'day_off', name: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await leader.delete('/api/settings/calendar/2021-02-10')).statusCode).toBe(403);
  });

  it('lets the Office move deadlines off non-working days; the status follows; leadership may not', async () => {
    const url = '/api/settings/calendar/due-shift';
    const on = await seed.office.put(url, { dueShift: 'next_working_day' });
    expect([on.statusCode, on.json()]).toEqual([200, { dueShift: 'next_working_day', moved: 87 }]);
    expect((await seed.office.get('/api/settings/calendar')).json().dueShift).toBe('next_working_day');
    const status = await seed.office.get('/api/status?asOf=2021-02-15');
    expect(status.json().totals).toMatchObject({ open_overdue: 66, reminders: 66 });
    // the work list judges by the moved date too: VP's I.12 and I.13 are due 17/02, not yet overdue
    const vp = `asOf=2021-02-15&agencyId=${seed.world.agency('VP')}`;
    expect((await seed.office.get(`/api/assignments?${vp}&state=open_overdue`)).json().total).toBe(6);
    const dueOn17 = (
      await seed.office.get(`/api/assignments?${vp}&dueFrom=2021-02-17&dueTo=2021-02-17`)
    ).json();
    expect(
      dueOn17.items.map((i: Record<string, unknown>) => [
        i.taskRef,
        i.originalDueOn,
        i.currentDueOn,
        i.state,
      ]),
    ).toEqual([
      ['I.12', '2021-02-10', '2021-02-17', 'open_on_time'],
      ['I.13', '2021-02-12', '2021-02-17', 'open_on_time'],
    ]);
    expect((await seed.leader.put(url, { dueShift: 'keep' })).statusCode).toBe(403);
    const bad = await seed.office.put(url, { dueShift: 'move' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await seed.office.put(url, { dueShift: 'keep' })).json()).toEqual({
      dueShift: 'keep',
      moved: 87,
    });
    expect((await seed.office.get('/api/status?asOf=2021-02-15')).json().totals.open_overdue).toBe(68);
  });
});
