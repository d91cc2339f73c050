import { type Kysely, sql } from 'kysely';
import { KEY_ADDS, KEY_COLUMNS, KEY_SUMS, KEYS } from './2026-12-08T0600-statistic-counts.ts';

/**
 * The report's figures kept by the writes (issue #18 goal 3): `report_delta` is `statistic_delta`
 * (migration 2026-12-08T0600) with two more dimensions, the month of the assignment's due date
 * (`due_month`, 'infinity' for an ongoing one) and the month it was done or withdrawn (`end_month`:
 * the earlier of `done_on` and the withdrawal, 'infinity' while neither), so that a report for a
 * period of whole months [F, T] sums only the assignments in force in it — due in it
 * (`due_month` between F and T) or neither done nor withdrawn before it starts (`end_month` ≥ F):
 * `inForce` of statistics.rules.ts — and splits the open ones by whether they are due after T
 * ("chưa đến hạn", report-categories.ts). The as-of date is summed over the same three grains as
 * the overview (years before its year, months of its year before its month, days of its month).
 *
 * Kept in the same transaction as the write: `statistic_refresh(ids)`, which the statement-level
 * triggers of `assignment`, `task` and `plan` call with the assignments they touched, first takes
 * back what `statistic_fact` says each was counted as and adds what it counts as now here, then runs
 * the overview's refresh (renamed `statistic_overview_refresh`), which replaces the facts.
 * test/statistic-counts.test.ts checks the sums against the full aggregate over random histories.
 */
/** The new facts of the assignments `ids` (those statistic_fact will hold after the refresh). */
const factsNow = `select a.id as assignment_id, a.authority_id, a.agency_id, t.plan_id,
      greatest(a.opens_on, p.issued_on) as opened_on, a.current_due_on as due_on, a.done_on,
      least(a.cancelled_on, t.cancelled_on, p.cancelled_on) as cancelled_on
    from assignment a join task t on t.id = a.task_id join plan p on p.id = t.plan_id
    where a.id = any(ids) and a.role = 'lead' and a.parent_assignment_id is null`;

/** The changes of a set of signed facts `f` (sign -1: taken back, +1: added) added into report_delta. */
function reportDeltasOf(facts: string): string {
  return `insert into report_delta as s
      (authority_id, dimension, grain, day, group_id, due_month, end_month, ${KEYS.join(', ')})
    select c.authority_id, c.dimension, c.grain, c.day, c.group_id, c.due_month, c.end_month, ${KEY_SUMS}
    from (
      select f.authority_id, g.dimension, r.grain, r.day, g.group_id,
        coalesce(date_trunc('month', f.due_on)::date, 'infinity'::date) as due_month,
        coalesce(date_trunc('month', least(f.done_on, f.cancelled_on))::date, 'infinity'::date) as end_month,
        e.key, sum(f.sign * e.n)::integer as n
      from (${facts}) f
      cross join lateral statistic_events(f.opened_on, f.due_on, f.done_on, f.cancelled_on) e
      cross join lateral (values ('agency', f.agency_id), ('plan', f.plan_id)) as g(dimension, group_id)
      cross join lateral (values
        ('y', make_date(extract(year from e.day)::integer, 1, 1)),
        ('m', make_date(extract(year from e.day)::integer, extract(month from e.day)::integer, 1)),
        ('d', e.day)) as r(grain, day)
      group by 1, 2, 3, 4, 5, 6, 7, 8
      having sum(f.sign * e.n) <> 0
    ) c
    group by 1, 2, 3, 4, 5, 6, 7
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict (authority_id, dimension, grain, day, group_id, due_month, end_month) do update set ${KEY_ADDS}`;
}

/**
 * `statistic_refresh(ids)` as this migration made it (the report's counts, then the overview's refresh):
 * exported for the `down` of 2026-12-10T0100, which puts it back.
 */
export async function createReportRefresh(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create or replace function statistic_refresh(ids integer[]) returns void language plpgsql as $$
    begin
      if ids is null or cardinality(ids) = 0 then return; end if;
      ${reportDeltasOf(`select -1 as sign, o.* from statistic_fact o where o.assignment_id = any(ids)
        union all select 1 as sign, n.* from (${factsNow}) n`)};
      perform statistic_overview_refresh(ids);
    end
  $$`)
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const columns = sql.raw(KEY_COLUMNS);
  await sql`create table report_delta (
    authority_id integer not null,
    dimension text not null check (dimension in ('agency', 'plan')),
    grain text not null check (grain in ('y', 'm', 'd')),
    day date not null,
    group_id integer not null,
    due_month date not null,
    end_month date not null,
    ${columns},
    primary key (authority_id, dimension, grain, day, group_id, due_month, end_month)
  )`.execute(db);
  // as statistic_delta: a report's sum reads tens of thousands of rows, serially faster on 2 busy cores
  await sql`alter table report_delta set (parallel_workers = 0)`.execute(db);

  await sql`alter function statistic_refresh(integer[]) rename to statistic_overview_refresh`.execute(db);
  await createReportRefresh(db);

  // A report's two lists (open overdue, written reminders) read only lead assignments not done by their
  // due date, those not done before the period starts (statistics.repo.ts listOverdueOrRemindedFacts):
  // at 1M some 100,000 rows of 960,000, instead of a scan of every assignment
  await sql`create index assignment_late_or_open on assignment
    (authority_id, (coalesce(done_on, 'infinity'::date)), current_due_on)
    where role = 'lead' and parent_assignment_id is null and (done_on is null or done_on > current_due_on)`.execute(
    db,
  );

  // what is there already, counted once
  await sql.raw(reportDeltasOf('select 1 as sign, * from statistic_fact')).execute(db);
  await sql`analyze report_delta`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists assignment_late_or_open`.execute(db);
  await sql`drop function if exists statistic_refresh(integer[])`.execute(db);
  await sql`alter function statistic_overview_refresh(integer[]) rename to statistic_refresh`.execute(db);
  await sql`drop table if exists report_delta`.execute(db);
}
