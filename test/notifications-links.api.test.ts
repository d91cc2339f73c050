import { expect, it } from 'vitest';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { sweepContext, sweepEveryDay } from './support/followup.ts';
import { signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** 22/02/2021 in Tây Ninh: I.3 and I.8 (due 20/01) are more than 30 days overdue. */
const FEB_22 = () => new Date('2021-02-22T10:00:00+07:00');

/** The bell's server side (docs/domain-rules.md §11): links into the app, unread counts, marking all read. */
describeOnFastestDatabase('notifications: links to the app’s pages, unread count, mark all read', (t) => {
  const seed = useSeedWorld(t, { now: FEB_22, signedIn: { office: 'vanphong', stp: 'stp' } });

  it('every notification opens a page of the app: the assignment, the overdue tab, the list, the letters', async () => {
    await sweepEveryDay(t.db, seed.world.authorityId, '2021-01-17', '2021-01-21'); // notices, a letter
    await sweepUpTo(sweepContext(t.db, seed.world.authorityId), '2021-02-22'); // then 30 days overdue
    const mine = (await seed.stp.get('/api/notifications?pageSize=200')).json();
    const linkOf = new Map<string, Set<string>>();
    for (const n of mine.items as { kind: string; link: string; assignmentId: number | null }[]) {
      linkOf.set(n.kind, (linkOf.get(n.kind) ?? new Set()).add(n.link));
      if (n.kind === 'notice') expect(n.link).toBe(`/nhiem-vu/${n.assignmentId}`);
    }
    expect([...(linkOf.get('digest') ?? [])]).toEqual(['/viec-cua-don-vi?tab=qua-han']);
    expect([...(linkOf.get('reminder') ?? [])]).toEqual(['/nhac-nho?tab=cong-van']);
    expect(linkOf.get('notice')?.size).toBe(2); // I.3 and I.8

    const office = (await seed.office.get('/api/notifications?pageSize=200')).json();
    expect(office.items.length).toBeGreaterThan(0);
    for (const n of office.items) {
      expect(n.kind).toBe('overdue_list');
      expect(n.link).toMatch(/^\/danh-sach\?state=open_overdue&asOf=2021-02-(19|2[0-2])$/);
    }
    // the assignment a notice opens is one the agency may read
    const notice = mine.items.find((n: { kind: string }) => n.kind === 'notice');
    const page = await seed.stp.get(`/api/assignments/${notice.assignmentId}`);
    expect(page.statusCode).toBe(200);
  });

  it('the unread count falls as notifications are read; "mark all read" clears it for that user only', async () => {
    await sweepEveryDay(t.db, seed.world.authorityId, '2021-01-13', '2021-01-21'); // as the scheduler does
    const before = (await seed.stp.get('/api/notifications?pageSize=1')).json();
    expect(before).toMatchObject({ total: 10, unread: 10 });
    const snv = await signIn(seed.world.app, 'snv');
    const snvUnread = (await snv.get('/api/notifications?pageSize=1')).json().unread;
    expect(snvUnread).toBeGreaterThan(0);

    await seed.stp.post(`/api/notifications/${before.items[0].id}/read`);
    expect((await seed.stp.get('/api/notifications?pageSize=1')).json().unread).toBe(9);

    const all = await seed.stp.post('/api/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ read: 9 });
    const after = (await seed.stp.get('/api/notifications')).json();
    expect(after).toMatchObject({ total: 10, unread: 0 });
    expect(after.items.filter((n: { readAt: string | null }) => n.readAt !== FEB_22().toISOString())).toEqual(
      [],
    );
    expect((await seed.stp.post('/api/notifications/read-all')).json()).toEqual({ read: 0 });
    expect((await snv.get('/api/notifications?pageSize=1')).json().unread).toBe(snvUnread);
  });
});
