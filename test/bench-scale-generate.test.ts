import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { prng } from '../bench/generate.ts';
import {
  GROUP_COMMUNES,
  GROUP_PROVINCE,
  generateScaleData,
  planInput,
  SCALE_AS_OF,
} from '../bench/scale/generate.ts';
import { describeOnFastestDatabase } from './support/databases.ts';

/** A smoke run of the scale benchmark's generator (issue #9); the benchmark itself is `npm run bench:scale`. */
describeOnFastestDatabase('bench/scale generator', (t) => {
  it('is deterministic from its seed', () => {
    const a = planInput(prng(9), '1/KH-UBND', '2021-01-04');
    const b = planInput(prng(9), '1/KH-UBND', '2021-01-04');
    const c = planInput(prng(10), '1/KH-UBND', '2021-01-04');
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.tasks).toHaveLength(50);
  });

  it('registers plans through createPlan: group cells and recurring deadlines expand, results stay within their dates', async () => {
    const data = await generateScaleData(t.db, { assignments: 2_000, seed: 9 });
    const total = data.leadAssignments + data.supportAssignments;
    expect(total).toBeGreaterThanOrEqual(2_000);
    expect(total).toBeLessThan(2_000 + 50 * 104 * 12);
    expect(data.unresolvedCells).toBe(0);
    expect(data.agencies).toBe(130);

    // per task and occurrence: the provincial group gives its 26 members (those named as support in
    // the same row support instead of leading), the communes' group 104 lead assignments
    const perCell = await sql<{ lead_text: string; all: number; lead: number }>`
      select k.lead_text, count(*)::int as all, (count(*) filter (where a.role = 'lead'))::int as lead
      from assignment a join task k on k.id = a.task_id
      where k.lead_text in (${GROUP_PROVINCE}, ${GROUP_COMMUNES}) and a.parent_assignment_id is null
      group by k.lead_text, a.task_id, a.occurrence`.execute(t.db);
    expect(perCell.rows.length).toBeGreaterThan(0);
    for (const row of perCell.rows) {
      if (row.lead_text === GROUP_PROVINCE) expect(row.all).toBe(26);
      else expect(row.lead).toBe(104);
    }

    // STP's units (issue #18): every sub-assignment under one of STP's own, to one of its 3 units
    expect(data.subAssignments).toBeGreaterThan(0);
    const subs = await sql<{ n: number; wrong: number }>`select count(*)::int as n,
        (count(*) filter (where u.parent_id <> p.agency_id or u.kind <> 'unit' or g.code <> 'STP'))::int as wrong
      from assignment c join agency u on u.id = c.agency_id join assignment p on p.id = c.parent_assignment_id
      join agency g on g.id = p.agency_id`.execute(t.db);
    expect(subs.rows[0]).toEqual({ n: data.subAssignments, wrong: 0 });

    const recurring = await t.db
      .selectFrom('assignment as a')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .where('k.deadline_kind', '=', 'recurring')
      .select((eb) => eb.fn.max('a.occurrence').as('most'))
      .executeTakeFirstOrThrow();
    expect(Number(recurring.most)).toBeGreaterThan(1);

    const wrong = await sql<{ n: number }>`select count(*)::int as n from result_submission r
      join assignment a on a.id = r.assignment_id
      where r.submitted_on > ${SCALE_AS_OF}::date or r.submitted_on < a.opens_on`.execute(t.db);
    expect(wrong.rows[0]?.n).toBe(0);
    const results = await t.db
      .selectFrom('result_submission')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(results.n)).toBe(data.results);
    expect(data.results).toBeGreaterThan(0);
    expect(data.extensions).toBeGreaterThan(0);
  });
});
