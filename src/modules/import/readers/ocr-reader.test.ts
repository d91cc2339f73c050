/**
 * Scans read by OCR, with Debian's tesseract (+ vie) and poppler: they must be installed
 * (test/ocr-engine.ts installs them for `npm test`, .ci/run in CI); without them these tests fail,
 * never skip. Few and small: each page costs tesseract a few seconds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { DEFAULT_PARSE_LIMITS } from '../parse-limits.ts';
import type { ParsedPlan } from '../plan-text.ts';
import { parsePlanSource, planSourceOf, readPlanFile } from '../read-plan-file.ts';
import { imageSizeOf } from './ocr-reader.ts';
import { PRINTED_PLAN, pngOfPage } from './ocr-test-scans.ts';

/** Scans as a scanner gives them (200 dpi, tilted, specks): test/fixtures/ocr/ (scripts/make-real-plan-fixtures.ts). */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/ocr/${name}`, import.meta.url)));

const codes = (plan: ParsedPlan) => plan.warnings.map((w) => w.code);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Blocks this thread for 600 ms as soon as a child process is running: it exits meanwhile, unreaped. */
function busyOnceTheEngineRuns(): Promise<void> {
  const handles = () => (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
  return new Promise((resolve) => {
    const watch = setInterval(() => {
      if (!handles().some((h) => h.constructor.name === 'ChildProcess')) return;
      clearInterval(watch);
      const busyUntil = Date.now() + 600;
      while (Date.now() < busyUntil) {
        // the thread busy (a parse, a GC pause) while the engine runs and exits
      }
      resolve();
    }, 0);
  });
}

describe('a scan (PDF without a text layer) is read by OCR', () => {
  const blank = fixture('real-scan-blank.pdf');

  it('reads a table page scanned to a .png at 200 dpi: every row, its lead, support and deadline', async () => {
    // a picture upload goes the way of a scanned PDF (the PDF path itself: test/parse-pool.test.ts, eval:import)
    const png = pngOfPage(readFileSync(PRINTED_PLAN), 3);
    const plan = await readPlanFile({ fileName: 'anh-chup.png', bytes: png });
    expect(codes(plan)).toContain('ocr_text');
    expect(plan.tasks.map((t) => t.no)).toEqual(['6', '7', '8', '9', '10', '11']);
    const office = 'Văn phòng UBND tỉnh';
    const departments = 'Các sở ban ngành tỉnh, UBND cấp huyện';
    expect(plan.tasks.map((t) => t.leadText.replace(/\s+/gu, ' '))).toEqual([
      'Sở Nội vụ',
      office,
      departments,
      office,
      office,
      office,
    ]);
    expect(plan.tasks[2]?.supportText.replace(/\s+/gu, ' ')).toBe(office);
    expect(plan.tasks.map((t) => t.deadlineText)).toEqual([
      'Trước ngày 20/1/2021.',
      'Trước ngày 20/1/2021.',
      'Trước ngày 20/1/2021.',
      'Trước ngày 25/1/2021.',
      'Trước ngày 29/1/2021.',
      'Trước ngày 4/2/2021.',
    ]);
    expect(plan.tasks[4]?.content).toContain('Soạn thảo Quyết định ban hành Chương trình hành động');
  });

  it('a blank page with dust: a warning, no text and no task', async () => {
    const source = await planSourceOf({ fileName: 'trang-trang.pdf', bytes: blank });
    expect(source.text).toBe('');
    const plan = parsePlanSource(source);
    expect(codes(plan).slice(0, 2)).toEqual(['ocr_text', 'ocr_blank']);
    expect(plan.tasks).toEqual([]);
  });

  it('a page in English: a warning that it is not Vietnamese, and no task', async () => {
    const plan = await readPlanFile({ fileName: 'report.pdf', bytes: fixture('real-scan-english.pdf') });
    expect(codes(plan)).toContain('ocr_not_vietnamese');
    expect(plan.warnings.find((w) => w.code === 'ocr_not_vietnamese')?.message).toMatch(/tiếng Việt/u);
    expect(plan.tasks).toEqual([]);
  });

  it('the engine missing: OCR_UNAVAILABLE says how to install it; limits name their settings', async () => {
    const file = { fileName: 'ban-quet.pdf', bytes: blank };
    for (const missing of [
      { ocrPdftoppm: '/nonexistent/pdftoppm' },
      { ocrTesseract: '/nonexistent/tesseract' },
    ]) {
      const error = await refusal(planSourceOf(file, { ...DEFAULT_PARSE_LIMITS, ...missing }));
      expect(error.code).toBe('OCR_UNAVAILABLE');
      expect(error.message).toContain('apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils');
      expect(error.message).toContain(Object.values(missing)[0]);
    }
    const pages = await refusal(planSourceOf(file, { ...DEFAULT_PARSE_LIMITS, ocrMaxPages: 0 }));
    expect([pages.code, pages.details?.setting]).toEqual([
      'IMPORT_OCR_TOO_MANY_PAGES',
      'DONDOC_PARSE_OCR_MAX_PAGES',
    ]);
    const broken = await refusal(
      planSourceOf({ fileName: 'anh.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) }),
    );
    expect(broken.code).toBe('IMPORT_UNREADABLE');
    const time = await refusal(planSourceOf(file, { ...DEFAULT_PARSE_LIMITS, ocrTimeoutMs: 1 }));
    expect([time.code, time.details?.setting]).toEqual(['IMPORT_OCR_TIMEOUT', 'DONDOC_PARSE_OCR_SECONDS']);
  });

  it('an engine that exits cleanly after the deadline is a timeout, never a half-read answer', async () => {
    // CI once saw OCR_UNAVAILABLE here: the thread was busy past the deadline while `tesseract --list-langs`
    // exited; execFile's timer then cut its pipes and reported the clean exit with the output lost
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-ocr-'));
    const engine = join(dir, 'tesseract');
    // an engine whose answer is empty, as that cut answer was: before the deadline it would be "no vie data"
    writeFileSync(engine, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    try {
      const reading = refusal(
        planSourceOf(
          { fileName: 'ban-quet.pdf', bytes: blank },
          { ...DEFAULT_PARSE_LIMITS, ocrTesseract: engine, ocrTimeoutMs: 200 },
        ),
      );
      await busyOnceTheEngineRuns();
      const error = await reading;
      expect([error.code, error.details?.setting]).toEqual([
        'IMPORT_OCR_TIMEOUT',
        'DONDOC_PARSE_OCR_SECONDS',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the size of a PNG and a JPEG from their headers', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 1654);
    new DataView(png.buffer).setUint32(20, 2339);
    expect(imageSizeOf(png)).toEqual({ width: 1654, height: 2339 });
    // SOI, an APP0 segment of 4 bytes, SOF0: precision, height 600, width 400
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x02, 0x58, 0x01, 0x90, 1, 0, 0,
    ]);
    expect(imageSizeOf(jpeg)).toEqual({ width: 400, height: 600 });
    expect(imageSizeOf(new TextEncoder().encode('GIF89a…'))).toBeNull();
  });
});
