import { type Kysely, sql } from 'kysely';

/**
 * The overview's figures kept by the writes (issue #18): `statistic_delta` holds, per agency and per
 * plan, how much each figure of docs/domain-rules.md §5 changes on each day. A lead assignment counts
 * toward a figure over an interval of as-of dates — `open_overdue` from the day after its due date
 * until it is done or withdrawn, `d31_90` from its 31st day overdue to its 91st, … (`statistic_events`
 * writes the intervals) — so the figure as of D is the sum of the changes dated on or before D. Each
 * change is added at three grains (its year, its month, its day), so that a sum reads the whole years
 * before D's year, the months of that year before D's month and the days of D's month up to D: a few
 * thousand rows whatever the size of the history.
 *
 * `statistic_fact` is what each counted assignment was last counted as (its agency, plan, the day it
 * is opened — the later of `opens_on` and the plan's issue date — due date, `done_on`, withdrawal), so
 * that a write takes back exactly what was added before, even when the task or plan is already gone.
 * Kept in the same transaction as the write, by statement-level triggers: on `assignment` (whatever
 * writes it — the services, the `done_on` and due-shift triggers, a reorganisation, a bulk load), on
 * `task` (cancellation, plan) and on `plan` (issue date, cancellation). Only lead assignments that are
 * not sub-assignments count, as in `countStatistics`. test/statistic-counts.test.ts checks the sums
 * against the full aggregate over random histories.
 */
/**
 * The figures of `statistic_delta`, one integer column each, as this migration creates them (frozen
 * with it); report-counts (2026-12-09T0100) gives `report_delta` the same columns.
 */
export const KEYS = [
  'total',
  'done_on_time',
  'done_late',
  'open_on_time',
  'open_overdue',
  'ongoing',
  'cancelled',
  'due',
  'due_on_time',
  'reminders',
  'd0_30',
  'd31_90',
  'd91_120',
  'd120_plus',
] as const;

/** The figures' columns of a delta table. */
export const KEY_COLUMNS = KEYS.map((k) => `${k} integer not null default 0`).join(',\n    ');
/** Each figure's sum of the changes `c` (rows of key and n) of a delta row. */
export const KEY_SUMS = KEYS.map((k) => `coalesce(sum(c.n) filter (where c.key = '${k}'), 0)`).join(', ');
/** The upsert's `set` of a delta table `s`: each figure plus the change. */
export const KEY_ADDS = KEYS.map((k) => `${k} = s.${k} + excluded.${k}`).join(', ');

// What the assignments of `which` count as now (none for a support, sub- or deleted assignment).
const factsNow = (which: string) => `select a.id as assignment_id, a.authority_id, a.agency_id, t.plan_id,
    greatest(a.opens_on, p.issued_on) as opened_on, a.current_due_on as due_on, a.done_on,
    least(a.cancelled_on, t.cancelled_on, p.cancelled_on) as cancelled_on
  from assignment a join task t on t.id = a.task_id join plan p on p.id = t.plan_id
  where ${which} and a.role = 'lead' and a.parent_assignment_id is null`;
// the changes of these facts (sign -1: taken back, +1: added), at the three grains, for both dimensions
const deltasOf = (facts: string) => `insert into statistic_delta as s
    (authority_id, dimension, grain, day, group_id, ${KEYS.join(', ')})
  select c.authority_id, c.dimension, c.grain, c.day, c.group_id, ${KEY_SUMS}
  from (
    select f.authority_id, g.dimension, r.grain, r.day, g.group_id, e.key, sum(f.sign * e.n)::integer as n
    from (${facts}) f
    cross join lateral statistic_events(f.opened_on, f.due_on, f.done_on, f.cancelled_on) e
    cross join lateral (values ('agency', f.agency_id), ('plan', f.plan_id)) as g(dimension, group_id)
    cross join lateral (values
      ('y', make_date(extract(year from e.day)::integer, 1, 1)),
      ('m', make_date(extract(year from e.day)::integer, extract(month from e.day)::integer, 1)),
      ('d', e.day)) as r(grain, day)
    group by 1, 2, 3, 4, 5, 6
    having sum(f.sign * e.n) <> 0
  ) c
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (authority_id, dimension, grain, day, group_id) do update set ${KEY_ADDS}`;

/**
 * The refresh of the counts (`statistic_refresh(ids)` here; renamed `statistic_overview_refresh` by
 * 2026-12-09T0100) and the trigger functions that call `statistic_refresh`, as this migration made them:
 * exported for the `down` of 2026-12-10T0100, which puts them back.
 */
export async function createRefreshFunctions(db: Kysely<unknown>, name: string): Promise<void> {
  await sql
    .raw(`create or replace function ${name}(ids integer[]) returns void language plpgsql as $$
    begin
      if ids is null or cardinality(ids) = 0 then return; end if;
      ${deltasOf(`select -1 as sign, o.* from statistic_fact o where o.assignment_id = any(ids)
        union all select 1 as sign, n.* from (${factsNow('a.id = any(ids)')}) n`)};
      delete from statistic_fact where assignment_id = any(ids);
      insert into statistic_fact ${factsNow('a.id = any(ids)')};
    end
  $$`)
    .execute(db);

  // assignment: the rows inserted, deleted, or updated in a column the facts read
  await sql`create or replace function statistic_assignment_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform statistic_refresh(array(select id from new_rows));
      elsif tg_op = 'DELETE' then
        perform statistic_refresh(array(select id from old_rows));
      else
        perform statistic_refresh(array(
          select n.id from new_rows n join old_rows o on o.id = n.id
          where (n.agency_id, n.task_id, n.role, n.parent_assignment_id, n.opens_on, n.current_due_on,
                 n.cancelled_on, n.done_on, n.authority_id)
             is distinct from (o.agency_id, o.task_id, o.role, o.parent_assignment_id, o.opens_on,
                 o.current_due_on, o.cancelled_on, o.done_on, o.authority_id)));
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create or replace function statistic_task_changed() returns trigger language plpgsql as $$
    begin
      perform statistic_refresh(array(
        select a.id from assignment a join new_rows n on n.id = a.task_id join old_rows o on o.id = n.id
        where (n.cancelled_on, n.plan_id) is distinct from (o.cancelled_on, o.plan_id)));
      return null;
    end
  $$`.execute(db);
  await sql`create or replace function statistic_plan_changed() returns trigger language plpgsql as $$
    begin
      perform statistic_refresh(array(
        select a.id from assignment a join task t on t.id = a.task_id
          join new_rows n on n.id = t.plan_id join old_rows o on o.id = n.id
        where (n.cancelled_on, n.issued_on) is distinct from (o.cancelled_on, o.issued_on)));
      return null;
    end
  $$`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table statistic_fact (
    assignment_id integer primary key,
    authority_id integer not null,
    agency_id integer not null,
    plan_id integer not null,
    opened_on date not null,
    due_on date,
    done_on date,
    cancelled_on date
  )`.execute(db);
  const columns = sql.raw(KEY_COLUMNS);
  await sql`create table statistic_delta (
    authority_id integer not null,
    dimension text not null check (dimension in ('agency', 'plan')),
    grain text not null check (grain in ('y', 'm', 'd')),
    day date not null,
    group_id integer not null,
    ${columns},
    primary key (authority_id, dimension, grain, day, group_id)
  )`.execute(db);
  // a sum reads a few thousand rows: parallel workers cost more to start than they save (at 1M on
  // 2 cores the planner gave a scan of it two workers, 130 ms against 10 ms serial; issue #18)
  await sql`alter table statistic_delta set (parallel_workers = 0)`.execute(db);

  // The as-of dates [starts, ends) over which an assignment with these facts counts toward each
  // figure (ends null: for ever after). The rules of statKeysOf / stateAsOfSql (docs/domain-rules.md §5,
  // §6 for reminders), each turned into an interval: a state holds from the day it is reached to the
  // day a later one replaces it. `greatest`/`least` skip nulls, hence the explicit cases.
  await sql`create function statistic_events(opened date, due date, done date, cancelled date)
    returns table (day date, key text, n integer) language sql immutable as $$
    select e.day, i.key, e.n
    from (values
      ('total', opened, null::date),
      ('cancelled', case when cancelled is not null then greatest(opened, cancelled) end, null),
      ('done_on_time', case when done is not null and (due is null or done <= due) then greatest(opened, done) end, cancelled),
      ('done_late', case when done > due then greatest(opened, done) end, cancelled),
      ('ongoing', case when due is null then opened end, least(cancelled, done)),
      ('open_on_time', case when due is not null then opened end, least(cancelled, done, due + 1)),
      ('open_overdue', case when due is not null then greatest(opened, due + 1) end, least(cancelled, done)),
      ('due', case when due is not null then greatest(opened, due) end, cancelled),
      ('due_on_time', case when done <= due then greatest(opened, due) end, cancelled),
      ('reminders', case when due is not null and (cancelled is null or cancelled > due)
                          and (done is null or done > due) then greatest(opened, due + 1) end, null),
      ('d0_30', case when due is not null then greatest(opened, due + 1) end, least(cancelled, done, due + 31)),
      ('d31_90', case when due is not null then greatest(opened, due + 31) end, least(cancelled, done, due + 91)),
      ('d91_120', case when due is not null then greatest(opened, due + 91) end, least(cancelled, done, due + 121)),
      ('d120_plus', case when due is not null then greatest(opened, due + 121) end, least(cancelled, done))
    ) as i(key, starts, ends)
    cross join lateral (values (i.starts, 1), (i.ends, -1)) as e(day, n)
    where i.starts is not null and (i.ends is null or i.starts < i.ends) and e.day is not null
  $$`.execute(db);

  await createRefreshFunctions(db, 'statistic_refresh');

  await sql`create trigger assignment_statistic_insert after insert on assignment
    referencing new table as new_rows
    for each statement execute function statistic_assignment_changed()`.execute(db);
  await sql`create trigger assignment_statistic_update after update on assignment
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistic_assignment_changed()`.execute(db);
  await sql`create trigger assignment_statistic_delete after delete on assignment
    referencing old table as old_rows
    for each statement execute function statistic_assignment_changed()`.execute(db);
  await sql`create trigger task_statistic_update after update on task
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistic_task_changed()`.execute(db);
  await sql`create trigger plan_statistic_update after update on plan
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistic_plan_changed()`.execute(db);

  // what is there already, counted once
  await sql.raw(`insert into statistic_fact ${factsNow('true')}`).execute(db);
  await sql.raw(deltasOf('select 1 as sign, * from statistic_fact')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists plan_statistic_update on plan`.execute(db);
  await sql`drop trigger if exists task_statistic_update on task`.execute(db);
  await sql`drop trigger if exists assignment_statistic_delete on assignment`.execute(db);
  await sql`drop trigger if exists assignment_statistic_update on assignment`.execute(db);
  await sql`drop trigger if exists assignment_statistic_insert on assignment`.execute(db);
  await sql`drop function if exists statistic_plan_changed()`.execute(db);
  await sql`drop function if exists statistic_task_changed()`.execute(db);
  await sql`drop function if exists statistic_assignment_changed()`.execute(db);
  await sql`drop function if exists statistic_refresh(integer[])`.execute(db);
  await sql`drop function if exists statistic_events(date, date, date, date)`.execute(db);
  await sql`drop table if exists statistic_delta`.execute(db);
  await sql`drop table if exists statistic_fact`.execute(db);
}
