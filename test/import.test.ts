import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { DB } from '../src/db/schema.ts';
import {
  createAuthorityFromDirectory,
  type DirectoryFile,
} from '../src/modules/directory/directory.service.ts';
import { importPlanDocument, previewPlanImport } from '../src/modules/import/import.service.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { getStatus } from '../src/modules/status/status.service.ts';
import { AppError } from '../src/shared/errors.ts';
import { describeEachDatabase } from './support/databases.ts';

const seedDir = new URL('../src/modules/demo/seed/', import.meta.url);
const directoryFile = JSON.parse(
  readFileSync(new URL('tay-ninh-2021-directory.json', seedDir), 'utf8'),
) as DirectoryFile;
const seedBytes = new Uint8Array(readFileSync(new URL('ke-hoach-87-KH-UBND-2021-tay-ninh.txt', seedDir)));
const seed = { fileName: 'ke-hoach-87.txt', bytes: seedBytes };

async function counts(db: Kysely<DB>) {
  const n = async (table: 'plan' | 'task' | 'assignment' | 'plan_source' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plan: await n('plan'),
    task: await n('task'),
    assignment: await n('assignment'),
    source: await n('plan_source'),
    audit: await n('audit_log'),
  };
}

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
    const id = await createAuthorityFromDirectory(t.db, directoryFile);
    authority = { id, place: 'Tây Ninh' };
  });

  it('previews the seed without storing anything', async () => {
    const before = await counts(t.db);
    const preview = await previewPlanImport(t.db, authority, seed);
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
    expect(await counts(t.db)).toEqual(before);
  });

  it('stores the plan, its assignments and the source file; refuses the same number twice', async () => {
    const { plan } = await importPlanDocument(t.db, authority, seed);
    expect(plan).toMatchObject({ number: '87/KH-UBND', tasks: 29, leadAssignments: 111 });
    const source = await t.db.selectFrom('plan_source').selectAll().executeTakeFirstOrThrow();
    expect(source).toMatchObject({ file_name: 'ke-hoach-87.txt', size_bytes: seedBytes.byteLength });
    expect(Buffer.from(source.content).equals(Buffer.from(seedBytes))).toBe(true);
    const before = await counts(t.db);
    expect(await codeOf(importPlanDocument(t.db, authority, seed))).toBe('PLAN_EXISTS');
    expect(await counts(t.db)).toEqual(before);
  });

  it('replaces a plan on request, but not once results were recorded', async () => {
    await importPlanDocument(t.db, authority, seed);
    const replaced = await importPlanDocument(t.db, authority, seed, { replace: true });
    expect(replaced.plan.tasks).toBe(29);
    expect((await counts(t.db)).plan).toBe(1);
    await submitResult(t.db, authority.id, {
      plan: '87/KH-UBND',
      task: 'I.3',
      agency: 'STP',
      submittedOn: '2021-01-19',
      accept: true,
    });
    const before = await counts(t.db);
    expect(await codeOf(importPlanDocument(t.db, authority, seed, { replace: true }))).toBe(
      'PLAN_HAS_RESULTS',
    );
    expect(await counts(t.db)).toEqual(before);
    const status = await getStatus(t.db, authority.id, { asOf: '2021-02-15' });
    expect(status.totals.done_on_time).toBe(1);
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
    expect(await codeOf(importPlanDocument(t.db, authority, { fileName, bytes }))).toBe(code);
    expect(await counts(t.db)).toEqual(before);
  });
});
