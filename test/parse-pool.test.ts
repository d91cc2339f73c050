import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_OPTIONS, type ParseOptions } from '../src/modules/import/parse-limits.ts';
import { createParsePool, type ParsePool } from '../src/modules/import/parse-pool.ts';
import { planTextOf, readPlanFile } from '../src/modules/import/read-plan-file.ts';
import { readIndexGrid } from '../src/modules/indices/indices-file.ts';
import { AppError } from '../src/shared/errors.ts';
import {
  csvWithRows,
  deflated,
  docxBomb,
  indexResultRow,
  pdfWithPages,
  writeZip,
  xlsxOf,
  xlsxWithCellAt,
  xlsxWithRows,
} from './support/hostile-files.ts';

/**
 * Issue #16, finding 6 ("plan import has no limits") and the parsing pool of finding 1: each attack
 * as it was made — a 1.6 MB .docx inflating to 1 GB, a 10,000-page PDF, 100,000-row sheets — is
 * refused with its code and a Vietnamese message naming the setting; a parse past its time or
 * memory ends its thread, never the server. No database: the HTTP side is test/upload-limits.test.ts.
 */
const FIXTURES = new URL('./fixtures/import/', import.meta.url);
const fixture = (name: string) => ({
  fileName: name,
  bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))),
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Limits high enough that a 100,000-row sheet is really read, to hold a thread for a long time. */
const UNBOUNDED = { maxRows: 10_000_000, maxCells: 1_000_000_000, maxTextChars: 1_000_000_000 };

const pools: ParsePool[] = [];
function pool(options: Partial<ParseOptions> = {}): ParsePool {
  const created = createParsePool({ ...DEFAULT_PARSE_OPTIONS, ...options });
  pools.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/**
 * The pool of the tests that need no limit of their own: one thread (≈ 1.5 s of CPU to start under
 * tsx, and its readers' modules loaded once), kept across those tests as a server keeps its pool.
 * One thread and a queue of one, as the test of the queue needs (the others read one file at a time);
 * a generous time limit, so that on a loaded machine a fresh thread's first read never passes it.
 */
let sharedPool: ParsePool | undefined;
function shared(): ParsePool {
  sharedPool ??= pool({ threads: 1, queue: 1, timeoutMs: 600_000 });
  return sharedPool;
}

/** What the importer reads in-process from a fixture, read once for the tests that compare with it. */
const readInProcess = new Map<string, ReturnType<typeof readPlanFile>>();
function inProcess(name: string): ReturnType<typeof readPlanFile> {
  let read = readInProcess.get(name);
  if (!read) {
    read = readPlanFile(fixture(name));
    readInProcess.set(name, read);
  }
  return read;
}

const bomb = docxBomb();
const lyingBomb = docxBomb({ declared: 'lying' });
const rows100k = xlsxWithRows(100_000);
const csv100k = csvWithRows(100_000, (i) => [i, 'x']);

describe('parsing limits (issue #16, finding 6)', () => {
  it('refuses the .docx zip bomb (1 GB from 1.6 MB) from its zip directory, before inflating: 413', async () => {
    expect(bomb.bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(bomb.inflatedBytes).toBeGreaterThan(1_000_000_000);
    const honest = await refusal(planTextOf({ fileName: 'ke-hoach.docx', bytes: bomb.bytes }));
    expect(honest.code).toBe('IMPORT_INFLATED_TOO_LARGE');
    expect(honest.status).toBe(413);
    // the size refused is the directory's sum: nothing was inflated to find it
    expect(honest.details).toMatchObject({
      setting: 'DONDOC_PARSE_MAX_INFLATED_MB',
      value: 100 * 1024 * 1024,
    });
    // document.xml's declared gigabyte plus the package's two small parts
    expect(honest.details?.found).toBeGreaterThanOrEqual(bomb.inflatedBytes);
    expect(honest.details?.found).toBeLessThan(bomb.inflatedBytes + 4096);
    expect(honest.message).toContain('DONDOC_PARSE_MAX_INFLATED_MB = 100');

    // the same bomb declaring 1 MB: inflation stops where it passes the declared size
    const rssBefore = process.resourceUsage().maxRSS;
    const lying = await refusal(planTextOf({ fileName: 'ke-hoach.docx', bytes: lyingBomb.bytes }));
    expect(lying.code).toBe('IMPORT_INFLATED_TOO_LARGE');
    expect(lying.status).toBe(413);
    expect(lying.message).toContain('vượt quá kích thước khai báo');
    // the process never held the gigabyte (maxRSS is in KB)
    expect((process.resourceUsage().maxRSS - rssBefore) * 1024).toBeLessThan(256 * 1024 * 1024);
  });

  it('refuses a 10,000-page PDF by its page count: 422', async () => {
    const error = await refusal(planTextOf({ fileName: 'ke-hoach.pdf', bytes: pdfWithPages(10_000) }));
    expect(error.code).toBe('IMPORT_TOO_MANY_PAGES');
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Tệp PDF có 10.000 trang; tối đa 500 trang (cài đặt DONDOC_PARSE_MAX_PAGES = 500).',
    );
    // a PDF within the limit is read
    expect(await planTextOf({ fileName: 'ngan.pdf', bytes: pdfWithPages(3) })).toContain(
      'Ke hoach so 1/KH-UBND',
    );
  });

  it('refuses 100,000-row sheets and CSV files, for plans and for index results: 422', async () => {
    for (const file of [
      { fileName: 'phu-luc.xlsx', bytes: rows100k },
      { fileName: 'phu-luc.csv', bytes: csv100k },
    ]) {
      const plan = await refusal(planTextOf(file));
      expect([plan.code, plan.status, plan.details?.setting]).toEqual([
        'IMPORT_TOO_MANY_ROWS',
        422,
        'DONDOC_PARSE_MAX_ROWS',
      ]);
      expect(plan.message).toContain('tối đa 5.000 dòng (cài đặt DONDOC_PARSE_MAX_ROWS = 5000)');
      const index = await refusal(readIndexGrid(file));
      expect(index.code).toBe('IMPORT_TOO_MANY_ROWS');
    }
    // a long CSV is refused by its length before it is split into rows
    const long = await refusal(planTextOf({ fileName: 'dai.csv', bytes: csvWithRows(100_000) }));
    expect([long.code, long.status, long.details?.setting]).toEqual([
      'IMPORT_TEXT_TOO_LONG',
      422,
      'DONDOC_PARSE_MAX_TEXT_CHARS',
    ]);
  });

  it('counts what exceljs and the Word reader would build, not what the file holds', async () => {
    // one cell at row 1,048,576: exceljs would keep a million row objects and the readers walk them
    const farRow = await refusal(planTextOf({ fileName: 'a.xlsx', bytes: xlsxWithCellAt('A1048576') }));
    expect([farRow.code, farRow.details?.found]).toEqual(['IMPORT_TOO_MANY_ROWS', 1_048_576]);
    // a merged range and a data validation over whole columns: exceljs expands them cell by cell
    const merged = await refusal(
      planTextOf({
        fileName: 'a.xlsx',
        bytes: xlsxOf(1, () => ['x'], '<mergeCells><mergeCell ref="A1:ZZ100"/></mergeCells>'),
      }),
    );
    expect(merged.code).toBe('IMPORT_TOO_MANY_CELLS');
    const validated = await refusal(
      readIndexGrid({
        fileName: 'a.xlsx',
        bytes: xlsxOf(
          2,
          indexResultRow,
          '<dataValidations><dataValidation sqref="A1:Z1048576"/></dataValidations>',
        ),
      }),
    );
    expect(validated.code).toBe('IMPORT_TOO_MANY_CELLS');
    // a Word cell spanning 200,000 grid columns (the reader pads a row with the span's empty cells)
    const wide = writeZip([
      deflated(
        'word/document.xml',
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="200000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>',
      ),
    ]);
    const spanned = await refusal(planTextOf({ fileName: 'a.docx', bytes: wide }));
    expect([spanned.code, spanned.status, spanned.details?.setting]).toEqual([
      'IMPORT_TOO_MANY_CELLS',
      422,
      'DONDOC_PARSE_MAX_CELLS',
    ]);
  });

  it('reads real documents under the limits as before', async () => {
    for (const name of [
      'appendix-300.xlsx',
      'seed-87-printed.pdf',
      'word-merged-cells.docx',
      'excel-reordered.csv',
    ]) {
      const expected = JSON.parse(
        readFileSync(new URL(name.replace(/\.\w+$/u, '.expected.json'), FIXTURES), 'utf8'),
      );
      const parsed = await inProcess(name);
      expect(parsed.tasks.length, name).toBe(expected.tasks.length);
    }
  });
});

describe('the parsing pool (issue #16, finding 1)', () => {
  it('reads in a worker thread exactly what the importer reads in-process', async () => {
    const workers = shared();
    for (const name of [
      'appendix-300.xlsx',
      'seed-87-printed.pdf',
      'word-merged-cells.docx',
      'seed-87-kh-ubnd.txt',
    ]) {
      expect(await workers.readPlan(fixture(name)), name).toEqual(await inProcess(name));
    }
    const template = xlsxOf(3, indexResultRow);
    expect(await workers.readIndexGrid({ fileName: 'ket-qua.xlsx', bytes: template })).toEqual(
      await readIndexGrid({ fileName: 'ket-qua.xlsx', bytes: template }),
    );
  });

  it('answers every attack of the issue with its refusal, as the in-process readers do', async () => {
    const workers = shared();
    const cases: [string, Uint8Array, string][] = [
      ['bom.docx', bomb.bytes, 'IMPORT_INFLATED_TOO_LARGE'],
      ['bom-khai-gian.docx', lyingBomb.bytes, 'IMPORT_INFLATED_TOO_LARGE'],
      ['10000-trang.pdf', pdfWithPages(10_000), 'IMPORT_TOO_MANY_PAGES'],
      ['100000-dong.xlsx', rows100k, 'IMPORT_TOO_MANY_ROWS'],
      ['100000-dong.csv', csv100k, 'IMPORT_TOO_MANY_ROWS'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const error = await refusal(workers.readPlan({ fileName, bytes }));
      expect([fileName, error.code]).toEqual([fileName, code]);
      expect(error.message).toMatch(/cài đặt DONDOC_PARSE_/u);
    }
    const grid = await refusal(
      workers.readIndexGrid({ fileName: 'ket-qua.xlsx', bytes: xlsxWithRows(100_000, indexResultRow) }),
    );
    expect(grid.code).toBe('IMPORT_TOO_MANY_ROWS');
  });

  it('ends a parse past its time limit with its thread (422) and goes on with the next one', async () => {
    // the limit follows this machine's speed of the moment (the suite also runs on a loaded machine,
    // where a parsing thread, at a lower priority, gets little CPU): twenty times a warm thread's read
    // of the seed plan, at least half a second; a 100,000-row workbook really read takes exceljs
    // hundreds of times longer than that, and the seed read on the fresh thread fits in it
    const probe = shared();
    await probe.readPlan(fixture('seed-87-kh-ubnd.txt'));
    const started = performance.now();
    await probe.readPlan(fixture('seed-87-kh-ubnd.txt'));
    const timeoutMs = Math.max(500, Math.ceil(((performance.now() - started) * 20) / 100) * 100);
    const workers = pool({ ...UNBOUNDED, timeoutMs });
    const error = await refusal(workers.readPlan({ fileName: 'phu-luc.xlsx', bytes: rows100k }));
    expect([error.code, error.status, error.details?.setting]).toEqual([
      'IMPORT_PARSE_TIMEOUT',
      422,
      'DONDOC_PARSE_TIMEOUT_SECONDS',
    ]);
    expect(error.message).toContain(`(cài đặt DONDOC_PARSE_TIMEOUT_SECONDS = ${timeoutMs / 1000})`);
    expect((await workers.readPlan(fixture('seed-87-kh-ubnd.txt'))).tasks).toHaveLength(29);
  });

  it('ends a thread out of memory with 422, never a crash, and starts a fresh one', async () => {
    const workers = pool({ ...UNBOUNDED, memoryMb: 48, timeoutMs: 600_000 });
    const error = await refusal(workers.readPlan({ fileName: 'phu-luc.xlsx', bytes: rows100k }));
    expect([error.code, error.status, error.details?.setting]).toEqual([
      'IMPORT_PARSE_MEMORY',
      422,
      'DONDOC_PARSE_MEMORY_MB',
    ]);
    expect((await workers.readPlan(fixture('seed-87-kh-ubnd.txt'))).tasks).toHaveLength(29);
  });

  it('reads a scan by OCR in a worker thread; its OCR stops at its own limit (issue #13)', async () => {
    const plan = await shared().readPlan(fixture('real-scan.pdf'));
    expect(plan.warnings.map((w) => w.code)).toContain('ocr_text');
    expect(plan.tasks.map((t) => t.leadText.replace(/\s+/gu, ' '))).toContain('Sở Thông tin và Truyền thông');
    const slow = await refusal(pool({ ...UNBOUNDED, ocrTimeoutMs: 1 }).readPlan(fixture('real-scan.pdf')));
    expect([slow.code, slow.details?.setting]).toEqual(['IMPORT_OCR_TIMEOUT', 'DONDOC_PARSE_OCR_SECONDS']);
  });

  it('refuses parses beyond its threads and queue at once with 503, asking to retry', async () => {
    const workers = shared();
    const file = fixture('appendix-300.xlsx');
    const settled = await Promise.allSettled([1, 2, 3, 4].map(() => workers.readPlan(file)));
    expect(
      settled.map((s) => (s.status === 'fulfilled' ? s.value.tasks.length : (s.reason as AppError).code)),
    ).toEqual([300, 300, 'PARSE_BUSY', 'PARSE_BUSY']);
    const busy = (settled[2] as PromiseRejectedResult).reason as AppError;
    expect([busy.status, busy.details?.retryAfterSeconds]).toEqual([503, 30]);
  });
});
