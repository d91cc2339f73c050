import { type Kysely, sql } from 'kysely';

/**
 * Issue #16, findings 4 and 10.
 *
 * API tokens expire: `api_token.expires_at`, required from now on. A token that existed before this
 * migration gets `now() + 90 days` (not `created_at + 90 days`): an integration whose token is
 * older than that keeps working for one more default lifetime after the upgrade, time to create
 * its replacement, instead of stopping without warning on the day of the upgrade. Tokens of
 * accounts that are disabled now are revoked, so re-enabling such an account does not bring them
 * back (disabling revokes them from now on).
 *
 * One accepted and one pending result per assignment occurrence: a recurring task has one
 * assignment row per (agency, role, occurrence), so `result_submission.assignment_id` identifies the
 * occurrence, and two partial unique indexes hold the rule whatever writes results. Duplicates the
 * unchecked `dondoc submit` may have left are settled first: the earliest accepted result (by
 * receipt date, then id) stays accepted — so `assignment.done_on` does not change — and the earliest
 * pending one stays pending; the others become `returned` with the reason, each with an audit row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table api_token add column expires_at timestamptz`.execute(db);
  await sql`update api_token set expires_at = now() + interval '90 days'`.execute(db);
  await sql`alter table api_token alter column expires_at set not null`.execute(db);
  await sql`update api_token t set revoked_at = now()
    from app_user u where u.id = t.user_id and u.disabled and t.revoked_at is null`.execute(db);
  await sql`create index api_token_user on api_token (user_id, created_at)`.execute(db);

  for (const status of ['accepted', 'pending'] as const) {
    const reason =
      status === 'accepted'
        ? 'Kết quả trùng: nhiệm vụ đã có kết quả được tiếp nhận trước đó.'
        : 'Kết quả trùng: nhiệm vụ đã có kết quả khác đang chờ xem xét.';
    await sql`with ranked as (
        select id, row_number() over (partition by assignment_id order by submitted_on, id) as n
        from result_submission where status = ${status}
      ), settled as (
        update result_submission r
        set status = 'returned', return_reason = ${reason},
            decided_on = coalesce(r.decided_on, current_date), decided_by = 'system'
        from ranked where ranked.id = r.id and ranked.n > 1
        returning r.id, r.authority_id, r.assignment_id
      )
      insert into audit_log (authority_id, actor, action, entity, entity_id, data)
      select authority_id, 'system', 'result.deduplicate', 'result_submission', id::text,
             jsonb_build_object('assignmentId', assignment_id, 'was', ${status}::text,
                                'migration', '2026-12-06T1200-tokens-results')
      from settled`.execute(db);
  }
  await sql`create unique index result_submission_one_accepted on result_submission (assignment_id)
    where status = 'accepted'`.execute(db);
  await sql`create unique index result_submission_one_pending on result_submission (assignment_id)
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists result_submission_one_pending`.execute(db);
  await sql`drop index if exists result_submission_one_accepted`.execute(db);
  await sql`drop index if exists api_token_user`.execute(db);
  await sql`alter table api_token drop column if exists expires_at`.execute(db);
}
