import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { prng } from '../bench/generate.ts';
import type { DB } from '../src/db/schema.ts';
import { addDays, type LocalDate } from '../src/domain/dates.ts';
import { recomputeDueDates, saveDueShift } from '../src/modules/calendar/calendar.repo.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import {
  countFromDeltas,
  countReportFromDeltas,
  countStatistics,
  listOverdueOrRemindedFacts,
} from '../src/modules/statistics/statistics.repo.ts';
import { inScope, type Period, statKeysOf } from '../src/modules/statistics/statistics.rules.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from '../src/modules/status/status.repo.ts';
import { describeEachDatabase } from './support/databases.ts';

/**
 * The counts the writes keep (`statistic_delta`, migration 2026-12-08T0600) against their definition,
 * the full aggregate `countStatistics` (itself checked against statKeysOf by statistics-sql.test.ts):
 * over a random history of the writes the app makes — results submitted, accepted, returned and
 * withdrawn, extensions, cancellations of assignments, tasks and plans, reorganisation transfers,
 * new occurrences, sub-assignments, due-shift recomputes, deletions, a rolled-back write — the two
 * give the same figures, by agency and by plan, for every agency and for an agency's scope, as of
 * dates around every boundary the counts sum over (year, month, day). The same for a report's
 * counts (`report_delta`, migration 2026-12-09T0100): periods of whole months in force, against the
 * full aggregate with `scope: 'in_force'`, the open assignments due after the period counted from the
 * facts rows, and the rows its two lists read against every facts row the rules put on them.
 */
describeEachDatabase('overview counts kept by the writes equal the full aggregate', (t) => {
  it('over a random history, as of any date, by agency and by plan, and for the periods of a report', async () => {
    const { authorityId } = await loadDemo(t.db);
    const random = prng(18);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const day = (from: LocalDate, span: number) => addDays(from, Math.floor(random() * span));
    const ids = async (table: 'assignment' | 'task' | 'plan' | 'result_submission' | 'agency') =>
      (await t.db.selectFrom(table).select('id').where('authority_id', '=', authorityId).execute()).map(
        (r) => r.id,
      );
    const agencies = (await ids('agency')).slice(0, 12);

    const writes: ((db: Kysely<DB>) => Promise<unknown>)[] = [
      // a result, pending, accepted or returned, dated around its deadline (one accepted at most)
      async (db) =>
        sql`insert into result_submission (authority_id, assignment_id, submitted_on, status)
          select ${authorityId}::integer, a.id, ${day('2021-01-10', 400)}::date, v.status
          from assignment a, (values (${pick(['accepted', 'accepted', 'pending', 'returned'])}::text)) v(status)
          where a.id = ${pick(await ids('assignment'))}::integer and (v.status <> 'accepted' or not exists
            (select 1 from result_submission r where r.assignment_id = a.id and r.status = 'accepted'))`.execute(
          db,
        ),
      // accepted, returned, or withdrawn
      async (db) =>
        sql`update result_submission s set status = ${pick(['accepted', 'returned'])}::text
          where s.id = ${pick(await ids('result_submission'))}::integer and not exists (select 1 from result_submission r
            where r.assignment_id = s.assignment_id and r.status = 'accepted' and r.id <> s.id)`.execute(db),
      async (db) =>
        sql`delete from result_submission where id = ${pick(await ids('result_submission'))}`.execute(db),
      // an extension (or a due date taken away: an ongoing task)
      async (db) =>
        sql`update assignment set current_due_on = ${random() < 0.15 ? null : day('2021-01-05', 500)}::date
          where id = ${pick(await ids('assignment'))}`.execute(db),
      // cancelled (or restored): an assignment, a task, a plan
      async (db) =>
        sql`update assignment set cancelled_on = ${random() < 0.3 ? null : day('2021-01-13', 400)}::date
          where id = ${pick(await ids('assignment'))}`.execute(db),
      async (db) =>
        sql`update task set cancelled_on = ${random() < 0.4 ? null : day('2021-01-13', 400)}::date
          where id = ${pick(await ids('task'))}`.execute(db),
      async (db) =>
        sql`update plan set cancelled_on = ${random() < 0.6 ? null : day('2021-03-01', 300)}::date,
          issued_on = issued_on + ${Math.floor(random() * 5) - 2}::integer
          where id = ${pick(await ids('plan'))}`.execute(db),
      // a reorganisation transfer: the work moved to another agency from a date, the old row withdrawn
      async (db) => {
        const id = pick(await ids('assignment'));
        const to = pick(agencies);
        const on = day('2021-02-01', 300);
        await sql`insert into assignment (authority_id, task_id, agency_id, role, occurrence, opens_on,
            original_due_on, current_due_on, done_on)
          select authority_id, task_id, ${to}::integer, role, occurrence, greatest(opens_on, ${on}::date),
            original_due_on, current_due_on, done_on
          from assignment a where id = ${id} and not exists (select 1 from assignment b
            where b.task_id = a.task_id and b.agency_id = ${to}::integer and b.role = a.role and b.occurrence = a.occurrence)`.execute(
          db,
        );
        await sql`update assignment set cancelled_on = ${on}::date where id = ${id}`.execute(db);
      },
      // a new occurrence of a task, opened later
      async (db) =>
        sql`insert into assignment (authority_id, task_id, agency_id, role, occurrence, opens_on, original_due_on, current_due_on)
          select authority_id, task_id, agency_id, role, occurrence + 100 + ${Math.floor(random() * 1000)}::integer,
            ${day('2021-01-01', 400)}::date, ${day('2021-02-01', 400)}::date, ${day('2021-02-01', 400)}::date
          from assignment where id = ${pick(await ids('assignment'))} on conflict do nothing`.execute(db),
      // a sub-assignment to a unit (never counted), and a support role turned lead and back
      async (db) =>
        sql`insert into assignment (authority_id, task_id, agency_id, role, occurrence, opens_on, original_due_on,
            current_due_on, parent_assignment_id)
          select authority_id, task_id, ${pick(agencies)}::integer, 'lead', occurrence + 5000, opens_on, current_due_on,
            current_due_on, id
          from assignment where id = ${pick(await ids('assignment'))} on conflict do nothing`.execute(db),
      async (db) =>
        sql`update assignment set role = case role when 'lead' then 'support' else 'lead' end
          where id = ${pick(await ids('assignment'))}
            and not exists (select 1 from assignment b where b.task_id = assignment.task_id
              and b.agency_id = assignment.agency_id and b.occurrence = assignment.occurrence
              and b.role <> assignment.role)`.execute(db),
      async (db) =>
        sql`update assignment set opens_on = ${day('2020-12-20', 300)}::date where id = ${pick(await ids('assignment'))}`.execute(
          db,
        ),
      async (db) => sql`delete from assignment where id = ${pick(await ids('assignment'))}`.execute(db),
      // many rows in one statement: a bulk result load
      async (db) =>
        sql`insert into result_submission (authority_id, assignment_id, submitted_on, status)
          select authority_id, id, coalesce(current_due_on, date '2021-03-01') + (id % 29) - 10, 'accepted'
          from assignment a where id % ${7 + Math.floor(random() * 20)}::integer = 0 and not exists
            (select 1 from result_submission r where r.assignment_id = a.id and r.status = 'accepted')`.execute(
          db,
        ),
      // the due-shift setting switched and every due date recomputed (docs/domain-rules.md §4a)
      (db) =>
        db.transaction().execute(async (trx) => {
          await saveDueShift(trx, authorityId, pick(['keep', 'next_working_day'] as const));
          await recomputeDueDates(trx, authorityId);
        }),
      // a write rolled back leaves the counts as they were
      (db) =>
        db
          .transaction()
          .execute(async (trx) => {
            await sql`update assignment set cancelled_on = date '2021-01-15'`.execute(trx);
            throw new Error('rolled back');
          })
          .catch(() => undefined),
    ];

    const asOfs = (): LocalDate[] => [
      '2021-01-01',
      '2021-12-31',
      '2022-01-01',
      '2021-03-01',
      day('2020-12-25', 560),
      day('2021-01-10', 120),
    ];
    const scope = agencies.slice(2, 6);
    let compared = 0;
    const compare = async (db: Kysely<DB>, when: string) => {
      for (const asOf of asOfs()) {
        for (const [groupBy, agencyIds] of [
          ['agency', null],
          ['plan', null],
          ['agency', scope],
        ] as const) {
          const expected = await countStatistics(
            db,
            authorityId,
            { role: 'lead', openedBy: asOf, agencyIds },
            asOf,
            {},
            groupBy,
          );
          const kept = await countFromDeltas(db, authorityId, asOf, groupBy, agencyIds);
          expect(kept, `${when}: ${groupBy} as of ${asOf}${agencyIds ? ' (scope)' : ''}`).toEqual(expected);
          compared += expected.length;
        }
        await compareReports(db, when, asOf);
      }
    };
    // a report's periods (whole months, in force: report_delta, migration 2026-12-09T0100)
    const facts = (r: AssignmentFactsRow) => ({
      role: r.role,
      dueOn: r.due_on,
      doneOn: r.done_on ?? null,
      cancelledOn: r.cancelled_on,
      followupFrom: r.followup_from,
    });
    const compareReports = async (db: Kysely<DB>, when: string, asOf: LocalDate) => {
      const rows = await listAssignmentFacts(db, authorityId, { role: 'lead', openedBy: asOf });
      const periods = [
        { from: '2021-01-01', to: '2021-03-31' },
        { from: '2021-02-01', to: '2021-02-28' },
        { from: '2021-01-01', to: '2021-12-31' },
        pick([
          { from: '2020-12-01', to: '2021-01-31' },
          { from: '2021-03-01', to: '2021-05-31' },
          { from: '2022-01-01', to: '2022-01-31' },
        ]),
      ];
      for (const { from, to } of periods) {
        const period: Period = { from, to, scope: 'in_force' };
        const scoped = rows.filter((r) => inScope(facts(r), period));
        for (const groupBy of ['agency', 'plan'] as const) {
          const label = `${when}: report ${from} – ${to} by ${groupBy} as of ${asOf}`;
          const expected = await countStatistics(
            db,
            authorityId,
            { role: 'lead', openedBy: asOf },
            asOf,
            period,
            groupBy,
          );
          const kept = await countReportFromDeltas(db, authorityId, { from, to }, asOf, groupBy);
          expect(
            kept.map(({ notYetDue: _, ...g }) => g),
            label,
          ).toEqual(expected);
          // open on time and due after the period: "chưa đến hạn" (report-categories.ts)
          const notYetDue = new Map<number, number>();
          for (const r of scoped) {
            if (!statKeysOf(facts(r), asOf).includes('open_on_time') || (r.due_on ?? '') <= to) continue;
            const key = groupBy === 'agency' ? r.agency_id : (planIds.get(r.plan_number) as number);
            notYetDue.set(key, (notYetDue.get(key) ?? 0) + 1);
          }
          expect(
            kept.filter((g) => g.notYetDue > 0).map((g) => [g.id, g.notYetDue]),
            `${label}: not yet due`,
          ).toEqual([...notYetDue].sort((a, b) => a[0] - b[0]));
          compared += expected.length;
          notYetDueSeen += [...notYetDue.values()].reduce((n, v) => n + v, 0);
        }
        // the rows of the report's two lists: every one the rules put on them, in the facts' order
        const listed = (list: AssignmentFactsRow[]) =>
          list
            .filter((r) => statKeysOf(facts(r), asOf).some((k) => k === 'open_overdue' || k === 'reminders'))
            .map((r) => r.id);
        const read = await listOverdueOrRemindedFacts(
          db,
          authorityId,
          { role: 'lead', openedBy: asOf },
          period as Period & { from: LocalDate; to: LocalDate },
          asOf,
        );
        expect(listed(read), `${when}: report ${from} – ${to} lists as of ${asOf}`).toEqual(listed(scoped));
        listedRows += read.length;
      }
    };
    const planIds = new Map(
      (
        await t.db
          .selectFrom('plan')
          .select(['id', 'number'])
          .where('authority_id', '=', authorityId)
          .execute()
      ).map((p) => [p.number, p.id]),
    );
    let listedRows = 0;
    let notYetDueSeen = 0;

    await compare(t.db, 'after the demo load');
    for (let round = 0; round < 6; round++) {
      const done: number[] = [];
      for (let step = 0; step < 8; step++) {
        const w = Math.floor(random() * writes.length);
        done.push(w);
        await (writes[w] as (db: Kysely<DB>) => Promise<unknown>)(t.db);
      }
      await compare(t.db, `round ${round} (writes ${done.join(',')})`);
    }
    // inside the writing transaction, the counts already include its write
    await t.db.transaction().execute(async (trx) => {
      await sql`delete from result_submission where assignment_id % 3 = 0`.execute(trx);
      await sql`update assignment set cancelled_on = null where id % 4 = 0`.execute(trx);
      await compare(trx, 'inside a transaction');
    });
    expect(compared).toBeGreaterThan(500);
    expect(listedRows).toBeGreaterThan(100);
    expect(notYetDueSeen).toBeGreaterThan(0);
  });
});
