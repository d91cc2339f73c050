import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { createScratchDatabase } from './support/databases.ts';

/** `dondoc report` and `dondoc appendix` on one database (PostgreSQL when there is one, else PGlite). */
describe('dondoc report | appendix', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dondoc-report-'));
    if (process.env.TEST_DATABASE_URL) {
      const scratch = await createScratchDatabase();
      env = { DATABASE_URL: scratch.url };
      cleanup = scratch.drop;
    } else {
      env = { DONDOC_DATA_DIR: join(dir, 'data') };
    }
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the report in each format and the appendix; refuses bad input with a Vietnamese message', async () => {
    expect((await cli('demo')).code).toBe(0);
    const period = ['--from', '2021-01-01', '--to', '2021-03-31', '--as-of', '2021-02-15'];
    for (const format of ['docx', 'xlsx', 'pdf']) {
      const out = join(dir, `bao-cao.${format}`);
      const run = await cli('report', ...period, '--plan', '87/KH-UBND', '--format', format, '--out', out);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain(out);
      expect(readFileSync(out).byteLength).toBeGreaterThan(5_000);
    }
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(join(dir, 'bao-cao.docx')) });
    expect(value).toContain('Kế hoạch số 87/KH-UBND ngày 13/01/2021');
    expect(value).toContain('68 lượt đang thực hiện quá hạn');

    const appendix = join(dir, 'phu-luc.xlsx');
    const run = await cli('appendix', '--plan', '87/KH-UBND', '--as-of', '2021-02-15', '--out', appendix);
    expect(run.code, run.err).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(appendix)).buffer);
    expect(book.worksheets[0]?.name).toBe('Phụ lục');

    const bad = async (...argv: string[]) => {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      return r.err;
    };
    expect(await bad('report', ...period, '--format', 'doc', '--out', join(dir, 'x'))).toContain(
      'không hỗ trợ',
    );
    expect(
      await bad('report', '--from', '2021-13-01', '--to', '2021-03-31', '--out', join(dir, 'x')),
    ).toContain('INVALID_DATE');
    expect(await bad('report', ...period, '--format', 'pdf')).toContain('Thiếu --out');
    expect(await bad('report', ...period, '--plan', '1/KH-XX', '--out', join(dir, 'x'))).toContain(
      'PLAN_NOT_FOUND',
    );
    expect(await bad('appendix', '--out', join(dir, 'x.xlsx'))).toContain('Thiếu --plan');
  });
});
