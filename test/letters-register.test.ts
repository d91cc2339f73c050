import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { submitResult } from '../src/modules/results/results.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { docxText, expectToContainAll } from './support/docx-xml.ts';
import { expectReply } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const PLAN = '87/KH-UBND';
type Letter = {
  id: number;
  kind: string;
  status: string;
  numberLine: string;
  agencies: { code: string }[];
  tasks: { agency: string; task: string; withdrawnAt: string | null }[];
  correctsId: number | null;
};

/**
 * docs/domain-rules.md §6.1: the sweep drafts one letter a day to every agency reminded that day but
 * the Office; the Office registers it with the number of the outgoing register (or none, for the văn
 * thư) and its date; a reminder withdrawn after the letter was issued gets a correction notice.
 */
describeOnFastestDatabase('letters the Office can send: drafts, registration, corrections', (t) => {
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-02-22T10:00:00+07:00'), // a Monday: letters are dated on working days
    signedIn: { office: 'vanphong', stp: 'stp' },
  });
  const letters = async (client = seed.office): Promise<Letter[]> =>
    (await client.get('/api/letters?pageSize=100')).json().items;
  const docText = async (id: number) => {
    const download = await seed.office.get(`/api/letters/${id}/download`);
    return docxText(new Uint8Array(download.rawPayload));
  };
  const register = (id: number, body: unknown, client = seed.office) =>
    client.post(`/api/letters/${id}/register`, body);

  it('drafts one letter to the agencies but the Office; registering numbers, dates and sends it', async () => {
    await t.db.updateTable('app_user').set({ email: sql<string>`username || '@tayninh.gov.vn'` }).execute();
    expect((await seed.office.post('/api/sweeps', { asOf: '2021-01-21' })).json()).toMatchObject({
      reminders: 34, // VP's I.1 on 14/01, the 33 of 21/01
      letters: 1,
    });
    const [draft, ...none] = await letters();
    expect(none).toEqual([]);
    expect(draft).toMatchObject({ kind: 'reminder', status: 'draft', numberLine: 'Số:        /UBND-KSTT' });
    expect(draft?.agencies).toHaveLength(28);
    expect(draft?.agencies.map((a) => a.code)).not.toContain('VP');
    expect(draft?.tasks.some((x) => x.agency === 'Văn phòng UBND tỉnh')).toBe(false);
    // an agency reads the letter addressed to it, with its own tasks only
    const [own] = await letters(seed.stp);
    expect(own?.tasks.map((x) => x.task)).toEqual(['I.3', 'I.8']);
    // the Office's own overdue tasks are told inside dondoc, not by letter
    const internal = await t.db
      .selectFrom('notification')
      .select('title')
      .where('business_key', 'like', 'reminder:internal:%')
      .execute();
    const officeReminders = await t.db
      .selectFrom('written_reminder as w')
      .innerJoin('agency as g', 'g.id', 'w.agency_id')
      .select('w.letter_id')
      .where('g.code', '=', 'VP')
      .where('w.reminded_on', '=', '2021-01-21')
      .execute();
    expect(officeReminders.length).toBeGreaterThan(0);
    expect(officeReminders.every((r) => r.letter_id === null)).toBe(true);
    expect(internal.map((n) => n.title)).toContain(
      `${officeReminders.length} nhiệm vụ của Văn phòng quá hạn ngày 21/01/2021 (theo dõi nội bộ, không gửi công văn)`,
    );
    const id = draft?.id as number;
    const before = await register(id, { number: 4, issuedOn: '2021-01-20' });
    expect(before.json().error).toMatchObject({ code: 'INVALID_DATE' });
    expect((await register(id, { number: 4, issuedOn: '2021-02-21' })).json().error.code).toBe(
      'INVALID_DATE',
    );
    expect((await register(id, { number: 4, issuedOn: '2021-01-22' }, seed.stp)).statusCode).toBe(403);

    const done = await register(id, { number: 4, issuedOn: '2021-01-22' });
    expectReply(done, 200, {
      status: 'issued',
      numberLine: 'Số: 04/UBND-KSTT',
      issuedOn: '2021-01-22',
    });
    expect(done.json().fileName).toBe('Cong-van-don-doc-04-UBND-KSTT-2021-01-22.docx');
    const text = await docText(id);
    expectToContainAll(text, [
      'Số: 04/UBND-KSTT',
      'Tây Ninh, ngày 22 tháng 01 năm 2021',
      'trước ngày 02/02/2021', // Friday 22/01 + 7 working days (docs/domain-rules.md §4a)
    ]);
    expect((await register(id, { number: 5, issuedOn: '2021-01-22' })).json().error).toMatchObject({
      code: 'CONFLICT',
      message: 'Công văn 04/UBND-KSTT đã vào sổ ngày 22/01/2021.',
    });
    // each addressee's users are told, the letter attached to the e-mail
    const told = await t.db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.title'])
      .where('n.business_key', 'like', `letter:l${id}:%`)
      .execute();
    expect(told).toContainEqual({
      username: 'stp',
      title:
        'Công văn đôn đốc số 04/UBND-KSTT ngày 22/01/2021: V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND',
    });
    expect(told.map((n) => n.username)).not.toContain('vanphong');
    const mails = await t.db
      .selectFrom('outbox_message')
      .select('attachments')
      .where('business_key', 'like', `mail:letter:l${id}:%`)
      .execute();
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(m.attachments).toEqual([{ kind: 'reminder_letter', letterId: id }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'data'])
      .where('action', '=', 'letter.register')
      .execute();
    expect(audit).toEqual([
      {
        actor: 'vanphong',
        data: { kind: 'reminder', numberLine: 'Số: 04/UBND-KSTT', issuedOn: '2021-01-22' },
      },
    ]);
  });

  it('uses a number once a year and symbol; without one the line is left for the văn thư', async () => {
    await seed.office.post('/api/sweeps', { asOf: '2021-02-01' });
    const [second, first] = await letters();
    expect((await register(first?.id as number, { number: 7, issuedOn: '2021-01-21' })).statusCode).toBe(200);
    const taken = await register(second?.id as number, { number: 7, issuedOn: '2021-02-02' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe(
      'Số 07/UBND-KSTT năm 2021 đã vào sổ cho công văn khác (ngày 21/01/2021).',
    );
    const blank = await register(second?.id as number, { number: null, issuedOn: '2021-02-02' });
    expect(blank.json()).toMatchObject({ numberLine: 'Số:        /UBND-KSTT' });
    expect(await docText(second?.id as number)).toContain('Số:        /UBND-KSTT');
  });

  it('writes one letter per agency when the setting says so', async () => {
    const { version } = (await seed.office.get('/api/settings/letters')).json();
    const saved = await seed.office.put('/api/settings/letters', {
      form: 'ubnd-kt',
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Mạnh Hùng' },
      combined: false,
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await seed.office.post('/api/sweeps', { asOf: '2021-01-21' })).json()).toMatchObject({
      letters: 28,
    });
    const all = await letters();
    expect(all.every((l) => l.agencies.length === 1)).toBe(true);
    const stp = all.find((l) => l.agencies[0]?.code === 'STP') as Letter;
    expect(await docText(stp.id)).toContain('Kính gửi: Sở Tư pháp.');
  });

  it('corrects an issued letter whose reminder is withdrawn; a draft leaves the withdrawn task out', async () => {
    const ctx = systemContextFor(t.db, seed.world.authorityId);
    const pending = (agency: string, task: string, submittedOn: string) =>
      submitResult(ctx, { plan: PLAN, task, agency, submittedOn, accept: false });
    const stpI3 = await pending('STP', 'I.3', '2021-01-19');
    const snvI6 = await pending('SNV', 'I.6', '2021-01-20');
    await seed.office.post('/api/sweeps', { asOf: '2021-01-21' });
    const [draft] = await letters();
    // SNV's I.6, accepted while the letter is a draft: left out when it is registered, nothing to correct
    expect((await seed.office.post(`/api/results/${snvI6.resultId}/accept`)).statusCode).toBe(200);
    expect((await letters()).filter((l) => l.kind === 'correction')).toEqual([]);
    expect((await register(draft?.id as number, { number: 4, issuedOn: '2021-01-22' })).statusCode).toBe(200);
    const issued = await docText(draft?.id as number);
    expect(issued).toContain('nhiệm vụ I.3');
    expect(issued).not.toContain('nhiệm vụ I.6');

    // STP's I.3, accepted once the letter is issued: a draft correction notice to Sở Tư pháp
    expect((await seed.office.post(`/api/results/${stpI3.resultId}/accept`)).statusCode).toBe(200);
    const correction = (await letters()).find((l) => l.kind === 'correction') as Letter;
    expect(correction).toMatchObject({ status: 'draft', correctsId: draft?.id, agencies: [{ code: 'STP' }] });
    expect(correction.tasks).toEqual([
      expect.objectContaining({ task: 'I.3', withdrawnAt: expect.any(String) }),
    ]);
    // listed to Sở Tư pháp with its letters
    expect((await letters(seed.stp)).map((l) => l.kind)).toEqual(['correction', 'reminder']);
    const done = await register(correction.id, { number: 5, issuedOn: '2021-02-22' });
    expect(done.statusCode, done.body).toBe(200);
    const text = await docText(correction.id);
    expectToContainAll(text, [
      'Số: 05/UBND-KSTT',
      'V/v điều chỉnh nội dung Công văn số 04/UBND-KSTT ngày 22/01/2021',
      'Kính gửi: Sở Tư pháp.',
      'Nhiệm vụ I.3 tại Kế hoạch số 87/KH-UBND: Kết quả nhận ngày 19/01/2021',
      'các nội dung khác tại Công văn số 04/UBND-KSTT ngày 22/01/2021 giữ nguyên./.',
    ]);
  });
});
