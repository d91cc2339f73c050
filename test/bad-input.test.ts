import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { DB } from '../src/db/schema.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { AppError } from '../src/shared/errors.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { rowCounts } from './support/lookups.ts';

/** The tables a refused input must leave as they were. */
const counts = (db: Kysely<DB>) =>
  rowCounts(db, ['plan', 'task', 'assignment', 'result_submission', 'audit_log', 'agency']);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(/[À-ỹ]/); // a Vietnamese message for the user
}

describeOnFastestDatabase('bad input is refused and writes nothing', (t) => {
  const submit = { plan: '87/KH-UBND', task: 'I.3', agency: 'STP', submittedOn: '2021-01-19', accept: true };

  it.each([
    [{ agency: 'Công an tỉnh' }, 'AGENCY_NOT_FOUND'],
    [{ task: 'I.99' }, 'TASK_NOT_FOUND'],
    [{ plan: '999/KH-UBND' }, 'PLAN_NOT_FOUND'],
    [{ task: 'I.5' }, 'ASSIGNMENT_NOT_FOUND'], // I.5: Sở Tài chính leads, VP coordinates; STP has no part
  ])('submit %o → %s', async (override, code) => {
    await loadDemo(t.db);
    const before = await counts(t.db);
    await expectAppError(submitResult(systemContextFor(t.db, 1), { ...submit, ...override }), code);
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses a second demo without --reset and reloads cleanly with it', async () => {
    await loadDemo(t.db);
    await submitResult(systemContextFor(t.db, 1), submit);
    const before = await counts(t.db);
    await expectAppError(loadDemo(t.db), 'DEMO_ALREADY_LOADED');
    expect(await counts(t.db)).toEqual(before);
    await loadDemo(t.db, { reset: true });
    const after = await counts(t.db);
    expect(after.result_submission).toBe(0);
    expect(after.task).toBe(29);
    const status = await getStatus(systemContextFor(t.db, 2), { asOf: '2021-02-15' });
    expect(status.totals.open_overdue).toBe(68);
  });

  it('refuses a duplicate plan number, whatever its case', async () => {
    await loadDemo(t.db);
    const before = await counts(t.db);
    await expectAppError(
      createPlan(systemContextFor(t.db, 1), {
        docType: 'KH',
        number: '87/kh-ubnd',
        issuedOn: '2021-02-01',
        title: 'Trùng số',
        tasks: [{ no: '1', content: 'Việc', leadText: 'Sở Tư pháp', deadlineText: 'Trước ngày 20/2/2021' }],
      }),
      'PLAN_EXISTS',
    );
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses a plan with an impossible date or an unreadable deadline, listing the rows', async () => {
    await loadDemo(t.db);
    const before = await counts(t.db);
    const base = { docType: 'KH', number: '1/KH-UBND', title: 'Thử', tasks: [] as never[] };
    await expectAppError(
      createPlan(systemContextFor(t.db, 1), {
        ...base,
        issuedOn: '2021-02-30',
        tasks: [{ no: '1', content: 'x' }],
      }),
      'VALIDATION_FAILED',
    );
    const error = await createPlan(systemContextFor(t.db, 1), {
      ...base,
      issuedOn: '2021-02-01',
      tasks: [
        { no: '1', content: 'Việc một', leadText: 'Sở Tư pháp', deadlineText: 'Trước ngày 31/2/2021' },
        { no: '2', content: 'Việc hai', leadText: 'Sở Nội vụ', deadlineText: 'Trước ngày 20/2/2021' },
      ],
    }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.problems).toEqual([expect.objectContaining({ task: '1' })]);
    expect(await counts(t.db)).toEqual(before);
  });
});
