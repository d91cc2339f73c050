import { type Kysely, sql } from 'kysely';

/**
 * The audit log is append-only: a trigger refuses UPDATE and DELETE of its rows. The one exception
 * is deleting a whole demo authority (`dondoc demo --reset`), which sets `dondoc.audit_purge` for
 * its own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('dondoc.audit_purge', true) = 'on' then
        return old;
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
