import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import * as migration from '../src/db/migrations/2026-12-07T1400-publish.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { describeEachDatabase } from './support/databases.ts';

/** The migration of docs/domain-rules.md §11: existing plans stay public; old notification links open the app's pages. */
describeEachDatabase('migration 2026-12-07T1400-publish', (t) => {
  it('publishes the plans that were public before it and rewrites the links stored before', async () => {
    const { authorityId } = await loadDemo(t.db, { users: true });
    const stp = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'stp')
      .executeTakeFirstOrThrow();
    const links = [
      '/assignments/42',
      '/assignments?state=open_overdue',
      '/status?asOf=2021-02-15',
      '/letters/7',
      null,
    ];
    await migration.down(t.db as Kysely<unknown>);
    try {
      for (const [i, link] of links.entries()) {
        await sql`insert into notification (authority_id, user_id, kind, business_key, title, body, link)
          values (${authorityId}, ${stp.id}, 'digest', ${`old:${i}`}, 'Cũ', 'Cũ', ${link})`.execute(t.db);
      }
    } finally {
      await migration.up(t.db as Kysely<unknown>);
    }
    const rows = await t.db
      .selectFrom('notification')
      .select('link')
      .where('business_key', 'like', 'old:%')
      .orderBy('business_key')
      .execute();
    expect(rows.map((r) => r.link)).toEqual([
      '/nhiem-vu/42',
      '/viec-cua-don-vi?tab=qua-han',
      '/danh-sach?state=open_overdue&asOf=2021-02-15',
      '/nhac-nho?tab=cong-van',
      null,
    ]);
    const plans = await t.db.selectFrom('plan').select(['published_at', 'created_at']).execute();
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan.published_at).toEqual(plan.created_at);
  });
});
