import { expect, it } from 'vitest';
import { multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { type Client, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/**
 * The seed workflow over HTTP, as its users do it, on 18/01/2021: Sở Tư pháp reports task I.3 with a
 * file, the Office accepts it and the statistics change; Sở Nội vụ asks to extend task I.6, a
 * leader approves, the due date moves and no reminder falls due.
 */
describeOnFastestDatabase('the seed workflow over HTTP', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-01-18T09:00:00+07:00') });

  async function myAssignment(client: Client, taskRef: string) {
    const list = (await client.get('/api/assignments?pageSize=200&asOf=2021-01-18')).json();
    const item = list.items.find(
      (i: { taskRef: string; role: string }) => i.taskRef === taskRef && i.role === 'lead',
    );
    expect(item, `${client.username} has ${taskRef}`).toBeDefined();
    return item as { id: number; currentDueOn: string; agencyCode: string };
  }

  async function stpLine(office: Client, asOf: string) {
    const status = (await office.get(`/api/status?asOf=${asOf}`)).json();
    return status.agencies.find((a: { code: string }) => a.code === 'STP');
  }

  it('a result with a file, accepted by the Office, changes the statistics', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    expect(await stpLine(office, '2021-02-15')).toMatchObject({
      done_on_time: 0,
      open_overdue: 3,
      reminders: 3,
    });

    const stp = await signIn(seed.world.app, 'stp');
    const i3 = await myAssignment(stp, 'I.3');
    expect(i3).toMatchObject({ agencyCode: 'STP', currentDueOn: '2021-01-20' });
    const upload = await multipart({ documentNumber: '15/BC-STP', note: 'Báo cáo cải cách thể chế' }, [
      { name: 'Báo cáo cải cách thể chế.pdf', bytes: SMALL_PDF },
    ]);
    const submitted = await stp.request({
      method: 'POST',
      url: `/api/assignments/${i3.id}/results`,
      ...upload,
    });
    expect(submitted.statusCode).toBe(201);

    // not counted until the Office accepts it
    expect(await stpLine(office, '2021-02-15')).toMatchObject({ done_on_time: 0, reminders: 3 });
    const queue = (await office.get('/api/results?status=pending')).json();
    expect(queue.items).toHaveLength(1);
    const accepted = await office.post(`/api/results/${queue.items[0].id}/accept`, {});
    expect(accepted.statusCode).toBe(200);

    expect(await stpLine(office, '2021-02-15')).toMatchObject({
      done_on_time: 1,
      open_overdue: 2,
      reminders: 2,
    });
    const stats = (await office.get('/api/statistics?asOf=2021-02-15')).json();
    expect(JSON.stringify(stats)).toContain('Sở Tư pháp');
    const reminders = (await office.get('/api/reminders?asOf=2021-12-31')).json().reminders;
    expect(reminders).toHaveLength(110);
    expect(
      reminders.some((r: { agency: string; task: string }) => r.agency === 'STP' && r.task === 'I.3'),
    ).toBe(false);

    // the Office can open the file; another agency cannot
    const detail = (await office.get(`/api/assignments/${i3.id}`)).json();
    const fileId = detail.results[0].files[0].id;
    const download = await office.get(`/api/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SMALL_PDF)).toBe(true);
    const snv = await signIn(seed.world.app, 'snv');
    expect((await snv.get(`/api/files/${fileId}`)).statusCode).toBe(403);
  });

  it('an extension approved by a leader before the deadline moves the due date and prevents the reminder', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const remindersBefore = (await office.get('/api/reminders?asOf=2021-01-25')).json().reminders;
    expect(
      remindersBefore.some((r: { agency: string; task: string }) => r.agency === 'SNV' && r.task === 'I.6'),
    ).toBe(true);

    const snv = await signIn(seed.world.app, 'snv');
    const i6 = await myAssignment(snv, 'I.6');
    const requested = await snv.post(`/api/assignments/${i6.id}/extensions`, {
      requestedDueOn: '2021-01-31',
      reason: 'Chờ số liệu tổng hợp của các huyện',
    });
    expect(requested.statusCode).toBe(201);

    const leader = await signIn(seed.world.app, 'lanhdao');
    const pending = (await leader.get('/api/extensions?status=pending')).json();
    expect(pending.items).toHaveLength(1);
    expect(
      (
        await leader.post(`/api/extensions/${pending.items[0].id}/approve`, {
          note: 'Đồng ý',
          decisionNumber: '123/UBND-VP',
          decisionDate: '2021-01-18',
        })
      ).statusCode,
    ).toBe(200);

    const after = (await snv.get(`/api/assignments/${i6.id}`)).json().assignment;
    expect(after).toMatchObject({ originalDueOn: '2021-01-20', currentDueOn: '2021-01-31' });
    const remindersAfter = (await office.get('/api/reminders?asOf=2021-01-25')).json().reminders;
    expect(
      remindersAfter.some((r: { agency: string; task: string }) => r.agency === 'SNV' && r.task === 'I.6'),
    ).toBe(false);
    expect(remindersAfter).toHaveLength(remindersBefore.length - 1);
    const snvLine = (await office.get('/api/status?asOf=2021-01-25'))
      .json()
      .agencies.find((a: { code: string }) => a.code === 'SNV');
    expect(snvLine.open_overdue).toBe(1); // I.8 only; I.6 now runs to 31/01
  });
});
