import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { deliverOutbox, smtpMailer } from '../src/modules/followup/outbox.ts';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { docxText, expectToContainAll } from './support/docx-xml.ts';
import { anonymous, expectReply, signIn } from './support/http.ts';
import { userIdOf } from './support/lookups.ts';
import { startSmtpCapture, unreachableSmtpUrl } from './support/smtp.ts';
import { useSeedWorld } from './support/world.ts';

const FROM = 'dondoc <dondoc@tayninh.gov.vn>';
/** 20/02/2021 10:00 in Tây Ninh: I.3 and I.8 (due 20/01) have been overdue 30 days since 19/02. */
const FEB_20 = () => new Date('2021-02-20T10:00:00+07:00');

describeOnFastestDatabase(
  'HTTP API: follow-up administration (letter settings, e-mail and head, outbox)',
  (t) => {
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
    });
    afterAll(() => smtp.close());
    const seed = useSeedWorld(t, { now: FEB_20, signedIn: { admin: 'quantri', office: 'vanphong' } });
    beforeEach(async () => {
      smtp.mails.splice(0);
    });

    const userId = (username: string) => userIdOf(t.db, username);
    const deliver = async (url = smtp.url, maxAttempts?: number) => {
      const mailer = smtpMailer(url, FROM);
      try {
        return await deliverOutbox(t.db, mailer, {
          now: () => new Date(),
          ...(maxAttempts ? { maxAttempts } : {}),
        });
      } finally {
        mailer.close();
      }
    };

    it('letter settings: read by the Office, leaders and admins, saved validated, versioned and audited; the next letter uses them', async () => {
      const read = await seed.office.get('/api/settings/letters');
      expectReply(read, 200, {
        version: 0,
        problems: [],
        // the demo: the UBND's letter, signed by the plan's signer (docs/domain-rules.md §6.1)
        settings: { form: 'ubnd-kt', signer: { title: 'CHỦ TỊCH', name: 'Nguyễn Mạnh Hùng' } },
        effective: {
          form: 'ubnd-kt',
          issuer: { parent: '', name: 'ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH', place: 'Tây Ninh' },
          symbol: 'UBND-KSTT',
          signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Mạnh Hùng' },
          recipients: ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
          reportWithinDays: 7,
        },
      });
      const leader = await signIn(seed.world.app, 'lanhdao');
      const stp = await signIn(seed.world.app, 'stp');
      expect((await leader.get('/api/settings/letters')).statusCode).toBe(200);
      expect((await stp.get('/api/settings/letters')).statusCode).toBe(403);
      expect((await anonymous(seed.world.app).get('/api/settings/letters')).statusCode).toBe(401);

      const vice = {
        form: 'ubnd-kt',
        signer: { name: ' Trần Văn Chiến ' },
        recipients: ['Như trên', 'TT. Tỉnh ủy', 'LĐVP'],
        reportWithinDays: 10,
      };
      expect((await leader.put('/api/settings/letters', vice)).statusCode).toBe(403);
      expect((await stp.put('/api/settings/letters', vice)).statusCode).toBe(403);
      for (const bad of [
        { signer: { name: 42 } },
        { signer: { rank: 'x' } }, // unknown field
        { colour: 'red' },
        { reportWithinDays: 0 },
        { symbol: 'UBND VP/2' },
        { recipients: [''] },
        { signer: { authority: '', title: 'CHỦ TỊCH' } }, // never "CHỦ TỊCH" alone
        { form: 'office', signer: { authority: 'KT. CHỦ TỊCH' } }, // the Office signs for no Chairman
        { form: 'ubnd' },
      ]) {
        const refused = await seed.office.put('/api/settings/letters', bad);
        expect([JSON.stringify(bad), refused.statusCode, refused.json().error.code]).toEqual([
          JSON.stringify(bad),
          400,
          'VALIDATION_FAILED',
        ]);
      }
      const saved = await seed.office.put('/api/settings/letters', { ...vice, version: 0 });
      expectReply(saved, 200, {
        version: 1,
        settings: { ...vice, signer: { ...vice.signer, name: 'Trần Văn Chiến' } },
        effective: {
          signer: {
            authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
            title: 'PHÓ CHỦ TỊCH',
            name: 'Trần Văn Chiến',
          },
          recipients: vice.recipients,
          symbol: 'UBND-KSTT',
        },
      });
      const stale = await seed.admin.put('/api/settings/letters', { version: 0, symbol: 'VP-UBND' });
      expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
      expect((await seed.office.get('/api/settings/letters')).json().version).toBe(1);
      const audit = await auditColumns(t.db, { action: 'settings.letters.update' }, [
        'actor',
        'before',
        'after',
        'entity_id',
      ]);
      expect(audit).toEqual([
        {
          actor: 'vanphong',
          entity_id: String(seed.world.authorityId),
          before: {
            form: 'ubnd-kt',
            signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Mạnh Hùng' },
          },
          after: { ...vice, signer: { ...vice.signer, name: 'Trần Văn Chiến' } },
        },
      ]);
      // another authority reads and writes only its own
      const bd = await signIn(seed.world.app, 'bd.vanphong');
      expect((await bd.get('/api/settings/letters')).json()).toMatchObject({
        version: 0,
        settings: {},
        effective: { issuer: { parent: 'UBND TỈNH BÌNH ĐỊNH', name: 'VĂN PHÒNG' }, signer: { name: '' } },
      });

      // the next letter: 21/01's, to the agencies but the Office (I.1, VP's, reminded on 14/01 goes in none)
      const sweep = await seed.office.post('/api/sweeps', { asOf: '2021-01-21' });
      expect(sweep.json()).toMatchObject({ reminders: 34, letters: 1 });
      const letter = (await seed.office.get('/api/letters')).json().items[0];
      const download = await seed.office.get(`/api/letters/${letter.id}/download`);
      const text = await docxText(download.rawPayload);
      expectToContainAll(text, [
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Trần Văn Chiến',
        '- TT. Tỉnh ủy;',
        'Số:        /UBND-KSTT',
      ]);
      expect(text).not.toContain('Nguyễn Mạnh Hùng');
      // the draft's 21/01 (a Thursday) + the 10 working days now set (docs/domain-rules.md §4a, §10)
      expect(text).toContain('trước ngày 04/02/2021');
    });

    it('users: an e-mail address and the agency-head flag; the sweep’s mail reaches the address, the escalation the head', async () => {
      const stp = await userId('stp');
      const set = await seed.admin.patch(`/api/users/${stp}`, {
        email: ' DauMoi.STP@tayninh.gov.vn ',
        isHead: true,
      });
      expectReply(set, 200, { username: 'stp', email: 'DauMoi.STP@tayninh.gov.vn', isHead: true });
      const badEmail = await seed.admin.patch(`/api/users/${stp}`, { email: 'khong-phai-email' });
      expect([badEmail.statusCode, badEmail.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(badEmail.json().error.message).toContain('Địa chỉ email "khong-phai-email" không hợp lệ');
      const office1 = await userId('vanphong');
      const notHead = await seed.admin.patch(`/api/users/${office1}`, { isHead: true });
      expect([notHead.statusCode, notHead.json().error.message]).toEqual([
        400,
        'Chỉ tài khoản của cơ quan (vai trò agency) mới được đánh dấu là thủ trưởng cơ quan.',
      ]);
      expect((await seed.office.patch(`/api/users/${stp}`, { email: 'x@y.vn' })).statusCode).toBe(403);
      // the head flag belongs to an agency: moving the account to another agency drops it
      const snv = await userId('snv');
      expect(
        (await seed.admin.patch(`/api/users/${snv}`, { isHead: true, email: 'snv@tayninh.gov.vn' })).json(),
      ).toMatchObject({
        isHead: true,
      });
      expect(
        (await seed.admin.patch(`/api/users/${snv}`, { agencyId: seed.world.agency('STC') })).json(),
      ).toMatchObject({
        agencyCode: 'STC',
        isHead: false,
        email: 'snv@tayninh.gov.vn',
      });
      expect((await seed.admin.patch(`/api/users/${snv}`, { email: null })).json().email).toBeNull();
      expect(
        (await seed.admin.patch(`/api/users/${snv}`, { email: 'snv@tayninh.gov.vn' })).json().email,
      ).toBe('snv@tayninh.gov.vn');
      expect((await seed.admin.patch(`/api/users/${snv}`, { email: '' })).json().email).toBeNull();
      // created with both; a head that is not an agency account is refused
      const created = await seed.admin.post('/api/users', {
        username: 'thutruong.stp',
        displayName: 'Giám đốc Sở Tư pháp',
        role: 'agency',
        agencyId: seed.world.agency('STP'),
        password: 'mat-khau-dai-1',
        email: 'giamdoc.stp@tayninh.gov.vn',
        isHead: true,
      });
      expectReply(created, 201, {
        email: 'giamdoc.stp@tayninh.gov.vn',
        isHead: true,
        agencyCode: 'STP',
      });
      const refused = await seed.admin.post('/api/users', {
        username: 'cv.head',
        displayName: 'x',
        role: 'office',
        password: 'mat-khau-dai-1',
        isHead: true,
      });
      expect(refused.statusCode).toBe(400);
      expect(
        await t.db.selectFrom('app_user').select('id').where('username', '=', 'cv.head').execute(),
      ).toEqual([]);
      const [audit] = await auditColumns(t.db, { action: 'user.update', entityId: String(stp) }, [
        'before',
        'after',
      ]);
      expect(audit).toMatchObject({
        before: { email: null, isHead: false },
        after: { email: 'DauMoi.STP@tayninh.gov.vn', isHead: true },
      });

      // the sweep up to 19/02 (30 days after I.3 and I.8's deadline), then delivery to the SMTP sink
      const sweep = await seed.office.post('/api/sweeps', { asOf: '2021-02-19' });
      expect(sweep.statusCode).toBe(200);
      const queued = await t.db
        .selectFrom('outbox_message')
        .select(['to_address', 'kind', 'business_key'])
        .execute();
      // only the accounts with an address: STP’s user and its head (SNV’s address was removed)
      expect(new Set(queued.map((m) => m.to_address))).toEqual(
        new Set(['DauMoi.STP@tayninh.gov.vn', 'giamdoc.stp@tayninh.gov.vn']),
      );
      expect(await deliver()).toMatchObject({ sent: queued.length, retrying: 0, dead: 0 });
      const mails = smtp.mails.splice(0);
      expect(mails).toHaveLength(queued.length);
      const to = (address: string) =>
        mails.filter((m) => m.to.includes(address)).map((m) => m.key.split('.')[1]);
      const headId = await userId('thutruong.stp');
      // STP's user: the letter of 21/01 and 01/02 …, the daily digests; both heads: the escalation of 19/02
      expect(to('DauMoi.STP@tayninh.gov.vn')).toEqual(
        expect.arrayContaining(['reminder', 'digest', 'escalation']),
      );
      expect(to('giamdoc.stp@tayninh.gov.vn')).toEqual(expect.arrayContaining(['escalation', 'digest']));
      const escalation = mails.find((m) => m.key === `mail.escalation.2021-02-19.u${headId}`);
      expect(escalation?.to).toEqual(['giamdoc.stp@tayninh.gov.vn']);
      expect(escalation?.raw).toMatch(/Subject: =\?UTF-8\?/); // Vietnamese subject, encoded
      const escalations = await t.db
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .innerJoin('assignment as a', 'a.id', 'n.assignment_id')
        .innerJoin('task as k', 'k.id', 'a.task_id')
        .select(['u.username', 'k.ref'])
        .where('n.kind', '=', 'escalation')
        .orderBy('u.username')
        .orderBy('k.ref')
        .execute();
      // the two heads of STP, for its two tasks 30 days overdue (I.3, I.8); no one else has a head
      expect(escalations).toEqual([
        { username: 'stp', ref: 'I.3' },
        { username: 'stp', ref: 'I.8' },
        { username: 'thutruong.stp', ref: 'I.3' },
        { username: 'thutruong.stp', ref: 'I.8' },
      ]);
    });

    it('outbox: listed by state to the Office and admins; an admin puts a dead e-mail back, it is sent once', async () => {
      await seed.admin.patch(`/api/users/${await userId('vp')}`, { email: 'vp@tayninh.gov.vn' });
      // I.1's reminder to VP (told inside dondoc, no letter: §6.1), the notices of 13/01
      await seed.office.post('/api/sweeps', { asOf: '2021-01-14' });
      const queued = await t.db.selectFrom('outbox_message').select('id').execute();
      expect(queued.length).toBeGreaterThanOrEqual(2);
      const down = await deliver(await unreachableSmtpUrl(), 1); // one attempt allowed: dead at once
      expect(down).toMatchObject({ sent: 0, dead: queued.length });

      const dead = await seed.office.get('/api/outbox?state=dead');
      expect(dead.statusCode).toBe(200);
      const body = dead.json();
      expect(body).toMatchObject({
        total: queued.length,
        page: 1,
        counts: { pending: 0, sending: 0, sent: 0, dead: queued.length },
      });
      const letterMail = body.items.find((m: { kind: string }) => m.kind === 'reminder');
      expect(letterMail).toMatchObject({
        to: 'vp@tayninh.gov.vn',
        status: 'dead',
        attempts: 1,
        lastError: expect.stringContaining('ECONNREFUSED'),
        nextAttemptAt: expect.any(String),
        sentAt: null,
      });
      expect(letterMail.subject).toContain('nhiệm vụ của Văn phòng quá hạn ngày 14/01/2021');
      expect((await seed.office.get('/api/outbox?state=pending')).json()).toMatchObject({
        total: 0,
        items: [],
      });
      expect((await seed.office.get('/api/outbox?state=lost')).statusCode).toBe(400);
      expect((await seed.office.get('/api/outbox?pageSize=1&page=2')).json().items).toHaveLength(1);
      for (const user of ['lanhdao', 'vp']) {
        expect((await (await signIn(seed.world.app, user)).get('/api/outbox')).statusCode).toBe(403);
      }
      const bd = await signIn(seed.world.app, 'bd.vanphong');
      expect((await bd.get('/api/outbox')).json().total).toBe(0);

      expect((await seed.office.post(`/api/outbox/${letterMail.id}/retry`)).statusCode).toBe(403);
      const retried = await seed.admin.post(`/api/outbox/${letterMail.id}/retry`);
      expectReply(retried, 200, { id: letterMail.id, status: 'pending', attempts: 0 });
      const again = await seed.admin.post(`/api/outbox/${letterMail.id}/retry`);
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'CONFLICT']);
      expect((await seed.admin.post('/api/outbox/999999/retry')).statusCode).toBe(404);
      expect((await seed.office.get('/api/outbox?state=pending')).json().total).toBe(1);

      expect(await deliver()).toMatchObject({ sent: 1, dead: 0 }); // only the one put back
      const mails = smtp.mails.splice(0);
      expect(mails.map((m) => m.to)).toEqual([['vp@tayninh.gov.vn']]);
      expect(mails[0]?.raw).not.toContain('.docx'); // the Office writes itself no letter
      const sent = (await seed.office.get('/api/outbox?state=sent')).json();
      expect(sent.items).toEqual([
        expect.objectContaining({ id: letterMail.id, status: 'sent', attempts: 1, nextAttemptAt: null }),
      ]);
      expect(sent.items[0].sentAt).toEqual(expect.any(String));
      expect(sent.counts).toMatchObject({ sent: 1, dead: queued.length - 1 });
      const audit = await auditColumns(t.db, { action: 'outbox.retry' }, ['actor', 'before', 'after']);
      expect(audit).toEqual([
        {
          actor: 'quantri',
          before: { status: 'dead', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') },
          after: { status: 'pending', attempts: 0 },
        },
      ]);
    });
  },
);
