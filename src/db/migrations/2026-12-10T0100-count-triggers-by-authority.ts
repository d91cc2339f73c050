import { type Kysely, sql } from 'kysely';
import { refreshFunction as createDoneOnRefresh } from './2026-12-08T0100-old-plans.ts';
import { createRefreshFunctions, KEY_ADDS, KEY_SUMS, KEYS } from './2026-12-08T0600-statistic-counts.ts';
import { createReportRefresh } from './2026-12-09T0100-report-counts.ts';

/**
 * The kept counts' upkeep made cheaper and told the authority (issue #18 goals 1 and 6). The counts
 * themselves (`statistic_fact`, `statistic_delta`, `report_delta`) and what they mean are unchanged.
 *
 * Before, `statistic_refresh(ids)` ran two passes — the report's and the overview's — each reading the
 * old and new facts of the assignments and turning them into events, then replaced every fact: four
 * statements, the events computed twice, and the facts rewritten even when they had not changed.
 * Now `statistic_refresh(authority, ids)` is one statement: the facts that changed (an assignment
 * whose facts are the same adds nothing and is not rewritten), their events once, grouped once at
 * the report's grain and summed from there into both delta tables, and the facts updated, deleted
 * or inserted in place.
 *
 * Every lookup names the authority: the triggers group their transition rows by `authority_id`
 * (an assignment's row, a result's row), so that on `assignment`, `statistic_fact` or
 * `result_submission` partitioned by authority (bench/scale/tenm-partition.ts) a statement reads one
 * partition instead of probing all of them by id. The `done_on` trigger finds an assignment by the
 * authority of its result, which the composite foreign key added here makes the assignment's own.
 */

/** The facts compared to tell a changed assignment (all of statistic_fact but its key). */
const FACTS = ['agency_id', 'plan_id', 'opened_on', 'due_on', 'done_on', 'cancelled_on'] as const;
const same = (x: string, y: string) =>
  `(${FACTS.map((f) => `${x}.${f}`).join(', ')}) is not distinct from (${FACTS.map((f) => `${y}.${f}`).join(', ')})`;

// Planned once per connection (a generic plan), not at every call: PL/pgSQL's plan cache kept a custom
// plan for each call, as the generic one is costed for arrays of ten ids — planning this statement cost
// 1.7 of 2.7 ms CPU of a one-assignment update (100k, issue #18). The plan is index probes by
// authority and id whatever the size of the array.
const refresh = `create or replace function statistic_refresh(p_authority integer, ids integer[])
  returns void language plpgsql set plan_cache_mode = force_generic_plan as $$
  begin
    if ids is null or cardinality(ids) = 0 then return; end if;
    with old as (
      select * from statistic_fact f where f.authority_id = p_authority and f.assignment_id = any(ids)
    ), new as (
      -- what the assignments count as now (none for a support, sub- or deleted assignment)
      select a.id as assignment_id, a.authority_id, a.agency_id, t.plan_id,
        greatest(a.opens_on, p.issued_on) as opened_on, a.current_due_on as due_on, a.done_on,
        least(a.cancelled_on, t.cancelled_on, p.cancelled_on) as cancelled_on
      from assignment a join task t on t.id = a.task_id join plan p on p.id = t.plan_id
      where a.authority_id = p_authority and a.id = any(ids)
        and a.role = 'lead' and a.parent_assignment_id is null
    ), gone as (
      select o.* from old o where not exists (select from new n where n.assignment_id = o.assignment_id and ${same('n', 'o')})
    ), came as (
      select n.* from new n where not exists (select from old o where o.assignment_id = n.assignment_id and ${same('n', 'o')})
    ), events as (
      -- the changes of the facts (sign -1: taken back, +1: added), once, at the finest grain kept
      select f.agency_id, f.plan_id,
        coalesce(date_trunc('month', f.due_on)::date, 'infinity'::date) as due_month,
        coalesce(date_trunc('month', least(f.done_on, f.cancelled_on))::date, 'infinity'::date) as end_month,
        e.day, e.key, sum(f.sign * e.n)::integer as n
      from (select -1 as sign, * from gone union all select 1 as sign, * from came) f
      cross join lateral statistic_events(f.opened_on, f.due_on, f.done_on, f.cancelled_on) e
      group by 1, 2, 3, 4, 5, 6
      having sum(f.sign * e.n) <> 0
    ), days as (
      -- for both dimensions, per day; then rolled up into months and years (a month's change is the sum
      -- of its days', a year's of its months'): fewer rows grouped than expanding every event three times
      select g.dimension, e.day, g.group_id, e.due_month, e.end_month, e.key, sum(e.n)::integer as n
      from events e
      cross join lateral (values ('agency', e.agency_id), ('plan', e.plan_id)) as g(dimension, group_id)
      group by 1, 2, 3, 4, 5, 6
      having sum(e.n) <> 0
    ), months as (
      select c.dimension, make_date(extract(year from c.day)::integer, extract(month from c.day)::integer, 1) as day,
        c.group_id, c.due_month, c.end_month, c.key, sum(c.n)::integer as n
      from days c group by 1, 2, 3, 4, 5, 6
    ), report as (
      -- at the three grains, for both dimensions
      select c.dimension, 'd' as grain, c.day, c.group_id, c.due_month, c.end_month, c.key, c.n from days c
      union all
      select c.dimension, 'm', c.day, c.group_id, c.due_month, c.end_month, c.key, c.n from months c where c.n <> 0
      union all
      select c.dimension, 'y', make_date(extract(year from c.day)::integer, 1, 1), c.group_id, c.due_month,
        c.end_month, c.key, sum(c.n)::integer
      from months c group by 1, 3, 4, 5, 6, 7 having sum(c.n) <> 0
    ), overview as (
      select c.dimension, c.grain, c.day, c.group_id, c.key, sum(c.n)::integer as n
      from report c group by 1, 2, 3, 4, 5 having sum(c.n) <> 0
    ), report_added as (
      insert into report_delta as s
        (authority_id, dimension, grain, day, group_id, due_month, end_month, ${KEYS.join(', ')})
      select p_authority, c.dimension, c.grain, c.day, c.group_id, c.due_month, c.end_month, ${KEY_SUMS}
      from report c
      group by 2, 3, 4, 5, 6, 7
      order by 2, 3, 4, 5, 6, 7
      on conflict (authority_id, dimension, grain, day, group_id, due_month, end_month) do update set ${KEY_ADDS}
    ), overview_added as (
      insert into statistic_delta as s (authority_id, dimension, grain, day, group_id, ${KEYS.join(', ')})
      select p_authority, c.dimension, c.grain, c.day, c.group_id, ${KEY_SUMS}
      from overview c
      group by 2, 3, 4, 5
      order by 2, 3, 4, 5
      on conflict (authority_id, dimension, grain, day, group_id) do update set ${KEY_ADDS}
    ), updated as (
      -- the facts replaced in place: an assignment counted before and now, differently
      update statistic_fact f set ${FACTS.map((x) => `${x} = c.${x}`).join(', ')}
      from came c
      where f.authority_id = p_authority and f.assignment_id = c.assignment_id
    ), deleted as (
      delete from statistic_fact f using gone g
      where f.authority_id = p_authority and f.assignment_id = g.assignment_id
        and not exists (select from came c where c.assignment_id = g.assignment_id)
    )
    insert into statistic_fact select c.* from came c
    where not exists (select from old o where o.assignment_id = c.assignment_id);
  end
$$`;

/*
 * The triggers' rows grouped by authority, one refresh each. An assignment moved to another authority
 * (an update of authority_id) is first taken back under its old authority, then counted under its new.
 */
const assignmentChanged = `create or replace function statistic_assignment_changed() returns trigger
  language plpgsql as $$
  declare
    r record;
  begin
    if tg_op = 'INSERT' then
      for r in select authority_id, array_agg(id) as ids from new_rows group by authority_id loop
        perform statistic_refresh(r.authority_id, r.ids);
      end loop;
    elsif tg_op = 'DELETE' then
      for r in select authority_id, array_agg(id) as ids from old_rows group by authority_id loop
        perform statistic_refresh(r.authority_id, r.ids);
      end loop;
    else
      for r in select o.authority_id, array_agg(o.id) as ids
               from new_rows n join old_rows o on o.id = n.id
               where n.authority_id is distinct from o.authority_id group by o.authority_id loop
        perform statistic_refresh(r.authority_id, r.ids);
      end loop;
      for r in select n.authority_id, array_agg(n.id) as ids
               from new_rows n join old_rows o on o.id = n.id
               where (n.agency_id, n.task_id, n.role, n.parent_assignment_id, n.opens_on, n.current_due_on,
                      n.cancelled_on, n.done_on, n.authority_id)
                  is distinct from (o.agency_id, o.task_id, o.role, o.parent_assignment_id, o.opens_on,
                      o.current_due_on, o.cancelled_on, o.done_on, o.authority_id)
               group by n.authority_id loop
        perform statistic_refresh(r.authority_id, r.ids);
      end loop;
    end if;
    return null;
  end
$$`;

const taskChanged = `create or replace function statistic_task_changed() returns trigger language plpgsql as $$
  declare
    r record;
  begin
    for r in select a.authority_id, array_agg(a.id) as ids
             from assignment a join new_rows n on n.id = a.task_id join old_rows o on o.id = n.id
             where (n.cancelled_on, n.plan_id) is distinct from (o.cancelled_on, o.plan_id)
             group by a.authority_id loop
      perform statistic_refresh(r.authority_id, r.ids);
    end loop;
    return null;
  end
$$`;

const planChanged = `create or replace function statistic_plan_changed() returns trigger language plpgsql as $$
  declare
    r record;
  begin
    for r in select a.authority_id, array_agg(a.id) as ids
             from assignment a join task t on t.id = a.task_id
               join new_rows n on n.id = t.plan_id join old_rows o on o.id = n.id
             where (n.cancelled_on, n.issued_on) is distinct from (o.cancelled_on, o.issued_on)
             group by a.authority_id loop
      perform statistic_refresh(r.authority_id, r.ids);
    end loop;
    return null;
  end
$$`;

/**
 * done_on of the assignments of `results` (authority_id, assignment_id), per authority, from their
 * accepted results that are not a periodic report (2026-11-28T0100, 2026-12-08T0100): only changed
 * values are written.
 */
const doneOnOf = (results: string) => `
      for r in select x.authority_id, array_agg(distinct x.assignment_id) as ids from (${results}) x
               group by x.authority_id loop
        update assignment a set done_on = s.done_on
          from (select x.id,
                       (select min(rs.submitted_on) from result_submission rs
                        where rs.authority_id = r.authority_id and rs.assignment_id = x.id
                          and rs.status = 'accepted' and rs.period is null) as done_on
                from unnest(r.ids) as x(id)) s
          where a.authority_id = r.authority_id and a.id = s.id and a.done_on is distinct from s.done_on;
      end loop;`;

// An update of results asks once for the assignments before and after (one update of assignment, not
// two), and only for the rows whose assignment, status, date or period changed.
const doneOnRefresh = `create or replace function assignment_done_on_refresh() returns trigger
  language plpgsql as $$
  declare
    r record;
  begin
    if tg_op = 'INSERT' then ${doneOnOf('select authority_id, assignment_id from new_rows')}
    elsif tg_op = 'DELETE' then ${doneOnOf('select authority_id, assignment_id from old_rows')}
    else ${doneOnOf(`select y.authority_id, y.assignment_id
                from old_rows o join new_rows n on n.id = o.id
                cross join lateral (values (o.authority_id, o.assignment_id), (n.authority_id, n.assignment_id))
                  as y(authority_id, assignment_id)
                where (o.authority_id, o.assignment_id, o.status, o.submitted_on, o.period)
                   is distinct from (n.authority_id, n.assignment_id, n.status, n.submitted_on, n.period)`)}
    end if;
    return null;
  end
$$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // a result's authority is its assignment's: what lets the done_on trigger name it
  await sql`create unique index assignment_authority_id on assignment (authority_id, id)`.execute(db);
  await sql`alter table result_submission drop constraint result_submission_assignment_id_fkey`.execute(db);
  // a result belongs to its assignment's authority: one written otherwise (never by this code) is put
  // right rather than failing the start on the key below
  await sql`update result_submission r set authority_id = a.authority_id from assignment a
    where a.id = r.assignment_id and r.authority_id <> a.authority_id`.execute(db);
  await sql`alter table result_submission add constraint result_submission_assignment_id_fkey
    foreign key (authority_id, assignment_id) references assignment (authority_id, id)
    on delete cascade on update cascade`.execute(db);
  await sql.raw(refresh).execute(db);
  await sql.raw(assignmentChanged).execute(db);
  await sql.raw(taskChanged).execute(db);
  await sql.raw(planChanged).execute(db);
  await sql.raw(doneOnRefresh).execute(db);
  await sql`drop function statistic_refresh(integer[])`.execute(db);
  await sql`drop function statistic_overview_refresh(integer[])`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await createRefreshFunctions(db, 'statistic_overview_refresh');
  await createReportRefresh(db);
  await createDoneOnRefresh(db, sql`and r.period is null`);
  await sql`drop function statistic_refresh(integer, integer[])`.execute(db);
  await sql`alter table result_submission drop constraint result_submission_assignment_id_fkey`.execute(db);
  await sql`alter table result_submission add constraint result_submission_assignment_id_fkey
    foreign key (assignment_id) references assignment (id) on delete cascade`.execute(db);
  await sql`drop index assignment_authority_id`.execute(db);
}
