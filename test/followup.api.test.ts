import { expect, it } from 'vitest';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { sweepContext, sweepEveryDay } from './support/followup.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** 15/02/2021 10:00 in Tây Ninh: the seed check's day (68 overdue lead assignments). */
const FEB_15 = () => new Date('2021-02-15T10:00:00+07:00');

describeOnFastestDatabase('HTTP API: follow-up (sweeps, notifications, letters)', (t) => {
  const seed = useSeedWorld(t, { now: FEB_15, signedIn: { office: 'vanphong', stp: 'stp' } });

  it('the Office runs the sweep up to a date, never past today; running it again adds nothing', async () => {
    const first = await seed.office.post('/api/sweeps', { asOf: '2021-01-21' });
    expectReply(first, 200, {
      authority: 'UBND-TN',
      asOf: '2021-01-21',
      reminders: 34,
      letters: 1, // §6.1: one letter to the 28 agencies reminded on 21/01, none to the Office (VP)
    });
    expect(first.json().days).toHaveLength(9); // 13/01 (the plan's date) to 21/01
    const again = await seed.office.post('/api/sweeps', { asOf: '2021-01-21T23:59:00+07:00' });
    expect(again.json()).toMatchObject({ days: [], reminders: 0, letters: 0 });

    const future = await seed.office.post('/api/sweeps', { asOf: '2021-02-16' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('INVALID_DATE');

    // no date: up to today (15/02): the seed check's 68 reminders in all
    const today = await seed.office.post('/api/sweeps', {});
    expect(today.json()).toMatchObject({ asOf: '2021-02-15', reminders: 68 - 34, letters: 1 }); // 01/02
    const status = await seed.office.get('/api/status?asOf=2021-02-15');
    expect(status.json().totals.reminders).toBe(68);

    for (const [client, code] of [
      [await signIn(seed.world.app, 'lanhdao'), 403],
      [seed.stp, 403],
      [anonymous(seed.world.app), 401],
    ] as const) {
      expect((await client.post('/api/sweeps', { asOf: '2021-02-15' })).statusCode).toBe(code);
    }
  });

  it('notifications: own only, unread first; marking read is idempotent; another user’s is 404', async () => {
    await sweepEveryDay(t.db, seed.world.authorityId, '2021-01-13', '2021-01-21'); // as the daily scheduler does
    const list = await seed.stp.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    // 13/01, 18/01: I.3 and I.8 in 7 and 2 days (the 3-day notice, Sunday 17/01, on Monday: §11); 19/01, 20/01: 1 and 0; 21/01: the written reminder (its
    // letter a draft until registered, docs/domain-rules.md §6.1) and the digest
    expect(body.items.map((n: { kind: string; title: string }) => [n.kind, n.title])).toEqual([
      [
        'reminder',
        'Nhắc nhở bằng văn bản ngày 21/01/2021: V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND',
      ],
      ['digest', 'Sở Tư pháp: 2 nhiệm vụ quá hạn đến ngày 21/01/2021'],
      ['notice', 'Đến hạn hôm nay: nhiệm vụ I.8 (87/KH-UBND)'],
      ['notice', 'Đến hạn hôm nay: nhiệm vụ I.3 (87/KH-UBND)'],
      ['notice', 'Còn 1 ngày đến hạn: nhiệm vụ I.8 (87/KH-UBND)'],
      ['notice', 'Còn 1 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'],
      ['notice', 'Còn 2 ngày đến hạn: nhiệm vụ I.8 (87/KH-UBND)'],
      ['notice', 'Còn 2 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'],
      ['notice', 'Còn 7 ngày đến hạn: nhiệm vụ I.8 (87/KH-UBND)'],
      ['notice', 'Còn 7 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)'],
    ]);
    expect(body).toMatchObject({ total: 10, unread: 10, page: 1, pageSize: 50 });

    const letter = body.items[0];
    const read = await seed.stp.post(`/api/notifications/${letter.id}/read`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json().readAt;
    expect((await seed.stp.post(`/api/notifications/${letter.id}/read`)).json().readAt).toBe(readAt);
    const after = (await seed.stp.get('/api/notifications')).json();
    expect(after).toMatchObject({ total: 10, unread: 9 });
    expect(after.items.at(-1)).toMatchObject({ id: letter.id, readAt }); // read ones come last
    expect((await seed.stp.get('/api/notifications?unread=true')).json().total).toBe(9);

    expect((await seed.office.post(`/api/notifications/${letter.id}/read`)).statusCode).toBe(404);
    expect((await seed.office.get('/api/notifications')).json().total).toBe(0); // nothing 30 days overdue yet
  });

  it('letters: all for the Office and leadership, those addressed to it for an agency; downloaded as .docx', async () => {
    await sweepUpTo(sweepContext(t.db, seed.world.authorityId), '2021-01-21');
    const all = (await seed.office.get('/api/letters?year=2021')).json();
    expect(all.total).toBe(1);
    expect(all.items[0].agencies).toHaveLength(28);
    expect((await (await signIn(seed.world.app, 'lanhdao')).get('/api/letters')).json().total).toBe(1);

    const own = (await seed.stp.get('/api/letters')).json();
    expect(own.total).toBe(1);
    expect(own.items[0]).toMatchObject({
      status: 'draft',
      issuedOn: null,
      sweepDay: '2021-01-21',
      tasks: [
        { agency: 'Sở Tư pháp', plan: '87/KH-UBND', task: 'I.3', dueOn: '2021-01-20' },
        { agency: 'Sở Tư pháp', plan: '87/KH-UBND', task: 'I.8', dueOn: '2021-01-20' },
      ],
    });
    const download = await seed.stp.get(`/api/letters/${own.items[0].id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('wordprocessingml.document');
    expect(download.headers['content-disposition']).toContain(own.items[0].fileName);
    expect(download.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // one letter per agency: Sở Nội vụ's is not Sở Tư pháp's to read
    await t.db
      .updateTable('authority')
      .set({ settings: JSON.stringify({ letters: { combined: false } }) })
      .where('id', '=', seed.world.authorityId)
      .execute();
    await sweepUpTo(sweepContext(t.db, seed.world.authorityId), '2021-02-01');
    const split = (await seed.office.get('/api/letters?year=2021&pageSize=100')).json();
    expect(split.total).toBe(1 + 28);
    const snv = split.items.find(
      (l: { agencies: { code: string }[] }) => l.agencies.length === 1 && l.agencies[0]?.code === 'SNV',
    );
    expect((await seed.stp.get(`/api/letters/${snv.id}/download`)).statusCode).toBe(403);
    expect((await seed.office.get(`/api/letters/${snv.id}/download`)).statusCode).toBe(200);
    const bd = await signIn(seed.world.app, 'bd.vanphong');
    expect((await bd.get(`/api/letters/${snv.id}/download`)).statusCode).toBe(404);
    expect((await bd.get('/api/letters')).json().total).toBe(0);
  });
});
