import { type Kysely, sql } from 'kysely';

/**
 * Issue #14 §2, letters the Office can send (docs/domain-rules.md §6.1).
 *
 * A letter is a draft until the Office registers it: the number comes from the outgoing register
 * (typed, or left blank for the văn thư), so `number` and `issued_on` are empty on a draft and the
 * yearly counter goes; a registered number is unique per (authority, year, symbol). The letter keeps
 * its symbol and the facts it was drafted from (`input`), to be rendered again when registered.
 * One letter may go to several agencies (`reminder_letter_agency`, the addressees; the old
 * `agency_id` moves there). A correction notice (`kind = 'correction'`, `corrects_id`) tells an
 * agency that a reminder of an issued letter was withdrawn (`written_reminder.correction_id`).
 * Letters issued before this migration are `issued`, with the symbol of the authority's settings.
 */
const up_ = [
  `alter table reminder_letter add column kind text not null default 'reminder'
     check (kind in ('reminder', 'correction'))`,
  `alter table reminder_letter add column status text not null default 'issued'
     check (status in ('draft', 'issued'))`,
  `alter table reminder_letter add column symbol text not null default ''`,
  `alter table reminder_letter add column input jsonb`,
  `alter table reminder_letter add column corrects_id integer references reminder_letter(id) on delete cascade`,
  `update reminder_letter l set symbol = coalesce(a.settings->'letters'->>'symbol', 'UBND-VP')
     from authority a where a.id = l.authority_id`,
  `alter table reminder_letter alter column number drop not null`,
  `alter table reminder_letter alter column issued_on drop not null`,
  `alter table reminder_letter add constraint reminder_letter_issued_dated
     check (status = 'draft' or issued_on is not null)`,
  `alter table reminder_letter drop constraint reminder_letter_authority_id_year_number_key`,
  `alter table reminder_letter drop constraint reminder_letter_authority_id_agency_id_sweep_day_key`,
  `create unique index reminder_letter_register on reminder_letter (authority_id, year, symbol, number)
     where number is not null`,
  `create table reminder_letter_agency (
    letter_id integer not null references reminder_letter(id) on delete cascade,
    agency_id integer not null references agency(id) on delete cascade,
    primary key (letter_id, agency_id)
  )`,
  `create index reminder_letter_agency_agency on reminder_letter_agency (agency_id)`,
  `insert into reminder_letter_agency (letter_id, agency_id) select id, agency_id from reminder_letter`,
  `alter table reminder_letter drop column agency_id`,
  `drop table letter_counter`,
  `alter table written_reminder add column correction_id integer references reminder_letter(id) on delete set null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_) await sql.raw(statement).execute(db);
}

/** Back to one numbered letter per agency: drafts, corrections and letters to several agencies are dropped. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'alter table written_reminder drop column correction_id',
    `delete from reminder_letter where status = 'draft' or kind = 'correction'
       or id in (select letter_id from reminder_letter_agency group by letter_id having count(*) > 1)`,
    'alter table reminder_letter add column agency_id integer references agency(id) on delete cascade',
    'update reminder_letter l set agency_id = r.agency_id from reminder_letter_agency r where r.letter_id = l.id',
    'delete from reminder_letter where agency_id is null or number is null',
    'alter table reminder_letter alter column agency_id set not null',
    'drop table reminder_letter_agency',
    'drop index reminder_letter_register',
    'alter table reminder_letter drop constraint reminder_letter_issued_dated',
    'alter table reminder_letter alter column number set not null',
    'alter table reminder_letter alter column issued_on set not null',
    'alter table reminder_letter add unique (authority_id, year, number)',
    'alter table reminder_letter add unique (authority_id, agency_id, sweep_day)',
    `alter table reminder_letter drop column corrects_id, drop column input, drop column symbol,
       drop column status, drop column kind`,
    `create table letter_counter (
      authority_id integer not null references authority(id) on delete cascade,
      year integer not null,
      last_number integer not null check (last_number > 0),
      primary key (authority_id, year)
    )`,
    `insert into letter_counter (authority_id, year, last_number)
       select authority_id, year, max(number) from reminder_letter group by authority_id, year`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
