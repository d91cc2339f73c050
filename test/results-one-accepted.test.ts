import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as migration from '../src/db/migrations/2026-12-06T1200-tokens-results.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { buildReportData } from '../src/modules/reports/report-data.ts';
import { reportDocument } from '../src/modules/reports/report-text.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { buildApp } from '../src/server/app.ts';
import { leadAssignmentId, multipart, SMALL_PDF } from './matrix/results.matrix.ts';
import { auditEntries } from './support/audit.ts';
import { expectRefused, SUBMIT_STP_I3, useCliWorkspace } from './support/cli.ts';
import { submitSeedResult, systemContextFor } from './support/context.ts';
import { backendNames, describeEachDatabase } from './support/databases.ts';
import { signIn } from './support/http.ts';

/**
 * Issue #16, finding 10: `dondoc submit` recorded a result with none of the API's checks (three runs,
 * three accepted results for one single-deadline assignment) and nothing in the database stopped it.
 */
const ALREADY_ACCEPTED = 'Nhiệm vụ đã có kết quả được tiếp nhận.';
const ALREADY_PENDING = 'Nhiệm vụ đang có kết quả chờ Văn phòng xem xét.';

for (const backend of backendNames()) {
  describe(`finding 10: dondoc submit goes through the API's checks [${backend}]`, () => {
    const { cli, withDatabase } = useCliWorkspace(backend, 'submit-once', { demo: true });

    it('three runs on a single-deadline assignment: one accepted result; the 2nd and 3rd refused as the API refuses', async () => {
      const runs = [await cli(...SUBMIT_STP_I3), await cli(...SUBMIT_STP_I3), await cli(...SUBMIT_STP_I3)];
      expect(runs.map((r) => r.code)).toEqual([0, 1, 1]);
      expect(runs[0]?.out).toContain('đã tiếp nhận');
      for (const refused of runs.slice(1)) expect(refused.err).toBe(`Lỗi [CONFLICT]: ${ALREADY_ACCEPTED}`);

      await withDatabase(async (db) => {
        const { id: authorityId } = await db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
        const i3 = await leadAssignmentId(db, authorityId, 'I.3', 'STP');
        const results = await db
          .selectFrom('result_submission')
          .select(['status', 'submitted_on', 'decided_by'])
          .where('assignment_id', '=', i3)
          .execute();
        expect(results).toEqual([{ status: 'accepted', submitted_on: '2021-01-19', decided_by: 'cli' }]);
        // the API answers the same request with the same error
        const app = await buildApp({
          db,
          databaseKind: backend,
          http: { filesDir: mkdtempSync(join(tmpdir(), 'dondoc-files-')) },
        });
        try {
          const office = await signIn(app, 'vanphong');
          const reply = await office.request({
            method: 'POST',
            url: `/api/assignments/${i3}/results`,
            ...(await multipart({ documentNumber: '16/BC-STP', submittedOn: '2021-01-19' }, [
              { name: 'bao-cao.pdf', bytes: SMALL_PDF },
            ])),
          });
          expect(reply.statusCode).toBe(409);
          expect(reply.json().error).toMatchObject({ code: 'CONFLICT', message: ALREADY_ACCEPTED });
        } finally {
          await app.close();
        }
      });
    });

    it('a pending result waits alone: a second --no-accept is refused; dates outside the plan are refused', async () => {
      const pending = ['submit', '--plan', '87/KH-UBND', '--task', 'I.6', '--agency', 'SNV', '--no-accept'];
      expect((await cli(...pending, '--on', '2021-01-18')).code).toBe(0);
      const again = await cli(...pending, '--on', '2021-01-19');
      expect(again.code).toBe(1);
      expect(again.err).toBe(`Lỗi [CONFLICT]: ${ALREADY_PENDING}`);
      // before the plan was issued (13/01/2021): the API's date rule
      const early = await cli(
        'submit',
        '--plan',
        '87/KH-UBND',
        '--task',
        'I.8',
        '--agency',
        'SNV',
        '--on',
        '2021-01-02',
      );
      expectRefused(early, 'VALIDATION_FAILED');
      const counts = await withDatabase((db) =>
        db
          .selectFrom('result_submission')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('status')
          .orderBy('status')
          .execute(),
      );
      expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([
        ['accepted', 1],
        ['pending', 1],
      ]);
    });
  });
}

describeEachDatabase('finding 10: one accepted and one pending result per assignment occurrence', (t) => {
  async function insertResult(assignmentId: number, status: 'accepted' | 'pending' | 'returned') {
    const { authority_id } = await t.db
      .selectFrom('assignment')
      .select('authority_id')
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow();
    return t.db
      .insertInto('result_submission')
      .values({
        authority_id,
        assignment_id: assignmentId,
        submitted_on: '2021-01-19',
        document_number: null,
        status,
        decided_on: status === 'pending' ? null : '2021-01-20',
        decided_by: status === 'pending' ? null : 'test',
        return_reason: status === 'returned' ? 'Thiếu số liệu' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async function sqlState(write: Promise<unknown>): Promise<string | undefined> {
    try {
      await write;
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('the database refuses a second accepted result (23505), and a second pending one, written behind the services’ back', async () => {
    const { authorityId } = await loadDemo(t.db);
    const i3 = await leadAssignmentId(t.db, authorityId, 'I.3', 'STP');
    await submitSeedResult(t.db, authorityId, 'I.3', 'STP', '2021-01-19');
    // the attack as it was made, now at the level below the service: a plain INSERT
    expect(await sqlState(insertResult(i3, 'accepted'))).toBe('23505');
    // one pending beside the accepted one is possible in the table (the services refuse it), a second is not
    await insertResult(i3, 'pending');
    expect(await sqlState(insertResult(i3, 'pending'))).toBe('23505');
    // returned results do not count: as many as the Office returned
    await insertResult(i3, 'returned');
    await insertResult(i3, 'returned');
    // a recurring task: each occurrence is its own assignment row, each takes its own accepted result
    await createPlan(systemContextFor(t.db, authorityId), {
      docType: 'KH',
      number: '12/KH-UBND',
      issuedOn: '2021-01-04',
      title: 'Kế hoạch báo cáo định kỳ',
      tasks: [{ no: '1', content: 'Báo cáo CCHC quý', leadText: 'Sở Nội vụ', deadlineText: 'Hằng quý' }],
    });
    const quarterly = { plan: '12/KH-UBND', task: '1', agency: 'SNV', accept: true };
    const q1 = await submitResult(systemContextFor(t.db, authorityId), {
      ...quarterly,
      submittedOn: '2021-03-30',
    });
    const q2 = await submitResult(systemContextFor(t.db, authorityId), {
      ...quarterly,
      submittedOn: '2021-06-29',
    });
    const occurrences = await t.db
      .selectFrom('assignment')
      .select(['id', 'occurrence'])
      .where('id', 'in', [q1.assignmentId, q2.assignmentId])
      .orderBy('occurrence')
      .execute();
    expect(occurrences.map((o) => o.occurrence)).toEqual([1, 2]);
    const refused = submitResult(systemContextFor(t.db, authorityId), {
      ...quarterly,
      submittedOn: '2021-03-31',
      occurrence: 1,
    });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: ALREADY_ACCEPTED });
    expect(await sqlState(insertResult(q1.assignmentId, 'accepted'))).toBe('23505');
    const accepted = await t.db
      .selectFrom('result_submission')
      .select('assignment_id')
      .where('status', '=', 'accepted')
      .orderBy('assignment_id')
      .execute();
    expect(accepted.map((r) => r.assignment_id)).toEqual([i3, q1.assignmentId, q2.assignmentId]);
    // accepting a second result through an UPDATE is refused as well
    const { id: pendingId } = await t.db
      .selectFrom('result_submission')
      .select('id')
      .where('assignment_id', '=', i3)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(
      await sqlState(
        t.db
          .updateTable('result_submission')
          .set({ status: 'accepted' })
          .where('id', '=', pendingId)
          .execute(),
      ),
    ).toBe('23505');
  });

  it('an ongoing (Thường xuyên) task takes one accepted result per reporting period, none completes it (§5, issue #14 §4)', async () => {
    const { authorityId } = await loadDemo(t.db);
    const ctx = () => systemContextFor(t.db, authorityId, { now: new Date('2021-03-10T03:00:00Z') });
    await createPlan(ctx(), {
      docType: 'KH',
      number: '13/KH-UBND',
      issuedOn: '2021-01-04',
      title: 'Kế hoạch tuyên truyền cải cách hành chính',
      tasks: [
        {
          no: '1',
          content: 'Tuyên truyền thường xuyên',
          leadText: 'Sở Nội vụ',
          deadlineText: 'Thường xuyên',
        },
        { no: '2', content: 'Báo cáo sơ kết', leadText: 'Sở Nội vụ', deadlineText: 'Trước ngày 31/3/2021' },
      ],
    });
    const ongoing = { plan: '13/KH-UBND', task: '1', agency: 'SNV' };
    const january = await submitResult(ctx(), {
      ...ongoing,
      submittedOn: '2021-02-03',
      period: '2021-01',
      accept: true,
    });
    expect(january.status).toBe('accepted');
    const again = submitResult(ctx(), {
      ...ongoing,
      submittedOn: '2021-02-04',
      period: '2021-01',
      accept: true,
    });
    await expect(again).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Kỳ báo cáo tháng 01/2021 đã có kết quả được tiếp nhận.',
    });
    // another period is its own: pending while the Office reviews it, one at a time
    await submitResult(ctx(), { ...ongoing, submittedOn: '2021-03-01', period: '2021-02', accept: false });
    const secondPending = submitResult(ctx(), {
      ...ongoing,
      submittedOn: '2021-03-02',
      period: '2021-02',
      accept: false,
    });
    await expect(secondPending).rejects.toMatchObject({ code: 'CONFLICT' });
    // a periodic result does not complete the task: still Thường xuyên, no done date
    const row = await t.db
      .selectFrom('assignment')
      .select(['done_on', 'current_due_on'])
      .where('id', '=', january.assignmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ done_on: null, current_due_on: null });
    const periods = await t.db
      .selectFrom('result_submission')
      .select(['period', 'status'])
      .where('assignment_id', '=', january.assignmentId)
      .orderBy('period')
      .execute();
    expect(periods).toEqual([
      { period: '2021-01', status: 'accepted' },
      { period: '2021-02', status: 'pending' },
    ]);
    // the database holds the rule too: a second accepted result of January written behind the service
    const duplicate = t.db
      .insertInto('result_submission')
      .values({
        authority_id: authorityId,
        assignment_id: january.assignmentId,
        submitted_on: '2021-02-05',
        document_number: null,
        status: 'accepted',
        decided_on: '2021-02-05',
        decided_by: 'test',
        return_reason: null,
        period: '2021-01',
      })
      .execute();
    expect(await sqlState(duplicate)).toBe('23505');
    // periods only for ongoing tasks (task 2 has a due date), and only from the plan's month to the current one
    for (const refused of [{ task: '2', period: '2021-02' }, { period: '2020-12' }, { period: '2021-04' }]) {
      const submitted = submitResult(ctx(), {
        ...ongoing,
        ...refused,
        submittedOn: '2021-03-01',
        accept: true,
      });
      await expect(submitted, JSON.stringify(refused)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }

    // the report to the Chairman for Q1 as of 10/03: January reported, February pending, March not yet
    const report = await buildReportData(ctx(), { from: '2021-01-01', to: '2021-03-31', asOf: '2021-03-10' });
    const item = report.periodic.items.find((i) => i.plan === '13/KH-UBND');
    expect(item).toMatchObject({
      agency: { code: 'SNV' },
      task: { ref: '1' },
      owed: ['2021-01', '2021-02', '2021-03'],
      missing: ['2021-02', '2021-03'],
    });
    expect(report.periodic.missing).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(reportDocument(report));
    expect(text).toContain('5. Nhiệm vụ thực hiện thường xuyên');
    expect(text).toContain('Chưa báo cáo: 02/2021, 03/2021');
  });

  it('the migration settles duplicates left before it: the earliest accepted stays, the others are returned and audited', async () => {
    const { authorityId } = await loadDemo(t.db);
    const i3 = await leadAssignmentId(t.db, authorityId, 'I.3', 'STP');
    const i6 = await leadAssignmentId(t.db, authorityId, 'I.6', 'SNV');
    await migration.down(t.db as Kysely<unknown>);
    try {
      // what three runs of the old `dondoc submit` left, and two pending results of another assignment
      await sql`insert into result_submission (authority_id, assignment_id, submitted_on, status, decided_on, decided_by)
        values (${authorityId}, ${i3}, '2021-01-25', 'accepted', '2021-01-25', 'cli'),
               (${authorityId}, ${i3}, '2021-01-19', 'accepted', '2021-01-19', 'cli'),
               (${authorityId}, ${i3}, '2021-01-19', 'accepted', '2021-01-19', 'cli'),
               (${authorityId}, ${i6}, '2021-01-18', 'pending', null, null),
               (${authorityId}, ${i6}, '2021-01-19', 'pending', null, null)`.execute(t.db);
    } finally {
      await migration.up(t.db as Kysely<unknown>);
    }
    const rows = await t.db
      .selectFrom('result_submission')
      .select(['id', 'assignment_id', 'submitted_on', 'status', 'return_reason'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.assignment_id, r.submitted_on, r.status])).toEqual([
      [i3, '2021-01-25', 'returned'],
      [i3, '2021-01-19', 'accepted'],
      [i3, '2021-01-19', 'returned'],
      [i6, '2021-01-18', 'pending'],
      [i6, '2021-01-19', 'returned'],
    ]);
    expect(rows[0]?.return_reason).toContain('Kết quả trùng');
    const doneOn = await t.db
      .selectFrom('assignment')
      .select('done_on')
      .where('id', '=', i3)
      .executeTakeFirstOrThrow();
    expect(doneOn.done_on).toBe('2021-01-19');
    const audit = await auditEntries(t.db, 'result.deduplicate');
    expect(audit.map((a) => Number(a.entity_id)).sort((a, b) => a - b)).toEqual(
      rows.filter((r) => r.status === 'returned').map((r) => r.id),
    );
  });
});
