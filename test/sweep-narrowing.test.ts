import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { DB } from '../src/db/schema.ts';
import { addDays, type LocalDate, maxDate } from '../src/domain/dates.ts';
import { writtenReminderAsOf } from '../src/domain/reminders.ts';
import { isWorkingDay, previousWorkingDay } from '../src/domain/working-days.ts';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import {
  type NotificationDraft,
  planDigests,
  planEscalations,
  planNotices,
  planOverdueLists,
  type SweepFact,
} from '../src/modules/followup/notices.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { loadRecipients } from '../src/modules/followup/sweep-facts.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from '../src/modules/status/status.repo.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { sweepContext } from './support/followup.ts';
import { serverZoneUtc, sharedFollowupDemo } from './support/sweep-suite.ts';

serverZoneUtc();

const YEAR = 300_000; // ms
const PLAN = '87/KH-UBND';

/**
 * The sweep reads only the assignments a day can act on (those the rule can still remind, and the
 * open ones the notices, digests, escalations and overdue lists name), and a catch-up reads its
 * candidates once. These tests hold it to the full rule, computed here from every lead assignment's
 * facts (listAssignmentFacts, the status query) as the sweep used to: same reminders on the same
 * days, same letters, same notifications, whatever the results, cancellations and their timing.
 */

type Fact = AssignmentFactsRow;

/** Records an assignment as withdrawn on `day` (or corrects the date of its withdrawal). */
const cancelAssignment = (db: Kysely<DB>, assignmentId: number, day: LocalDate) =>
  db.updateTable('assignment').set({ cancelled_on: day }).where('id', '=', assignmentId).execute();

const leadFacts = (db: Kysely<DB>, authorityId: number, openedBy?: LocalDate) =>
  listAssignmentFacts(db, authorityId, { role: 'lead', ...(openedBy ? { openedBy } : {}) });

const sweepFact = (f: Fact): SweepFact => ({
  assignmentId: f.id,
  agencyId: f.agency_id,
  agencyName: f.agency_name,
  planNumber: f.plan_number,
  taskRef: f.task_ref,
  content: '',
  dueOn: f.due_on,
  doneOn: f.done_on ?? null,
  cancelledOn: f.cancelled_on,
});

/** The reminders the full rule gives as of `day` (every lead assignment read). */
const ruleReminders = (facts: Fact[], day: LocalDate) =>
  facts.filter((f) =>
    writtenReminderAsOf(
      { role: 'lead', dueOn: f.due_on, doneOn: f.done_on ?? null, cancelledOn: f.cancelled_on },
      day,
    ),
  );

const result = (f: Fact, submittedOn: LocalDate, accept: boolean) => ({
  plan: PLAN,
  task: f.task_ref,
  agency: f.agency_code,
  submittedOn,
  accept,
});

async function activeReminders(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('written_reminder as w')
    // the Office's own reminders go in no letter (docs/domain-rules.md §6.1)
    .innerJoin('agency as g', 'g.id', 'w.agency_id')
    .leftJoin('reminder_letter as l', 'l.id', 'w.letter_id')
    .select(['w.assignment_id', 'w.due_on', 'w.reminded_on', 'l.sweep_day', 'w.withdrawn_at', 'g.code'])
    .orderBy('w.assignment_id')
    .execute();
  return rows;
}

describeOnFastestDatabase('the narrowed sweep against the full rule', (t) => {
  const demo = sharedFollowupDemo(t);

  it(
    'catch-up with results and cancellations known before the first sweep: late result, cancelled after the deadline still reminded; on time, cancelled by the deadline never',
    async () => {
      const id = demo();
      const facts = (await leadFacts(t.db, id)).filter((f) => f.due_on !== null);
      const byDue = (due: LocalDate) => facts.filter((f) => f.due_on === due);
      // the 33 deadlines of 20/01 (I.3–I.8) and the 29 of 31/01 (I.2)
      const [late, onTime, cancelledAfter, cancelledOnDue, pending, , raced] = byDue('2021-01-20') as Fact[];
      const [taskCancelledAfter] = byDue('2021-01-31') as Fact[];
      expect(raced).toBeDefined();
      // received 23/01 (late), before the first sweep ever runs
      await submitResult(systemContextFor(t.db, id), result(late as Fact, '2021-01-23', true));
      await submitResult(systemContextFor(t.db, id), result(onTime as Fact, '2021-01-20', true));
      await submitResult(systemContextFor(t.db, id), result(pending as Fact, '2021-01-19', false)); // not accepted: counts nothing
      const { resultId: racedResult } = await submitResult(
        systemContextFor(t.db, id),
        result(raced as Fact, '2021-01-20', false),
      );
      await cancelAssignment(t.db, (cancelledAfter as Fact).id, '2021-01-25');
      await cancelAssignment(t.db, (cancelledOnDue as Fact).id, '2021-01-20');
      // the whole task I.2 withdrawn on 05/02, after its 31/01 deadline: its 29 reminders stand
      await sql`update task set cancelled_on = '2021-02-05' where id = (select task_id from assignment
        where id = ${(taskCancelledAfter as Fact).id})`.execute(t.db);

      // first catch-up to 31/03; then the on-time receipt of `raced` is accepted without the accept
      // path's withdrawal (as when it commits while a sweep records), and the catch-up goes on
      const first = await sweepUpTo(sweepContext(t.db, id), '2021-03-31');
      const raceDay = await t.db
        .selectFrom('written_reminder')
        .select('reminded_on')
        .where('assignment_id', '=', (raced as Fact).id)
        .executeTakeFirst();
      expect(raceDay?.reminded_on).toBe('2021-01-21');
      await t.db
        .updateTable('result_submission')
        .set({ status: 'accepted', decided_on: '2021-04-01', decided_by: 'test' })
        .where('id', '=', racedResult)
        .execute();
      const second = await sweepUpTo(sweepContext(t.db, id), '2021-12-31');

      const now = await leadFacts(t.db, id);
      const rule = ruleReminders(now, '2021-12-31');
      const recorded = await activeReminders(t.db);
      const active = recorded.filter((r) => r.withdrawn_at === null);
      expect(active.map((r) => r.assignment_id)).toEqual(rule.map((f) => f.id).sort((a, b) => a - b));
      // each recorded on the day it became due (the day after the deadline; the plan is dated 13/01)
      for (const r of recorded) {
        expect(r.reminded_on).toBe(addDays(r.due_on, 1));
        expect(r.sweep_day).toBe(r.code === 'VP' ? null : maxDate(r.reminded_on, '2021-01-13'));
      }
      const has = (f: Fact | undefined) => active.some((r) => r.assignment_id === f?.id);
      expect(has(late)).toBe(true);
      expect(has(cancelledAfter)).toBe(true);
      expect(has(pending)).toBe(true);
      expect(byDue('2021-01-31').every(has)).toBe(true);
      expect(has(onTime)).toBe(false);
      expect(has(cancelledOnDue)).toBe(false);
      expect(recorded.some((r) => r.assignment_id === onTime?.id)).toBe(false);
      // the raced one: recorded, then withdrawn by the safety net of the catch-up's last days
      expect(recorded.find((r) => r.assignment_id === raced?.id)?.withdrawn_at).toBeInstanceOf(Date);
      expect(first.reminders + second.reminders).toBe(recorded.length);
      expect(recorded.length).toBe(111 - 2); // on time, and cancelled by its deadline
    },
    YEAR,
  );

  it(
    'a year day by day with results, cancellations and late acceptances along the way: each day records and notifies exactly what the full rule gives',
    async () => {
      const id = demo();
      const facts = (await leadFacts(t.db, id)).filter((f) => f.due_on !== null);
      // what happens on which day, before that day's sweep
      const events = new Map<LocalDate, (() => Promise<unknown>)[]>();
      const on = (day: LocalDate, action: () => Promise<unknown>) =>
        events.set(day, [...(events.get(day) ?? []), action]);
      const pendingResults: { fact: Fact; resultId: number }[] = [];
      facts.forEach((f, i) => {
        const due = f.due_on as LocalDate;
        switch (i % 11) {
          case 0: {
            // done two days early, yet not before the plan's date (13/01): no receipt can precede it
            const early = maxDate(addDays(due, -2), '2021-01-13');
            on(early, () => submitResult(systemContextFor(t.db, id), result(f, early, true)));
            break;
          }
          case 1: // late by a week: the reminder stands, it leaves the digests
            on(addDays(due, 7), () =>
              submitResult(systemContextFor(t.db, id), result(f, addDays(due, 7), true)),
            );
            break;
          case 2: // received on its due date, accepted 4 days later without the accept path's withdrawal
            on(due, async () => {
              const r = await submitResult(systemContextFor(t.db, id), result(f, due, false));
              pendingResults.push({ fact: f, resultId: r.resultId });
            });
            on(addDays(due, 4), () =>
              t.db
                .updateTable('result_submission')
                .set({ status: 'accepted', decided_on: addDays(due, 4), decided_by: 'test' })
                .where('id', '=', pendingResults.find((p) => p.fact.id === f.id)?.resultId ?? -1)
                .execute(),
            );
            break;
          case 3: // withdrawn 3 days before its deadline: no reminder, no more notices
            on(addDays(due, -3), () => cancelAssignment(t.db, f.id, addDays(due, -3)));
            break;
          case 4: // withdrawn 3 days after it: reminded, out of the digests from then on
            on(addDays(due, 3), () => cancelAssignment(t.db, f.id, addDays(due, 3)));
            break;
          case 5: // a receipt dated on the deadline, entered 10 days later and accepted at once
            on(addDays(due, 10), () => submitResult(systemContextFor(t.db, id), result(f, due, true)));
            break;
          case 6: // received the day after its deadline, accepted before that day's sweep: done late, reminded
            on(addDays(due, 1), () =>
              submitResult(systemContextFor(t.db, id), result(f, addDays(due, 1), true)),
            );
            break;
          case 7: // withdrawn before its deadline; 5 days after it the withdrawal is corrected to the
            // day after the deadline: closed, yet reminded from then on (read although not open)
            on(addDays(due, -3), () => cancelAssignment(t.db, f.id, addDays(due, -3)));
            on(addDays(due, 5), () => cancelAssignment(t.db, f.id, addDays(due, 1)));
            break;
          default: // nothing: overdue all year, escalated, on every digest and list
            break;
        }
      });

      const recipients = await loadRecipients(t.db, id);
      const calendar = await loadWorkingCalendar(t.db, id);
      const maxId = async (table: 'written_reminder' | 'notification') =>
        Number(
          (
            await t.db
              .selectFrom(table)
              .select((eb) => eb.fn.max('id').as('id'))
              .executeTakeFirst()
          )?.id ?? 0,
        );
      let reminderId = 0;
      let notificationId = 0;
      let checkedDays = 0;
      for (let day: LocalDate = '2021-01-01'; day <= '2021-07-31'; day = addDays(day, 1)) {
        for (const action of events.get(day) ?? []) await action();
        // the full rule, as the sweep computed it from every lead assignment existing on the day
        const full = await leadFacts(t.db, id, day);
        const reminded = new Set(
          (await t.db.selectFrom('written_reminder').select('assignment_id').execute()).map(
            (r) => r.assignment_id,
          ),
        );
        const dueIds = ruleReminders(full, day)
          .filter((f) => !reminded.has(f.id))
          .map((f) => f.id);
        const swept = full.map(sweepFact);
        const escalated = new Set(
          (
            await t.db
              .selectFrom('notification')
              .select('business_key')
              .where('kind', '=', 'escalation')
              .execute()
          ).map((n) => n.business_key),
        );
        // nothing is sent on a day off; the next working day covers it (docs/domain-rules.md §11)
        const expected: NotificationDraft[] = isWorkingDay(calendar, day)
          ? [
              ...planNotices(day, swept, recipients, [7, 3, 1, 0], calendar),
              ...planDigests(day, swept, recipients, previousWorkingDay(calendar, day)),
              ...planEscalations(day, swept, recipients, 30).filter((n) => !escalated.has(n.businessKey)),
              ...planOverdueLists(day, swept, recipients, 30),
            ]
          : [];

        await sweepUpTo(sweepContext(t.db, id), day);

        const newReminders = await t.db
          .selectFrom('written_reminder')
          .select('assignment_id')
          .where('id', '>', reminderId)
          .orderBy('id')
          .execute();
        expect(
          newReminders.map((r) => r.assignment_id),
          day,
        ).toEqual(dueIds);
        const created = await t.db
          .selectFrom('notification')
          .select(['business_key', 'title', 'body', 'kind'])
          .where('id', '>', notificationId)
          .where('kind', '<>', 'reminder')
          .orderBy('id')
          .execute();
        const shape = (n: { businessKey: string; title: string; body: string; kind: string }) =>
          `${n.businessKey} | ${n.title}${n.kind === 'digest' || n.kind === 'overdue_list' ? ` | ${n.body}` : ''}`;
        expect(
          created.map((n) => shape({ ...n, businessKey: n.business_key })),
          day,
        ).toEqual(expected.map(shape));
        reminderId = await maxId('written_reminder');
        notificationId = await maxId('notification');
        if (created.length > 0 || newReminders.length > 0) checkedDays++;
      }
      expect(checkedDays).toBeGreaterThan(130); // the working days, and the days off that record reminders
      // every case happened: on-time and late results, the two cancellations, the withdrawals
      const rows = await activeReminders(t.db);
      const withdrawn = rows.filter((r) => r.withdrawn_at !== null).map((r) => r.assignment_id);
      const caseOf = (i: number) => facts.filter((_, j) => j % 11 === i).map((f) => f.id);
      expect(withdrawn.sort((a, b) => a - b)).toEqual([...caseOf(2), ...caseOf(5)].sort((a, b) => a - b));
      for (const i of [0, 3]) expect(rows.filter((r) => caseOf(i).includes(r.assignment_id))).toEqual([]);
      for (const i of [1, 4, 6, 7, 8])
        expect(rows.filter((r) => caseOf(i).includes(r.assignment_id))).toHaveLength(caseOf(i).length);
    },
    YEAR,
  );
});
