import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_SECTIONS,
  FIXTURE_TASKS,
  HEADER_LINES,
  PLAN_ISSUED_ON,
  PLAN_NUMBER,
  PLAN_TITLE,
} from '../../../../scripts/make-pdf-fixtures.ts';
import { AppError } from '../../../shared/errors.ts';
import { parsePlanText } from '../plan-text.ts';
import { pdfToPlanText } from './pdf-reader.ts';
import {
  CLOSING_HEADING,
  LAYOUT_PLAN_NUMBER,
  LAYOUT_PLAN_TITLE,
  layoutTasks,
  tablePlanPdf,
} from './pdf-test-plans.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/pdf/${name}`, import.meta.url)));

let cached: Promise<string> | null = null;
const planText = () => {
  cached ??= pdfToPlanText(fixture('plan-table.pdf'));
  return cached;
};

/** A PDF whose standard security handler needs a user password (the empty one does not match /U). */
function encryptedPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function failure(bytes: Uint8Array): Promise<AppError> {
  const error = await pdfToPlanText(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('pdfToPlanText', () => {
  it('keeps the lines outside the table, NFC-normalised, with the two-column header split by a tab', async () => {
    const text = await planText();
    const lines = text.split('\n');
    for (const header of HEADER_LINES)
      expect(lines.some((line) => line.split('\t').includes(header))).toBe(true);
    expect(lines).toContain(`Số: ${PLAN_NUMBER}\tBình Dương, ngày 15 tháng 3 năm 2024`);
    expect(lines).toContain(PLAN_TITLE);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Kế hoạch số 125/KH-UBND');
    // page numbers of the footer are dropped
    expect(lines.filter((line) => /^\d+$/u.test(line.trim()))).toEqual([]);
  });

  it('emits the header once and each task row whole, on one tab-joined line', async () => {
    const lines = (await planText()).split('\n');
    const headers = lines.filter((line) => line.startsWith('STT\t'));
    expect(headers).toEqual([
      'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
    ]);
    const tableStart = lines.indexOf(headers[0] ?? '');
    expect(lines[tableStart - 1]).toBe('');
    const rows = lines.slice(tableStart + 1).filter((line) => line !== '');
    const expected = FIXTURE_SECTIONS.flatMap((section) => [
      [section.code, section.title, '', '', '', ''].join('\t'),
      ...FIXTURE_TASKS.filter((task) => task.section === section.code).map((t) =>
        [t.no, t.content, t.lead, t.support, t.deadline, t.note].join('\t'),
      ),
    ]);
    expect(rows).toEqual(expected);
  });

  it('produces plan text the parser reads: number, date, sections and every task', async () => {
    const plan = parsePlanText(await planText());
    expect(plan.number).toBe(PLAN_NUMBER);
    expect(plan.issuedOn).toBe(PLAN_ISSUED_ON);
    expect(plan.docType).toBe('KH');
    expect(plan.title).toBe(PLAN_TITLE);
    expect(plan.sections.map((s) => s.code)).toEqual(['I', 'II']);
    expect(plan.tasks).toHaveLength(FIXTURE_TASKS.length);
    expect(plan.warnings).toEqual([]);
    plan.tasks.forEach((task, i) => {
      const want = FIXTURE_TASKS[i];
      expect({ ...task, raw: '', line: 0 }).toMatchObject({
        sectionCode: want?.section,
        no: want?.no,
        content: want?.content,
        leadText: want?.lead,
        supportText: want?.support,
        deadlineText: want?.deadline,
        note: want?.note,
      });
    });
    // task I.14 runs from page 3 onto page 4, below the repeated header
    const split = plan.tasks.find((task) => task.sectionCode === 'I' && task.no === '14');
    expect(split?.content).toMatch(/hạn chế, nguyên nhân và đề xuất giải pháp khắc phục$/u);
    expect(split?.leadText).toBe('Văn phòng UBND tỉnh');
    expect(split?.deadlineText).toBe('Tháng 6/2024');
  });

  it('refuses bytes that are not a PDF, an empty file and an encrypted PDF', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    for (const bytes of [random, new Uint8Array(0)]) {
      const error = await failure(bytes);
      expect(error.code).toBe('IMPORT_UNREADABLE');
      expect(error.message).toBe('Tệp PDF bị hỏng hoặc không phải PDF.');
    }
    const locked = await failure(encryptedPdf());
    expect(locked.code).toBe('IMPORT_UNREADABLE');
    expect(locked.message).toBe('Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi nhập lại.');
  });

  it('asks for OCR when the PDF has no text layer', async () => {
    const error = await failure(fixture('no-text.pdf'));
    expect(error.code).toBe('IMPORT_NO_TEXT');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/OCR/u);
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = fixture('no-text.pdf');
    await pdfToPlanText(bytes).catch(() => undefined);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});

describe('pdfToPlanText on a plan laid out as published', () => {
  const rows = (text: string) => {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line.startsWith('STT\t'));
    return lines.slice(start + 1).filter((line) => line !== '');
  };
  const expected = [
    'I\tChính quyền số\t\t\t',
    ...layoutTasks(2).map((t) => [t.no, t.content, t.lead, t.support, t.deadline].join('\t')),
  ];

  it.each([
    ['drawn borders, a merged lead cell', { borders: true }],
    ['no borders', { borders: false }],
  ])(
    'keeps each wrapped cell with its row when STT and deadline are vertically centred (%s)',
    async (_, options) => {
      const text = await pdfToPlanText(await tablePlanPdf({ ...options, repeat: 2 }));
      // one header, one line per row: task 9 breaks across the page, tasks 4–5 and 11–12 share a lead
      expect(text.split('\n').filter((line) => line.startsWith('STT\t'))).toHaveLength(1);
      expect(rows(text)).toEqual(expected);
    },
  );

  it('ends the table at its drawn bottom border: the heading right under it is no row', async () => {
    const text = await pdfToPlanText(await tablePlanPdf({ repeat: 2, closing: true }));
    const lines = text.split('\n');
    expect(lines).toContain(CLOSING_HEADING);
    const last = expected.at(-1) ?? '';
    expect(lines[lines.indexOf(last) + 1]).toBe('');
  });

  it('drops the gazette header and the page footer on every page, and reads the plan through them', async () => {
    const text = await pdfToPlanText(await tablePlanPdf({ repeat: 2 }));
    expect(text).not.toMatch(/CÔNG BÁO|Trang \d/u);
    const plan = parsePlanText(text);
    expect(plan).toMatchObject({
      number: LAYOUT_PLAN_NUMBER,
      issuedOn: '2026-04-30',
      title: LAYOUT_PLAN_TITLE,
    });
    expect(plan.warnings).toEqual([]);
    expect(plan.tasks.map((t) => [t.no, t.leadText, t.supportText, t.deadlineText])).toEqual(
      layoutTasks(2).map((t) => [t.no, t.lead, t.support, t.deadline]),
    );
  });
});

describe('pdfToPlanText on a PDF printed with a fallback font', () => {
  const file = () =>
    new Uint8Array(
      readFileSync(new URL('../../../../test/fixtures/import/real-fallback-font.pdf', import.meta.url)),
    );

  it('joins the pieces of each word and splits the tight table at its drawn cell sides', async () => {
    const lines = (await pdfToPlanText(file())).split('\n');
    expect(lines).toContain('II. NHIỆM VỤ CỤ THỂ');
    expect(lines).toContain('STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn');
    expect(lines).toContain(
      '1\tRà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh\tVăn phòng UBND tỉnh\tCác sở, ban, ngành tỉnh\tQuý II/2023',
    );
  });
});
