import { type Kysely, sql } from 'kysely';

/**
 * `assignment.done_on` — the submission (receipt) date of the assignment's earliest accepted result,
 * null if none: the fact every §5 state and every written reminder depends on, kept on the row so that
 * lists, counts and the sweep read a column instead of running a subquery per assignment (issue #9).
 *
 * Derived state, kept correct by the database itself: statement-level triggers on `result_submission`
 * (insert, update, delete — whatever path writes results, bulk loads included) recompute it for the
 * assignments the statement touched, from the same definition the subquery had. Only changed values
 * are written, so a pending submission does not rewrite its assignment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assignment add column done_on date`.execute(db);
  await sql`update assignment a set done_on = s.done_on
    from (select assignment_id, min(submitted_on) as done_on from result_submission
          where status = 'accepted' group by assignment_id) s
    where a.id = s.assignment_id`.execute(db);
  await sql`create or replace function assignment_done_on_refresh() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update assignment a set done_on = s.done_on
          from (select o.assignment_id as id,
                       (select min(r.submitted_on) from result_submission r
                        where r.assignment_id = o.assignment_id and r.status = 'accepted') as done_on
                from (select distinct assignment_id from old_rows) o) s
          where a.id = s.id and a.done_on is distinct from s.done_on;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update assignment a set done_on = s.done_on
          from (select n.assignment_id as id,
                       (select min(r.submitted_on) from result_submission r
                        where r.assignment_id = n.assignment_id and r.status = 'accepted') as done_on
                from (select distinct assignment_id from new_rows) n) s
          where a.id = s.id and a.done_on is distinct from s.done_on;
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger result_submission_done_on_insert after insert on result_submission
    referencing new table as new_rows
    for each statement execute function assignment_done_on_refresh()`.execute(db);
  await sql`create trigger result_submission_done_on_update after update on result_submission
    referencing old table as old_rows new table as new_rows
    for each statement execute function assignment_done_on_refresh()`.execute(db);
  await sql`create trigger result_submission_done_on_delete after delete on result_submission
    referencing old table as old_rows
    for each statement execute function assignment_done_on_refresh()`.execute(db);
  // the accepted results the column is computed from, read without touching pending or returned ones
  await sql`create index result_submission_accepted on result_submission (assignment_id, submitted_on)
    where status = 'accepted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists result_submission_accepted`.execute(db);
  await sql`drop trigger if exists result_submission_done_on_delete on result_submission`.execute(db);
  await sql`drop trigger if exists result_submission_done_on_update on result_submission`.execute(db);
  await sql`drop trigger if exists result_submission_done_on_insert on result_submission`.execute(db);
  await sql`drop function if exists assignment_done_on_refresh()`.execute(db);
  await sql`alter table assignment drop column done_on`.execute(db);
}
