import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §1: each authority's working calendar (docs/domain-rules.md §4a). One row per day that is
 * not as its weekday says: a day off (`day_off`: a holiday, a compensatory or swapped day off; weekend
 * days inside a holiday may be listed too, named for it) or a weekend day worked (`working_day`).
 * `source` tells dondoc's shipped data (2020–2030) from the Office's own entries. The shipped days
 * are loaded into an authority's calendar by the application on first use (migrations do not import
 * application code); `authority.settings.calendarShipped` records that they were, so a shipped day
 * the Office removes stays removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table calendar_day (
    authority_id integer not null references authority(id) on delete cascade,
    date date not null,
    kind text not null check (kind in ('day_off', 'working_day')),
    name text not null,
    source text not null check (source in ('shipped', 'office')),
    primary key (authority_id, date)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists calendar_day`.execute(db);
}
