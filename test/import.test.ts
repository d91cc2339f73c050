import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { headerOverridesOf, importCommand } from '../src/cli/import-command.ts';
import type { DB } from '../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../src/modules/access/access.ts';
import {
  createAuthorityFromDirectory,
  type DirectoryFile,
} from '../src/modules/directory/directory.service.ts';
import { importPlanDocument, previewPlanImport } from '../src/modules/import/import.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { AppError } from '../src/shared/errors.ts';
import { auditColumns } from './support/audit.ts';
import { systemContextFor } from './support/context.ts';
import { describeEachDatabase } from './support/databases.ts';
import { rowCounts } from './support/lookups.ts';

const seedDir = new URL('../src/modules/demo/seed/', import.meta.url);
const directoryFile = JSON.parse(
  readFileSync(new URL('tay-ninh-2021-directory.json', seedDir), 'utf8'),
) as DirectoryFile;
const seedBytes = new Uint8Array(readFileSync(new URL('ke-hoach-87-KH-UBND-2021-tay-ninh.txt', seedDir)));
const seed = { fileName: 'ke-hoach-87.txt', bytes: seedBytes };

/** A small plan: task 1 led by a directory agency, 2 by a name the directory lacks, 3 by nobody. */
const REVIEW_PLAN_LINES = [
  'Số: 95/KH-UBND',
  'Tây Ninh, ngày 01 tháng 03 năm 2021',
  'KẾ HOẠCH',
  'Nâng cấp dịch vụ công trực tuyến năm 2021',
  'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
  '1\tRà soát thủ tục hành chính\tSở Tư pháp\t\tTrước ngày 30/4/2021\t',
  '2\tTiếp nhận hồ sơ trực tuyến\tTrung tâm Hành chính công tỉnh\tSở Nội vụ\tTrước ngày 31/5/2021\t',
  '3\tTuyên truyền dịch vụ công\t\t\tTrước ngày 30/6/2021\t',
];
const textFile = (fileName: string, lines: string[]) => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\n')),
});
const reviewPlan = textFile('ke-hoach-95.txt', REVIEW_PLAN_LINES);
/** The same plan whose title line is missing. */
const untitledPlan = textFile(
  'ke-hoach-95-khong-trich-yeu.txt',
  REVIEW_PLAN_LINES.filter((line) => !line.startsWith('Nâng cấp')),
);

/** The tables a refused import must leave as they were. */
const counts = (db: Kysely<DB>) => rowCounts(db, ['plan', 'task', 'assignment', 'plan_source', 'audit_log']);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toMatch(/[À-ỹ]/);
  return (error as AppError).code;
}

describeEachDatabase('importing plan documents', (t) => {
  let authority: { id: number; place: string };
  beforeEach(async () => {
    const id = await createAuthorityFromDirectory({ db: t.db, actor: SYSTEM_ACTOR }, directoryFile);
    authority = { id, place: 'Tây Ninh' };
  });

  it('previews the seed without storing anything', async () => {
    const before = await counts(t.db);
    const preview = await previewPlanImport(systemContextFor(t.db, authority.id), seed);
    expect(preview.plan).toMatchObject({
      number: '87/KH-UBND',
      docType: 'KH',
      issuedOn: '2021-01-13',
      place: 'Tây Ninh',
      signer: 'Nguyễn Mạnh Hùng',
    });
    expect(preview.sections.map((s) => s.code)).toEqual(['I', 'II']);
    expect(preview.tasks).toHaveLength(29);
    expect(preview.tasks[0]).toMatchObject({
      section: 'I',
      no: '1',
      lead: ['Văn phòng UBND tỉnh'],
      support: ['Các sở, ban, ngành tỉnh', 'UBND cấp huyện'],
      deadlineText: 'Trước ngày 13/1/2021.',
      dueOn: '2021-01-13',
      recurrence: null,
    });
    expect(preview.tasks[1]?.support).toEqual(['Các đơn vị có liên quan']);
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({ code: 'open_group', task: 'I.2', field: 'support' }),
    );
    // docs/domain-rules.md §4: I.1 is due on the plan's own date, flagged in the review (and only I.1)
    expect(preview.warnings.filter((w) => w.code === 'deadline_not_after_issue').map((w) => w.task)).toEqual([
      'I.1',
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('stores the plan, its assignments and the source file; refuses the same number twice', async () => {
    const { plan } = await importPlanDocument(systemContextFor(t.db, authority.id), seed);
    expect(plan).toMatchObject({ number: '87/KH-UBND', tasks: 29, leadAssignments: 111 });
    const source = await t.db.selectFrom('plan_source').selectAll().executeTakeFirstOrThrow();
    expect(source).toMatchObject({ file_name: 'ke-hoach-87.txt', size_bytes: seedBytes.byteLength });
    expect(Buffer.from(source.content).equals(Buffer.from(seedBytes))).toBe(true);
    const before = await counts(t.db);
    expect(await codeOf(importPlanDocument(systemContextFor(t.db, authority.id), seed))).toBe('PLAN_EXISTS');
    expect(await counts(t.db)).toEqual(before);
  });

  it('replaces a plan on request, but not once results were recorded', async () => {
    await importPlanDocument(systemContextFor(t.db, authority.id), seed);
    const replaced = await importPlanDocument(systemContextFor(t.db, authority.id), seed, { replace: true });
    expect(replaced.plan.tasks).toBe(29);
    expect((await counts(t.db)).plan).toBe(1);
    await submitResult(systemContextFor(t.db, authority.id), {
      plan: '87/KH-UBND',
      task: 'I.3',
      agency: 'STP',
      submittedOn: '2021-01-19',
      accept: true,
    });
    const before = await counts(t.db);
    expect(
      await codeOf(importPlanDocument(systemContextFor(t.db, authority.id), seed, { replace: true })),
    ).toBe('PLAN_HAS_RESULTS');
    expect(await counts(t.db)).toEqual(before);
    const status = await getStatus(systemContextFor(t.db, authority.id), { asOf: '2021-02-15' });
    expect(status.totals.done_on_time).toBe(1);
  });

  it('lists the names the directory lacks and the tasks without lead; registers those only when confirmed', async () => {
    const preview = await previewPlanImport(systemContextFor(t.db, authority.id), reviewPlan);
    expect(preview.unknownAgencies).toEqual([
      expect.objectContaining({
        name: 'Trung tâm Hành chính công tỉnh',
        tasks: ['2'],
        lead: true,
        code: 'TTHCC',
        kind: 'province',
      }),
    ]);
    expect(preview.tasksWithoutLead).toEqual([
      { task: '2', leadText: 'Trung tâm Hành chính công tỉnh', reason: 'unresolved' },
      { task: '3', leadText: '', reason: 'none' },
    ]);

    const before = await counts(t.db);
    const refused = await importPlanDocument(systemContextFor(t.db, authority.id), reviewPlan).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'IMPORT_TASKS_WITHOUT_LEAD',
      details: { count: 2, tasks: preview.tasksWithoutLead },
    });
    expect((refused as AppError).message).toContain(
      '2 nhiệm vụ chưa có cơ quan chủ trì trong danh mục (2, 3)',
    );
    expect(await counts(t.db)).toEqual(before);

    const { plan } = await importPlanDocument(systemContextFor(t.db, authority.id), reviewPlan, {
      confirmTasksWithoutLead: true,
    });
    expect(plan).toMatchObject({ number: '95/KH-UBND', tasks: 3, leadAssignments: 1, supportAssignments: 1 });
    const [audit] = await auditColumns(t.db, { action: 'plan.import' }, ['data']);
    expect(audit?.data).toMatchObject({ tasksWithoutLead: ['2', '3'] });
  });

  it('re-reads the plan against the directory as the Office completes it', async () => {
    // "Là tên khác của Văn phòng UBND tỉnh": the name becomes an alias, the next preview matches it
    const vp = await t.db
      .selectFrom('agency')
      .select(['aliases'])
      .where('authority_id', '=', authority.id)
      .where('code', '=', 'VP')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('agency')
      .set({ aliases: [...vp.aliases, 'Trung tâm Hành chính công tỉnh'] })
      .where('authority_id', '=', authority.id)
      .where('code', '=', 'VP')
      .execute();
    const preview = await previewPlanImport(systemContextFor(t.db, authority.id), reviewPlan);
    expect(preview.tasks[1]?.lead).toEqual(['Văn phòng UBND tỉnh']);
    expect(preview.unknownAgencies).toEqual([]);
    expect(preview.tasksWithoutLead).toEqual([{ task: '3', leadText: '', reason: 'none' }]);
  });

  it('a missing title is given by the Office, never a dead end', async () => {
    const preview = await previewPlanImport(systemContextFor(t.db, authority.id), untitledPlan);
    expect(preview.plan.title).toBeNull();
    const refused = await importPlanDocument(systemContextFor(t.db, authority.id), untitledPlan, {
      confirmTasksWithoutLead: true,
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: { missing: ['title'] } });
    expect((refused as AppError).message).toContain('thiếu trích yếu');
    const { plan } = await importPlanDocument(systemContextFor(t.db, authority.id), untitledPlan, {
      confirmTasksWithoutLead: true,
      set: { title: 'Nâng cấp dịch vụ công trực tuyến', number: '96/KH-UBND' },
    });
    const stored = await t.db
      .selectFrom('plan')
      .select(['number', 'title', 'issued_on'])
      .where('id', '=', plan.planId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      number: '96/KH-UBND',
      title: 'Nâng cấp dịch vụ công trực tuyến',
      issued_on: '2021-03-01',
    });
  });

  it('dondoc import: --set fills the header, --allow-no-lead confirms, each refusal says what to type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-import-'));
    const path = join(dir, untitledPlan.fileName);
    writeFileSync(path, untitledPlan.bytes);
    const output: string[] = [];
    const print = (text: string) => output.push(text);
    const run = (flags: Record<string, unknown>) =>
      importCommand(t.db, flags as never, print, [path]).catch((e: unknown) => e);

    await run({ 'dry-run': true });
    const dry = output.join('\n');
    expect(dry).toContain('Tên chưa có trong danh mục (1):');
    expect(dry).toContain(
      'dondoc agencies add --code TTHCC --name "Trung tâm Hành chính công tỉnh" --kind province',
    );
    expect(dry).toContain('Nhiệm vụ chưa có cơ quan chủ trì (2): 2, 3');

    const noTitle = (await run({ 'allow-no-lead': true })) as AppError;
    expect(noTitle.code).toBe('VALIDATION_FAILED');
    expect(noTitle.message).toContain(`dondoc import "${path}" --set title="Trích yếu của văn bản"`);
    const noLead = (await run({ set: ['title=Nâng cấp dịch vụ công'] })) as AppError;
    expect(noLead.code).toBe('IMPORT_TASKS_WITHOUT_LEAD');
    expect(noLead.message).toContain(`dondoc import "${path}" --allow-no-lead`);
    expect((await counts(t.db)).plan).toBe(0);

    output.length = 0;
    expect(
      await run({ set: ['title=Nâng cấp dịch vụ công', 'issuedOn=2021-03-02'], 'allow-no-lead': true }),
    ).toBeUndefined();
    expect(output.at(-1)).toBe('Đã lưu Kế hoạch 95/KH-UBND: 3 nhiệm vụ, 1 lượt chủ trì, 1 lượt phối hợp.');
    const stored = await t.db.selectFrom('plan').select(['title', 'issued_on']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Nâng cấp dịch vụ công', issued_on: '2021-03-02' });
  });

  it.each(
    (
      [
        ['empty.txt', new Uint8Array(), 'IMPORT_EMPTY'],
        ['binary.txt', new Uint8Array([0x50, 0x4b, 0x00, 0x01, 0xff, 0x00]), 'IMPORT_UNREADABLE'],
        ['plan.doc', new TextEncoder().encode('x'), 'IMPORT_UNSUPPORTED'],
        ['plan.docx', new Uint8Array(64).fill(7), 'IMPORT_UNREADABLE'],
        [
          'protected.docx',
          new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
          'IMPORT_UNREADABLE',
        ],
        ['broken.pdf', new TextEncoder().encode('%PDF-1.4 garbage'), 'IMPORT_UNREADABLE'],
        ['broken.xlsx', new TextEncoder().encode('not a workbook'), 'IMPORT_UNREADABLE'],
        [
          'no-table.txt',
          new TextEncoder().encode(
            'KẾ HOẠCH\nSố: 1/KH-UBND\nTây Ninh, ngày 1 tháng 2 năm 2021\nKhông có bảng.',
          ),
          'IMPORT_NO_TABLE',
        ],
        ['huge.txt', new Uint8Array(21 * 1024 * 1024).fill(0x41), 'IMPORT_TOO_LARGE'],
      ] as const
    ).map(([fileName, bytes, code]) => ({ fileName, bytes, code })),
    // named by file and code: the bytes themselves would flood the test log
  )('$fileName is refused with $code and nothing is written', async ({ fileName, bytes, code }) => {
    const before = await counts(t.db);
    expect(await codeOf(importPlanDocument(systemContextFor(t.db, authority.id), { fileName, bytes }))).toBe(
      code,
    );
    expect(await counts(t.db)).toEqual(before);
  });
});

it('--set takes title, number and issuedOn only, a date as YYYY-MM-DD', () => {
  expect(
    headerOverridesOf(['title=Kế hoạch = cải cách', 'number= 7/KH-UBND ', 'issuedOn=2024-03-15']),
  ).toEqual({
    title: 'Kế hoạch = cải cách',
    number: '7/KH-UBND',
    issuedOn: '2024-03-15',
  });
  expect(headerOverridesOf(undefined)).toEqual({});
  for (const bad of ['signer=X', 'title=', 'title', '=x']) {
    expect(() => headerOverridesOf([bad])).toThrow(/--set title=/);
  }
  expect(() => headerOverridesOf(['issuedOn=15/03/2024'])).toThrow(/YYYY-MM-DD/);
});
