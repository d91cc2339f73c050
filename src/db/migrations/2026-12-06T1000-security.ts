import { type Kysely, sql } from 'kysely';

/**
 * Issue #16: sign-in throttled per (typed name, client address) instead of a lock on the account
 * that anyone could trigger; request limits shared by every server (the @fastify/rate-limit store);
 * sessions that end after a while without use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table login_throttle (
    name_key text not null,
    address text not null,
    failures integer not null,
    blocked_until timestamptz,
    updated_at timestamptz not null default now(),
    primary key (name_key, address)
  )`.execute(db);
  await sql`create table rate_limit_hit (
    key text primary key,
    hits integer not null,
    reset_at timestamptz not null
  )`.execute(db);
  await sql`alter table user_session add column last_seen_at timestamptz not null default now()`.execute(db);
  // the account-wide lock and its counter are replaced by login_throttle: nothing reads them any more
  await sql`alter table app_user drop column failed_logins, drop column locked_until`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column failed_logins integer not null default 0, add column locked_until timestamptz`.execute(
    db,
  );
  await sql`alter table user_session drop column if exists last_seen_at`.execute(db);
  await sql`drop table if exists rate_limit_hit`.execute(db);
  await sql`drop table if exists login_throttle`.execute(db);
}
