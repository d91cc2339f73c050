import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { workingCalendarOf } from '../../domain/holidays.ts';
import { WEEKENDS_ONLY } from '../../domain/working-days.ts';
import {
  longOverdue,
  planDigests,
  planEmails,
  planNotices,
  type Recipient,
  type SweepFact,
} from './notices.ts';
import { backoffMs, redactUrl } from './outbox.ts';
import { localTimeOf, sweepAsOf } from './sweep.job.ts';

const TZ = 'Asia/Ho_Chi_Minh';

describe('sweepAsOf — the last day the 07:00 sweep should have done', () => {
  it('is yesterday before 07:00 local time and today from 07:00, whatever the server zone', () => {
    expect(sweepAsOf(new Date('2021-01-21T06:59:00+07:00'), TZ, '07:00')).toBe('2021-01-20');
    expect(sweepAsOf(new Date('2021-01-21T07:00:00+07:00'), TZ, '07:00')).toBe('2021-01-21');
    // 23:30 UTC on 20/01 is 06:30 on 21/01 in Tây Ninh
    expect(localTimeOf(new Date('2021-01-20T23:30:00Z'), TZ)).toBe('06:30');
    expect(sweepAsOf(new Date('2021-01-20T23:30:00Z'), TZ, '06:00')).toBe('2021-01-21');
    expect(sweepAsOf(new Date('2021-01-21T00:00:00+07:00'), TZ, '00:00')).toBe('2021-01-21');
  });
});

const fact = (over: Partial<SweepFact>): SweepFact => ({
  assignmentId: 1,
  agencyId: 10,
  agencyName: 'Sở Tư pháp',
  planNumber: '87/KH-UBND',
  taskRef: 'I.3',
  content: 'Báo cáo',
  dueOn: '2021-01-20',
  doneOn: null,
  cancelledOn: null,
  ...over,
});
const users: Recipient[] = [
  { userId: 7, role: 'agency', agencyId: 10, email: 'stp@tayninh.gov.vn', isHead: false },
  { userId: 8, role: 'agency', agencyId: 11, email: null, isHead: false },
  { userId: 9, role: 'office', agencyId: null, email: 'vp@tayninh.gov.vn', isHead: false },
];

describe('escalations and overdue lists of an old plan (docs/domain-rules.md §6, theo dõi từ ngày)', () => {
  it('count the days overdue from the follow-up start when it is later than the deadline', () => {
    const old = fact({ dueOn: '2021-01-20', followupFrom: '2026-12-08' });
    // followed from 08/12/2026: not escalated on its first days, though due in 2021
    expect(longOverdue([old], '2026-12-09', 10)).toEqual([]);
    expect(longOverdue([old], '2026-12-17', 10)).toEqual([]);
    expect(longOverdue([old], '2026-12-18', 10)).toEqual([old]);
    // a plan followed from its issue: from the deadline, as before
    expect(longOverdue([fact({})], '2021-01-30', 10)).toEqual([fact({})]);
    expect(longOverdue([fact({ followupFrom: null })], '2021-01-29', 10)).toEqual([]);
  });
});

describe('notices, digests and their e-mails', () => {
  it('notices the lead agency on the configured days only, until a result is accepted', () => {
    const offsets = [7, 3, 1, 0];
    const on = (day: string, f = fact({})) =>
      planNotices(day, [f], users, offsets, WEEKENDS_ONLY).map((n) => n.businessKey);
    expect(on('2021-01-13')).toEqual(['notice:a1:2021-01-20:d7:u7']);
    expect(on('2021-01-14')).toEqual([]);
    expect(on('2021-01-20')).toEqual(['notice:a1:2021-01-20:d0:u7']);
    expect(on('2021-01-21')).toEqual([]); // overdue: the digest's business now
    expect(on('2021-01-19', fact({ doneOn: '2021-01-18' }))).toEqual([]);
  });

  it('sends a notice falling on a day off on the next working day, or the last one before a deadline that comes first (§11)', () => {
    const offsets = [7, 3, 1, 0];
    // Tết 2021: 10–16/02 off (docs/domain-rules.md §4a)
    const calendar = workingCalendarOf([
      ...['10', '11', '12', '13', '14', '15', '16'].map((day) => ({
        date: `2021-02-${day}`,
        kind: 'day_off' as const,
        name: 'Tết Nguyên đán',
      })),
    ]);
    const days = (f: SweepFact, from: string, to: string) => {
      const sent: string[] = [];
      for (let day = from; day <= to; day = addDays(day, 1)) {
        for (const n of planNotices(day, [f], users, offsets, calendar)) sent.push(`${day} ${n.title}`);
      }
      return sent;
    };
    // due Wednesday 20/01: its 3-day notice (Sunday 17/01) goes on Monday 18/01, two days before
    expect(days(fact({}), '2021-01-10', '2021-01-21')).toEqual([
      '2021-01-13 Còn 7 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)',
      '2021-01-18 Còn 2 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)',
      '2021-01-19 Còn 1 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)',
      '2021-01-20 Đến hạn hôm nay: nhiệm vụ I.3 (87/KH-UBND)',
    ]);
    // due 12/02, in Tết: the notices of 09/02 (3 days), 11/02 and 12/02 all go on Tuesday 09/02, once
    expect(days(fact({ dueOn: '2021-02-12' }), '2021-02-01', '2021-02-17')).toEqual([
      '2021-02-05 Còn 7 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)',
      '2021-02-09 Còn 3 ngày đến hạn: nhiệm vụ I.3 (87/KH-UBND)',
    ]);
    // due Wednesday 17/02, the first working day after Tết: the 7- and 3-day notices (10/02, 14/02) on 17/02
    expect(days(fact({ dueOn: '2021-02-17' }), '2021-02-08', '2021-02-18')).toEqual([
      '2021-02-17 Đến hạn hôm nay: nhiệm vụ I.3 (87/KH-UBND)',
    ]);
  });

  it('a digest after days off covers them, dated the working day', () => {
    const [digest] = planDigests('2021-02-17', [fact({})], users, '2021-02-09');
    expect(digest).toMatchObject({
      businessKey: 'digest:2021-02-17:u7',
      title: 'Sở Tư pháp: 1 nhiệm vụ quá hạn đến ngày 17/02/2021',
    });
    expect(digest?.body).toContain('(tổng hợp từ ngày 10/02/2021 đến ngày 17/02/2021)');
    expect(planDigests('2021-01-22', [fact({})], users)[0]?.body).not.toContain('tổng hợp từ');
  });

  it('sends one e-mail per recipient, kind and day, and none to users without an address', () => {
    const facts = [
      fact({}),
      fact({ assignmentId: 2, taskRef: 'I.8' }),
      fact({ assignmentId: 3, agencyId: 11 }),
    ];
    const digests = planDigests('2021-01-25', facts, users);
    expect(digests.map((n) => n.businessKey)).toEqual(['digest:2021-01-25:u7', 'digest:2021-01-25:u8']);
    const created = digests.map((n) => ({ user_id: n.userId, kind: n.kind, title: n.title, body: n.body }));
    const mails = planEmails('2021-01-25', created, users);
    expect(mails.map((m) => [m.businessKey, m.to])).toEqual([
      ['mail:digest:2021-01-25:u7', 'stp@tayninh.gov.vn'],
    ]);
    expect(mails[0]?.bodyText).toContain('- nhiệm vụ I.8 (87/KH-UBND), hạn 20/01/2021, quá hạn 5 ngày');
  });
});

describe('outbox helpers', () => {
  it('backs off 1, 2, 4 … minutes, at most 6 hours, and hides SMTP passwords in logs', () => {
    expect([1, 2, 3, 8].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 128]);
    expect(backoffMs(30)).toBe(6 * 3600_000);
    expect(redactUrl('smtps://dondoc:s3cret@mail.tayninh.gov.vn:465')).toBe(
      'smtps://dondoc:***@mail.tayninh.gov.vn:465',
    );
  });
});
