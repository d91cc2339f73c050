import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §1: a deadline on a non-working day (docs/domain-rules.md §4a, "Hạn rơi vào ngày nghỉ").
 * `assignment.stated_due_on` is the due date as stated or extended — what every writer writes into
 * `current_due_on`; a BEFORE trigger copies it there and makes `current_due_on` the date the rules
 * judge by: the stated date when the authority's setting `dueOnNonWorkingDay` is "keep" (absent: the
 * behaviour before), else the first working day from it by the authority's calendar (Bộ luật Dân sự
 * 2015, art. 148). Every reader keeps reading `current_due_on`.
 *
 * The application recomputes an authority's rows when the setting or the calendar changes, with the
 * transaction-local flag `dondoc.due_recompute` = 'on': then `current_due_on = stated_due_on` only
 * re-derives the date and leaves the stated one as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assignment add column stated_due_on date`.execute(db);
  await sql`update assignment set stated_due_on = current_due_on`.execute(db);
  // the date itself when it is a working day, else the first one after (≡ nextWorkingDay in working-days.ts)
  await sql`create or replace function next_working_day(p_authority integer, p_date date) returns date
    language plpgsql stable as $$
    declare
      d date := p_date;
      k text;
    begin
      for i in 0..366 loop
        select kind into k from calendar_day where authority_id = p_authority and date = d;
        if i = 366 or k = 'working_day' or (k is null and extract(isodow from d) < 6) then
          return d;
        end if;
        d := d + 1;
      end loop;
      return d;
    end
  $$`.execute(db);
  await sql`create or replace function assignment_due_shift() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        -- a copy of whole rows (a test template, a restore by inserts) brings its stated date along
        new.stated_due_on := coalesce(new.stated_due_on, new.current_due_on);
      elsif coalesce(current_setting('dondoc.due_recompute', true), '') <> 'on' then
        new.stated_due_on := new.current_due_on;
      end if;
      if new.stated_due_on is not null
         and (select settings->>'dueOnNonWorkingDay' from authority where id = new.authority_id)
             = 'next_working_day' then
        new.current_due_on := next_working_day(new.authority_id, new.stated_due_on);
      else
        new.current_due_on := new.stated_due_on;
      end if;
      return new;
    end
  $$`.execute(db);
  await sql`create trigger assignment_due_shift before insert or update of current_due_on on assignment
    for each row execute function assignment_due_shift()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists assignment_due_shift on assignment`.execute(db);
  await sql`drop function if exists assignment_due_shift()`.execute(db);
  await sql`drop function if exists next_working_day(integer, date)`.execute(db);
  await sql`update assignment set current_due_on = stated_due_on where stated_due_on is not null`.execute(db);
  await sql`alter table assignment drop column stated_due_on`.execute(db);
}
