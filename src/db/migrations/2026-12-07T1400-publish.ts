import { type Kysely, sql } from 'kysely';

/**
 * Công khai kế hoạch (issue #14 §6, docs/domain-rules.md §11): a plan is on the public page only once
 * the Office has published it — `plan.published_at`, set and cleared by the publish switch (audited).
 *
 * Plans that exist before this migration were already public (every plan not withdrawn was shown), so
 * they stay published — from the time they were registered — and nothing a citizen could read
 * disappears on the day of the upgrade; the Office may unpublish any of them. Plans registered from
 * now on start unpublished.
 *
 * Notifications open a page of the app (§11): the links the sweep stored before pointed to routes the
 * app never had (`/assignments/…`, `/status?…`, `/letters/…`) and are rewritten to the app's pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column published_at timestamptz`.execute(db);
  await sql`update plan set published_at = created_at`.execute(db);
  await sql`update notification set link = case
      when link like '/assignments/%' then '/nhiem-vu/' || substr(link, 14)
      when link like '/assignments?%' then '/viec-cua-don-vi?tab=qua-han'
      when link like '/status?asOf=%' then '/danh-sach?state=open_overdue&asOf=' || substr(link, 14)
      when link like '/letters/%' then '/nhac-nho?tab=cong-van'
      else link end
    where link like '/assignments%' or link like '/status?%' or link like '/letters/%'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan drop column published_at`.execute(db);
}
