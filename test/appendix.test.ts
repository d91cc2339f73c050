/**
 * The plan's appendix exported to .xlsx (GET /api/plans/:id/appendix.xlsx) imports back through the
 * importer into the same tasks: for the seed plan and for a 160-row fixture imported first.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { planInputOf, previewPlanImport } from '../src/modules/import/import.service.ts';
import type { ImportPreview } from '../src/modules/import/import-preview.ts';
import { readPlanFile } from '../src/modules/import/read-plan-file.ts';
import { createPlan } from '../src/modules/plans/plans.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/import');
const SEED_TXT = join(import.meta.dirname, '../src/modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt');

/** What a task is, as the importer understands it: section, STT, content, agencies, deadline, note. */
function tasksOf(preview: ImportPreview) {
  return preview.tasks.map((t) => ({
    section: t.section,
    no: t.no,
    content: t.content,
    lead: t.lead,
    support: t.support,
    deadlineText: t.deadlineText,
    dueOn: t.dueOn,
    recurrence: t.recurrence,
    note: t.note,
  }));
}

describeOnFastestDatabase('plan appendix export and re-import (round trip)', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-02-15T09:00:00+07:00') });

  it('seed plan and a 160-row fixture: the exported .xlsx reads back into the same tasks', async () => {
    const authority = { id: seed.world.authorityId, place: 'Tây Ninh' };
    const office = await signIn(seed.world.app, 'vanphong');
    const plans = await t.db
      .selectFrom('plan')
      .select(['id', 'number'])
      .where('authority_id', '=', seed.world.authorityId)
      .execute();
    const seedPlan = plans.find((p) => p.number === '87/KH-UBND');
    if (!seedPlan) throw new Error('no seed plan');

    const exported = await office.get(`/api/plans/${seedPlan.id}/appendix.xlsx?asOf=2021-02-15`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('phu-luc-87-KH-UBND.xlsx');
    const original = await previewPlanImport(systemContextFor(t.db, authority.id), {
      fileName: 'seed.txt',
      bytes: readFileSync(SEED_TXT),
    });
    const back = await previewPlanImport(systemContextFor(t.db, authority.id), {
      fileName: 'phu-luc.xlsx',
      bytes: exported.rawPayload,
    });
    expect(original.tasks).toHaveLength(29);
    expect(tasksOf(back)).toEqual(tasksOf(original));
    expect(back.sections).toEqual(original.sections);
    expect(back.plan).toMatchObject({ number: '87/KH-UBND', issuedOn: '2021-01-13' });

    // the document's columns, then the state columns as of the date, as numbers and dates
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(exported.rawPayload).buffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const ySplit = (sheet.views[0] as { ySplit: number }).ySplit;
    expect((sheet.getRow(ySplit).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Nội dung công việc',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian hoàn thành',
      'Ghi chú',
      'Hạn (ngày)',
      'Số lượt giao',
      'Đúng hạn',
      'Trễ hạn',
      'Trong hạn',
      'Quá hạn',
      'Tình trạng',
    ]);
    let overdue = 0;
    sheet.eachRow((row, n) => {
      if (n > ySplit && typeof row.getCell(12).value === 'number') overdue += row.getCell(12).value as number;
    });
    expect(overdue).toBe(68);
    const i3 = sheet
      .getRows(ySplit + 1, sheet.rowCount - ySplit)
      ?.find((r) => r.getCell(3).value === 'Sở Tư pháp');
    expect(i3?.getCell(7).value).toEqual(new Date(Date.UTC(2021, 0, 20)));

    // a fixture of 160 rows in three sections, imported, exported, read back
    const fixture = {
      fileName: 'three-sections-160.xlsx',
      bytes: readFileSync(join(FIXTURES, 'three-sections-160.xlsx')),
    };
    // the sheet holds the table only: the Office completes number, date and title in the preview
    const parsed = await readPlanFile(fixture);
    const imported = await createPlan(
      systemContextFor(t.db, authority.id, { name: 'test' }),
      planInputOf({
        ...parsed,
        number: parsed.number ?? '160/KH-UBND',
        issuedOn: parsed.issuedOn ?? '2021-03-01',
        title: parsed.title ?? 'Kế hoạch thử nghiệm 160 nhiệm vụ',
      }),
    );
    const fixturePreview = await previewPlanImport(systemContextFor(t.db, authority.id), fixture);
    expect(fixturePreview.tasks.length).toBeGreaterThanOrEqual(150);
    const big = await office.get(`/api/plans/${imported.planId}/appendix.xlsx`);
    expect(big.statusCode).toBe(200);
    const bigBack = await previewPlanImport(systemContextFor(t.db, authority.id), {
      fileName: 'big.xlsx',
      bytes: big.rawPayload,
    });
    expect(tasksOf(bigBack)).toEqual(tasksOf(fixturePreview));

    // everyone who reads the plan; an agency user does not, another authority sees no such plan
    expect(
      (await (await signIn(seed.world.app, 'lanhdao')).get(`/api/plans/${seedPlan.id}/appendix.xlsx`))
        .statusCode,
    ).toBe(200);
    expect(
      (await (await signIn(seed.world.app, 'stp')).get(`/api/plans/${seedPlan.id}/appendix.xlsx`)).statusCode,
    ).toBe(403);
    expect(
      (await (await signIn(seed.world.app, 'bd.vanphong')).get(`/api/plans/${seedPlan.id}/appendix.xlsx`))
        .statusCode,
    ).toBe(404);
  });
});
