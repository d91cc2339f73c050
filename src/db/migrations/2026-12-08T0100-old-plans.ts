import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §4, old plans and Thường xuyên tasks (docs/domain-rules.md §4, §5, §6):
 * - `plan.followup_from` — theo dõi từ ngày: the date the Office follows the plan from. Reminders,
 *   scores and days late never count a day before it. Null for every existing plan: the behaviour
 *   before (followed from its issue date).
 * - `result_submission.period` — the reporting period (`YYYY-MM`) a periodic result of an ongoing
 *   (Thường xuyên) assignment reports on; null for a result that completes its assignment. One
 *   accepted result per assignment and period. A periodic result never completes its assignment:
 *   `assignment.done_on` reads only results without a period (the trigger of 2026-11-28T0100, redefined).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column followup_from date`.execute(db);
  await sql`alter table result_submission add column period text`.execute(db);
  await sql`alter table result_submission add constraint result_submission_period_format
    check (period is null or period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`.execute(db);
  // one accepted and one pending result per assignment — and per period for the periodic ones
  await sql`drop index result_submission_one_accepted`.execute(db);
  await sql`drop index result_submission_one_pending`.execute(db);
  await sql`create unique index result_submission_one_accepted on result_submission (assignment_id)
    where status = 'accepted' and period is null`.execute(db);
  await sql`create unique index result_submission_one_pending on result_submission (assignment_id)
    where status = 'pending' and period is null`.execute(db);
  await sql`create unique index result_submission_period_accepted on result_submission (assignment_id, period)
    where status = 'accepted' and period is not null`.execute(db);
  await sql`create unique index result_submission_period_pending on result_submission (assignment_id, period)
    where status = 'pending' and period is not null`.execute(db);
  await refreshFunction(db, sql`and r.period is null`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await refreshFunction(db, sql``);
  await sql`delete from result_submission where period is not null`.execute(db);
  await sql`drop index if exists result_submission_period_pending`.execute(db);
  await sql`drop index if exists result_submission_period_accepted`.execute(db);
  await sql`drop index if exists result_submission_one_pending`.execute(db);
  await sql`drop index if exists result_submission_one_accepted`.execute(db);
  await sql`alter table result_submission drop column period`.execute(db);
  await sql`create unique index result_submission_one_accepted on result_submission (assignment_id)
    where status = 'accepted'`.execute(db);
  await sql`create unique index result_submission_one_pending on result_submission (assignment_id)
    where status = 'pending'`.execute(db);
  await sql`alter table plan drop column followup_from`.execute(db);
}

/**
 * assignment_done_on_refresh as 2026-11-28T0100 wrote it, with `extra` added to what counts: exported for
 * the `down` of 2026-12-10T0100, which puts this migration's version back.
 */
export async function refreshFunction(db: Kysely<unknown>, extra: ReturnType<typeof sql>) {
  await sql`create or replace function assignment_done_on_refresh() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update assignment a set done_on = s.done_on
          from (select o.assignment_id as id,
                       (select min(r.submitted_on) from result_submission r
                        where r.assignment_id = o.assignment_id and r.status = 'accepted' ${extra}) as done_on
                from (select distinct assignment_id from old_rows) o) s
          where a.id = s.id and a.done_on is distinct from s.done_on;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update assignment a set done_on = s.done_on
          from (select n.assignment_id as id,
                       (select min(r.submitted_on) from result_submission r
                        where r.assignment_id = n.assignment_id and r.status = 'accepted' ${extra}) as done_on
                from (select distinct assignment_id from new_rows) n) s
          where a.id = s.id and a.done_on is distinct from s.done_on;
      end if;
      return null;
    end
  $$`.execute(db);
}
