/**
 * Builds the accuracy fixtures of the plan importer, test/fixtures/import/: documents in every format
 * the importer reads, each with `<name>.expected.json` written from the spec below — the truth put
 * into the document (what a careful reader of it would type in), never the parser's output.
 *   node --import tsx scripts/make-import-fixtures.ts
 * Deterministic: the random fixtures use a seeded PRNG, zip entry dates and document dates are
 * pinned, and the PDF's dates and ids are overwritten, so a rerun writes the same bytes.
 * Needs Debian's Chromium (/usr/bin/chromium) for the PDF fixture.
 *
 * Truth conventions (the shape is ExpectedFixture of scripts/import-accuracy.ts):
 * - lead/support: the directory's canonical name when the cell names an agency or group of the
 *   Tây Ninh 2021 directory (exact name or alias, or an OCR slip of one), the name as written otherwise;
 * - content: the cell's paragraphs / wrapped lines joined by one space, OCR slips (Churong) corrected;
 * - dueOn / recurrence: docs/domain-rules.md §4, year-less dates in the plan's year (or the next one if more than a
 *   month before the issue date); deadlineText as written (a date-typed Excel cell as displayed);
 * - header fields the document does not state (a bare appendix sheet has no place, title or signer) are null.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, type Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import {
  FONT,
  LINE,
  layoutTable,
  mulberry32,
  PINNED,
  p,
  pinZip,
  printToPdf,
  QUOC_HIEU,
  TIEU_NGU,
} from './fixture-kit.ts';
import type { ExpectedFixture, ExpectedPlan, ExpectedRecurrence } from './import-accuracy.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/import');
const SEED_DIR = join(ROOT, 'src/modules/demo/seed');

// ── the spec model ──────────────────────────────────────────────────────────────────────────────

interface DirectoryJson {
  agencies: { code: string; name: string; aliases: string[] }[];
  groups: { name: string; aliases: string[] }[];
}
const DIRECTORY = JSON.parse(
  readFileSync(join(SEED_DIR, 'tay-ninh-2021-directory.json'), 'utf8'),
) as DirectoryJson;

/** A name written exactly as the directory spells it (name or alias) → its canonical name; else itself. */
function canonical(written: string): string {
  for (const a of DIRECTORY.agencies) if (a.name === written || a.aliases.includes(written)) return a.name;
  for (const g of DIRECTORY.groups) if (g.name === written || g.aliases.includes(written)) return g.name;
  return written;
}

/** A lead/support cell: the names as written (joined by `sep`; '\n' = one paragraph each) and the truth. */
interface AgencyCell {
  written: string[];
  names: string[];
  sep: string;
}
/** A name as written; a pair when the written form is not the directory's spelling (OCR slips). */
type Name = string | readonly [written: string, truth: string];

function cell(sep: string, ...items: Name[]): AgencyCell {
  return {
    sep,
    written: items.map((item) => (typeof item === 'string' ? item : item[0])),
    names: items.map((item) => (typeof item === 'string' ? canonical(item) : item[1])),
  };
}
const one = (item: Name) => cell('', item);
const and = (...items: Name[]) => cell(' và ', ...items);
const comma = (...items: Name[]) => cell(', ', ...items);
const semi = (...items: Name[]) => cell('; ', ...items);
const paras = (...items: Name[]) => cell('\n', ...items);
const cellText = (c: AgencyCell, lineBreak = '\n') => c.written.join(c.sep === '\n' ? lineBreak : c.sep);

interface Deadline {
  text: string;
  dueOn: string | null;
  recurrence: ExpectedRecurrence;
  /** a date-typed spreadsheet cell (displayed dd/mm/yyyy) */
  excelDate?: string;
}
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const on = (text: string, dueOn: string): Deadline => ({ text, dueOn, recurrence: null });
const every = (text: string, recurrence: ExpectedRecurrence): Deadline => ({ text, dueOn: null, recurrence });
const ongoing = (text: string): Deadline => ({ text, dueOn: null, recurrence: { kind: 'ongoing' } });
const before = (d: number, m: number, y: number, dot = ''): Deadline =>
  on(`Trước ngày ${d}/${m}/${y}${dot}`, iso(y, m, d));
const inMonth = (m: number, y: number, dot = ''): Deadline =>
  on(`Trong tháng ${m}/${y}${dot}`, iso(y, m, lastDay(y, m)));
const ROMAN_Q = ['I', 'II', 'III', 'IV'] as const;
const quarter = (q: 1 | 2 | 3 | 4, y: number, dot = ''): Deadline =>
  on(`Quý ${ROMAN_Q[q - 1]}/${y}${dot}`, iso(y, q * 3, lastDay(y, q * 3)));
const year = (y: number, dot = ''): Deadline => on(`Năm ${y}${dot}`, iso(y, 12, 31));
const excelDate = (y: number, m: number, d: number): Deadline => ({
  text: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
  dueOn: iso(y, m, d),
  recurrence: null,
  excelDate: iso(y, m, d),
});

interface TaskSpec {
  section: string;
  no: string;
  /** the truth, in the pieces the document writes it in (paragraphs, wrapped lines) */
  content: string[];
  /** the pieces as written when they differ from the truth (OCR noise) */
  written?: string[];
  lead: AgencyCell;
  support: AgencyCell;
  deadline: Deadline;
  product?: string;
  note?: string;
  /** the extra 'Lĩnh vực' column of the reordered sheet */
  field?: string;
}

interface SectionSpec {
  code: string;
  title: string;
  /** the title as written when it differs from the truth */
  written?: string;
}

interface DocSpec {
  plan: ExpectedPlan;
  sections: SectionSpec[];
  tasks: TaskSpec[];
}

function task(
  section: string,
  no: string,
  content: string | string[],
  lead: AgencyCell,
  support: AgencyCell,
  deadline: Deadline,
  more: Pick<TaskSpec, 'product' | 'note' | 'field' | 'written'> = {},
): TaskSpec {
  return {
    section,
    no,
    content: typeof content === 'string' ? [content] : content,
    lead,
    support,
    deadline,
    ...more,
  };
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

function expectedOf(doc: DocSpec): ExpectedFixture {
  return {
    plan: doc.plan,
    sections: doc.sections.map(({ code, title }) => ({ code, title })),
    tasks: doc.tasks.map((t) => ({
      section: t.section,
      no: t.no,
      content: collapse(t.content.join(' ')),
      lead: t.lead.names,
      support: t.support.names,
      deadlineText: t.deadline.text,
      dueOn: t.deadline.dueOn,
      recurrence: t.deadline.recurrence,
      product: t.product ? t.product : null,
      note: t.note ?? '',
    })),
  };
}

/** Pieces of the content as the document writes them. */
const writtenContent = (t: TaskSpec) => t.written ?? t.content;
const sectionTitle = (s: SectionSpec) => s.written ?? s.title;
const key = (t: TaskSpec) => `${t.section}.${t.no}`;

// ── names used by the hand-written specs (canonical names of the Tây Ninh directory) ─────────────

const VP = 'Văn phòng UBND tỉnh';
const SNV = 'Sở Nội vụ';
const STP = 'Sở Tư pháp';
const SKHDT = 'Sở Kế hoạch và Đầu tư';
const STC = 'Sở Tài chính';
const STTTT = 'Sở Thông tin và Truyền thông';
const STNMT = 'Sở Tài nguyên và Môi trường';
const SKHCN = 'Sở Khoa học và Công nghệ';
const SCT = 'Sở Công Thương';
const SYT = 'Sở Y tế';
const SGDDT = 'Sở Giáo dục và Đào tạo';
const TTT = 'Thanh tra tỉnh';
const BQLKKT = 'Ban Quản lý Khu kinh tế tỉnh';
const SBN = 'Các sở, ban, ngành tỉnh';
const HUYEN = 'UBND cấp huyện';
const DVLQ = 'Các đơn vị có liên quan';

// ── 1. the seed, Kế hoạch 87/KH-UBND (a byte copy; the truth read off the seed by hand) ──────────

const CTHD =
  'Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020-2025 về công tác CCHC';
const DEAN = 'Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR index giai đoạn 2021-2025';
const GOALS =
  'và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp trọng tâm thực hiện giai đoạn 2021-2025 gửi UBND tỉnh';
const REPORT = 'Báo cáo đánh giá kết quả thực hiện công tác';
const INDEX_REPORT = (index: string) =>
  `Báo cáo đánh giá kết quả đối với Chỉ số ${index} và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp trọng tâm để cải thiện trong giai đoạn 2021-2025`;
const ALL_SBN_HUYEN = and('Các sở, ban, ngành tỉnh', HUYEN);
const SBN_HUYEN = comma('Các sở ban ngành tỉnh', HUYEN);

const SEED: DocSpec = {
  plan: {
    number: '87/KH-UBND',
    docType: 'KH',
    issuedOn: '2021-01-13',
    place: 'Tây Ninh',
    title:
      'Xây dựng Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020-2025 về công tác CCHC và Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh',
    signer: 'Nguyễn Mạnh Hùng',
  },
  sections: [
    { code: 'I', title: CTHD },
    {
      code: 'II',
      title:
        'Đề án nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số sẵn sàng ứng dụng CNTT (ICT), Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), Chỉ số CCHC (PAR index) giai đoạn 2021-2025',
    },
  ],
  tasks: [
    task(
      'I',
      '1',
      `Tham mưu UBND tỉnh xây dựng Kế hoạch phân công tham mưu ${CTHD} và Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR index`,
      one(VP),
      ALL_SBN_HUYEN,
      before(13, 1, 2021, '.'),
    ),
    task(
      'I',
      '2',
      'Phổ biến, tổ chức quán triệt nội dung Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025 và Chương trình hành động số 13-CTr/TU ngày 22/12/2020 của Tỉnh ủy thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI liên quan công tác CCHC đến toàn thể CBCCVC và Nhân dân trên địa bàn tỉnh',
      ALL_SBN_HUYEN,
      one(DVLQ),
      inMonth(1, 2021, '.'),
    ),
    task(
      'I',
      '3',
      `${REPORT} cải cách thể chế giai đoạn 2015-2020 ${GOALS}`,
      one(STP),
      ALL_SBN_HUYEN,
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '4',
      `${REPORT} hiện đại hóa nền hành chính giai đoạn 2015-2020 ${GOALS}`,
      one(STTTT),
      ALL_SBN_HUYEN,
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '5',
      `${REPORT} cải cách tài chính công giai đoạn 2015-2020 ${GOALS}`,
      one(STC),
      one(VP),
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '6',
      `${REPORT} cải cách tổ chức bộ máy hành chính nhà nước và xây dựng, nâng cao chất lượng đội ngũ CBCCVCV CCBM giai đoạn 2015-2020 ${GOALS}`,
      one(SNV),
      one('Các sở ban ngành tỉnh'),
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '7',
      `${REPORT} cải cách TTHC gắn với thực hiện cơ chế một cửa, một cửa liên thông giai đoạn 2015-2020 ${GOALS}`,
      one(VP),
      SBN_HUYEN,
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '8',
      `${REPORT} CCHC giai đoạn 2015-2020 ${GOALS}.`,
      SBN_HUYEN,
      one(VP),
      before(20, 1, 2021, '.'),
    ),
    task(
      'I',
      '9',
      `Tổng hợp và xây dựng đề cương chi tiết ${CTHD}.`,
      one(VP),
      SBN_HUYEN,
      before(25, 1, 2021, '.'),
    ),
    task('I', '10', `Soạn thảo Quyết định ban hành ${CTHD}.`, one(VP), SBN_HUYEN, before(29, 1, 2021, '.')),
    task(
      'I',
      '11',
      `Công văn gửi các sở, ban, ngành tỉnh, UBND cấp huyện góp ý kiến dự thảo Quyết định ban hành ${CTHD}.`,
      one(VP),
      SBN_HUYEN,
      before(4, 2, 2021, '.'),
    ),
    task(
      'I',
      '12',
      `Tổng hợp và Báo cáo tổng hợp ý kiến các sở, ban, ngành tỉnh, UBND cấp huyện hoàn thiện dự thảo Quyết định ban hành ${CTHD}.`,
      one(VP),
      SBN_HUYEN,
      before(10, 2, 2021, '.'),
    ),
    task(
      'I',
      '13',
      `Công văn gửi lấy ý kiến các đồng chí thành viên UBND tỉnh góp ý kiến dự thảo Quyết định ban hành ${CTHD}.`,
      one(VP),
      SBN_HUYEN,
      before(12, 2, 2021, '.'),
    ),
    task(
      'I',
      '14',
      `Tổng hợp và Báo cáo tổng hợp ý kiến các đồng chí thành viên UBND tỉnh hoàn thiện dự thảo Quyết định ban hành ${CTHD}.`,
      one(VP),
      SBN_HUYEN,
      before(18, 2, 2021, '.'),
    ),
    task(
      'I',
      '15',
      `Tham mưu ban hành Quyết định ban hành ${CTHD}.`,
      one(VP),
      one(DVLQ),
      before(25, 2, 2021, '.'),
    ),
    task(
      'II',
      '1',
      'Tham mưu UBND tỉnh có văn bản đề nghị các sở, ban, ngành tỉnh, UBND cấp huyện báo cáo đánh giá kết quả đối với các Chỉ số PCI, ICT, PAPI, PAR index và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp để cải thiện các chỉ số trên trong giai đoạn 2021-2025',
      one(VP),
      SBN_HUYEN,
      on('Trước ngày 01/4/2021.', '2021-04-01'),
    ),
    task(
      'II',
      '2',
      'Báo cáo đánh giá kết quả đối với Chỉ số PCI và đề đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp trọng tâm để cải thiện trong giai đoạn 2021-2025',
      one(SKHDT),
      SBN_HUYEN,
      before(12, 4, 2021, '.'),
    ),
    task('II', '3', INDEX_REPORT('PAPI'), one(SNV), SBN_HUYEN, before(12, 4, 2021, '.')),
    task('II', '4', INDEX_REPORT('ICT'), one(STTTT), SBN_HUYEN, before(12, 4, 2021, '.')),
    task('II', '5', INDEX_REPORT('PAR index'), one(VP), SBN_HUYEN, before(12, 4, 2021, '.')),
    task(
      'II',
      '6',
      'Báo cáo đánh giá kết quả đối với các Chỉ số PCI, ICT, PAPI, PAR index và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp để cải thiện các chỉ số trên trong giai đoạn 2021-2025',
      SBN_HUYEN,
      one(VP),
      before(12, 4, 2021, '.'),
    ),
    task(
      'II',
      '7',
      `Tổng hợp và xây dựng đề cương chi tiết ${DEAN}`,
      one(VP),
      SBN_HUYEN,
      before(16, 4, 2021, '.'),
    ),
    task('II', '8', `Soạn thảo ${DEAN}`, one(VP), SBN_HUYEN, before(20, 4, 2021, '.')),
    task(
      'II',
      '9',
      `Công văn gửi các sở, ban, ngành tỉnh, UBND cấp huyện góp ý kiến dự thảo ${DEAN}`,
      one(VP),
      SBN_HUYEN,
      before(23, 4, 2021, '.'),
    ),
    task(
      'II',
      '10',
      `Tổng hợp và Báo cáo tổng hợp ý kiến các sở, ban, ngành tỉnh, UBND cấp huyện hoàn thiện dự thảo ${DEAN}`,
      one(VP),
      SBN_HUYEN,
      before(29, 4, 2021, '.'),
    ),
    task(
      'II',
      '11',
      `Công văn gửi lấy ý kiến các đồng chí thành viên UBND tỉnh góp ý kiến dự thảo ${DEAN}`,
      one(VP),
      SBN_HUYEN,
      before(4, 5, 2021, '.'),
    ),
    task(
      'II',
      '12',
      `Tổng hợp và Báo cáo tổng hợp ý kiến các đồng chí thành viên UBND tỉnh hoàn thiện dự thảo ${DEAN}`,
      one(VP),
      SBN_HUYEN,
      before(12, 5, 2021, '.'),
    ),
    task('II', '13', `Tham mưu ban hành ${DEAN}`, one(VP), one(DVLQ), before(20, 5, 2021, '.')),
    task('II', '14', `Tham mưu văn bản triển khai ${DEAN}`, one(VP), one(DVLQ), before(25, 5, 2021, '.')),
  ],
};

// ── the text around the table (front matter), shared by the Word and text renderers ─────────────

interface Front {
  issuer: [string, string];
  numberLine: string;
  placeDate: string;
  heading: string;
  title: string;
  /** all-caps lines under the title (the issuing title of a Quyết định) */
  preamble?: string[];
  bases: string[];
  body: string[];
  recipients: string[];
  sign: string[];
  signer: string;
  appendix: string[];
}

function frontLines(f: Front, sep: string): string[] {
  return [
    [f.issuer[0], QUOC_HIEU].join(sep),
    [f.issuer[1], TIEU_NGU].join(sep),
    [f.numberLine, f.placeDate].join(sep),
    '',
    f.heading,
    f.title,
    '',
    ...(f.preamble ?? []).flatMap((line) => [line, '']),
    ...f.bases.flatMap((line) => [line, '']),
    ...f.body.flatMap((line) => [line, '']),
    'Nơi nhận:',
    ...f.recipients,
    '',
    ...f.sign,
    '',
    '',
    f.signer,
    '',
    ...f.appendix.flatMap((line) => [line, '']),
  ];
}

// ── Word ────────────────────────────────────────────────────────────────────────────────────────

/** Issuer block, heading, title, căn cứ, body, Nơi nhận + signature, PHỤ LỤC heading lines. */
function frontDocx(f: Front, layout: 'table' | 'paragraphs'): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (layout === 'table') {
    out.push(
      layoutTable(
        [
          [
            [
              p(f.issuer[0], { center: true, size: 12 }),
              p(f.issuer[1], { bold: true, center: true, size: 12 }),
            ],
            [p(QUOC_HIEU, { bold: true, center: true, size: 12 }), p(TIEU_NGU, { bold: true, center: true })],
          ],
          [[p(f.numberLine, { center: true })], [p(f.placeDate, { italics: true, center: true })]],
        ],
        [3600, 6000],
      ),
    );
  } else {
    out.push(
      p(f.issuer[0], { center: true, size: 12 }),
      p(f.issuer[1], { bold: true, center: true, size: 12 }),
      p(f.numberLine, { center: true }),
      p(QUOC_HIEU, { bold: true, center: true, size: 12 }),
      p(TIEU_NGU, { bold: true, center: true }),
      p(f.placeDate, { italics: true, center: true }),
    );
  }
  out.push(
    p(''),
    p(f.heading, { bold: true, center: true, size: 14 }),
    p(f.title, { bold: true, center: true }),
  );
  for (const line of f.preamble ?? []) out.push(p(line, { bold: true, center: true }));
  out.push(p(''));
  for (const line of f.bases) out.push(p(line, { italics: true, indent: true }));
  for (const line of f.body) {
    const heading = /^(?:[IVX]+\.|Điều \d+\.|QUYẾT ĐỊNH:)/u.test(line);
    out.push(p(line, { bold: heading, indent: !heading }));
  }
  out.push(
    layoutTable(
      [
        [
          [
            p('Nơi nhận:', { bold: true, italics: true, size: 12 }),
            ...f.recipients.map((r) => p(r, { size: 11 })),
          ],
          [
            ...f.sign.map((line) => p(line, { bold: true, center: true })),
            p(''),
            p(''),
            p(''),
            p(f.signer, { bold: true, center: true }),
          ],
        ],
      ],
      [4800, 4800],
    ),
  );
  f.appendix.forEach((line, i) => {
    const italic = line.startsWith('(');
    out.push(p(line, { bold: !italic, italics: italic, center: true, pageBreakBefore: i === 0 }));
  });
  return out;
}

type Col = 'no' | 'content' | 'lead' | 'support' | 'deadline' | 'note' | 'product' | 'field';
interface RowSpan {
  col: Col;
  first: string;
  count: number;
}
const GROUP_TITLE = 'Cơ quan thực hiện';

const COLUMN_TITLES: Record<Col, string> = {
  no: 'STT',
  content: 'Nội dung công việc',
  lead: 'Cơ quan chủ trì',
  support: 'Cơ quan phối hợp',
  deadline: 'Thời gian hoàn thành',
  note: 'Ghi chú',
  product: 'Sản phẩm',
  field: 'Lĩnh vực',
};
const COLUMN_TWIPS: Record<Col, number> = {
  no: 600,
  content: 3700,
  lead: 1500,
  support: 1600,
  deadline: 1300,
  note: 1000,
  product: 1300,
  field: 1100,
};

/** A cell's paragraphs (Word) or lines (a spreadsheet cell with line breaks). */
function cellLines(t: TaskSpec, col: Col): string[] {
  switch (col) {
    case 'no':
      return [t.no];
    case 'content':
      return writtenContent(t);
    case 'lead':
      return t.lead.sep === '\n' ? t.lead.written : [cellText(t.lead)];
    case 'support':
      return t.support.sep === '\n' ? t.support.written : [cellText(t.support)];
    case 'deadline':
      return [t.deadline.text];
    case 'note':
      return [t.note ?? ''];
    case 'product':
      return [t.product ?? ''];
    case 'field':
      return [t.field ?? ''];
  }
}

interface WordTableOptions {
  columns: Col[];
  titles?: Partial<Record<Col, string>>;
  /** 'merged': "I. Title" in one cell across all columns; 'code': the code, then the title across the rest */
  sectionStyle: 'merged' | 'code';
  /** vertically merged cells: the cell of `col` in task `first` spans `count` rows */
  rowSpans?: RowSpan[];
  /** two header rows: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp", the other titles merged down */
  groupedHeader?: boolean;
  /** a row of column numbers (1) (2) … under the header */
  columnNumbers?: boolean;
  /** start a second table (header repeated) before this task, after a page break */
  splitBefore?: string;
}

function wordTables(doc: DocSpec, o: WordTableOptions): (Paragraph | Table)[] {
  const n = o.columns.length;
  const cellOf = (lines: string[], extra: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}) =>
    new TableCell({
      children: lines.map((line) => p(line, { size: 12, bold: extra.bold })),
      columnSpan: extra.columnSpan,
      rowSpan: extra.rowSpan,
      verticalAlign: VerticalAlign.TOP,
      borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    });
  const title = (col: Col) => o.titles?.[col] ?? COLUMN_TITLES[col];
  const headerRows = () => [
    ...(o.groupedHeader
      ? [
          new TableRow({
            tableHeader: true,
            children: o.columns
              .filter((col) => col !== 'support')
              .map((col) =>
                col === 'lead'
                  ? cellOf([GROUP_TITLE], { bold: true, columnSpan: 2 })
                  : cellOf([title(col)], { bold: true, rowSpan: 2 }),
              ),
          }),
          new TableRow({
            tableHeader: true,
            children: [cellOf(['Chủ trì'], { bold: true }), cellOf(['Phối hợp'], { bold: true })],
          }),
        ]
      : [
          new TableRow({
            tableHeader: true,
            children: o.columns.map((col) => cellOf([title(col)], { bold: true })),
          }),
        ]),
    ...(o.columnNumbers ? [new TableRow({ children: o.columns.map((_, i) => cellOf([`(${i + 1})`])) })] : []),
  ];
  const covered = new Set<string>();
  const spanAt = new Map<string, number>();
  for (const span of o.rowSpans ?? []) {
    const index = doc.tasks.findIndex((t) => key(t) === span.first);
    spanAt.set(`${span.first}|${span.col}`, span.count);
    for (const t of doc.tasks.slice(index + 1, index + span.count)) covered.add(`${key(t)}|${span.col}`);
  }
  const tables: TableRow[][] = [headerRows()];
  for (const section of doc.sections) {
    const title = sectionTitle(section);
    const sectionRow =
      o.sectionStyle === 'merged'
        ? new TableRow({ children: [cellOf([`${section.code}. ${title}`], { columnSpan: n, bold: true })] })
        : new TableRow({
            children: [
              cellOf([section.code], { bold: true }),
              cellOf([title], { columnSpan: n - 1, bold: true }),
            ],
          });
    tables.at(-1)?.push(sectionRow);
    for (const t of doc.tasks.filter((x) => x.section === section.code)) {
      if (o.splitBefore === key(t)) tables.push(headerRows());
      const children = o.columns
        .filter((col) => !covered.has(`${key(t)}|${col}`))
        .map((col) => cellOf(cellLines(t, col), { rowSpan: spanAt.get(`${key(t)}|${col}`) }));
      tables.at(-1)?.push(new TableRow({ children }));
    }
  }
  const widths = o.columns.map((col) => COLUMN_TWIPS[col]);
  const out: (Paragraph | Table)[] = [];
  tables.forEach((rows, i) => {
    if (i > 0) out.push(p('', { pageBreakBefore: true }));
    out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths, rows }));
  });
  return out;
}

async function docxBytes(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'dondoc fixtures',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children,
      },
    ],
  });
  return pinZip(await Packer.toBuffer(doc));
}

// ── spreadsheets ────────────────────────────────────────────────────────────────────────────────

type GridValue = string | number | { date: string };
interface Grid {
  rows: GridValue[][];
  /** [row, col, row, col], 1-based, inclusive */
  merges: [number, number, number, number][];
  /** 1-based rows of the table header */
  headerRows: number[];
}

interface SheetOptions {
  columns: Col[];
  titles?: Partial<Record<Col, string>>;
  titleRows: string[];
  /**
   * 'merged': "I. Title" in the first cell, merged across the row; 'code': the code under STT, the title
   * next to it; 'code-merged': the same with the title merged across the rest of the row
   */
  sectionStyle: 'merged' | 'code' | 'code-merged';
  columnNumbers?: boolean;
  /** two header rows: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp", the other titles merged down */
  groupedHeader?: boolean;
  /** vertically merged cells: the cell of `col` in task `first` spans `count` rows (text in the first only) */
  rowSpans?: RowSpan[];
}

function sheetGrid(doc: DocSpec, o: SheetOptions): Grid {
  const n = o.columns.length;
  const rows: GridValue[][] = [];
  const merges: Grid['merges'] = [];
  const blank = () => Array.from({ length: n }, () => '' as GridValue);
  const title = (col: Col) => o.titles?.[col] ?? COLUMN_TITLES[col];
  for (const line of o.titleRows) {
    const row = blank();
    row[0] = line;
    rows.push(row);
    merges.push([rows.length, 1, rows.length, n]);
  }
  rows.push(blank());
  const headerRows: number[] = [];
  if (o.groupedHeader) {
    rows.push(o.columns.map((col) => (col === 'lead' ? GROUP_TITLE : col === 'support' ? '' : title(col))));
    rows.push(o.columns.map((col) => (col === 'lead' ? 'Chủ trì' : col === 'support' ? 'Phối hợp' : '')));
    const h = rows.length - 1;
    headerRows.push(h, h + 1);
    o.columns.forEach((col, i) => {
      if (col === 'lead') merges.push([h, i + 1, h, i + 2]);
      else if (col !== 'support') merges.push([h, i + 1, h + 1, i + 1]);
    });
  } else {
    rows.push(o.columns.map(title));
    headerRows.push(rows.length);
  }
  if (o.columnNumbers) rows.push(o.columns.map((_, i) => `(${i + 1})`));
  const rowOf = new Map<string, number>();
  for (const section of doc.sections) {
    const row = blank();
    if (o.sectionStyle === 'merged') {
      row[0] = `${section.code}. ${sectionTitle(section)}`;
      rows.push(row);
      merges.push([rows.length, 1, rows.length, n]);
    } else {
      const at = o.columns.indexOf('no');
      row[at] = section.code;
      row[at + 1] = sectionTitle(section);
      rows.push(row);
      if (o.sectionStyle === 'code-merged') merges.push([rows.length, at + 2, rows.length, n]);
    }
    for (const t of doc.tasks.filter((x) => x.section === section.code)) {
      rows.push(
        o.columns.map((col): GridValue => {
          if (col === 'no' && /^\d+$/u.test(t.no)) return Number(t.no);
          if (col === 'deadline' && t.deadline.excelDate) return { date: t.deadline.excelDate };
          return cellLines(t, col).join('\n');
        }),
      );
      rowOf.set(key(t), rows.length);
    }
  }
  for (const span of o.rowSpans ?? []) {
    const first = rowOf.get(span.first);
    const c = o.columns.indexOf(span.col);
    if (first === undefined || c < 0) throw new Error(`bad row span ${span.first}/${span.col}`);
    for (let r = first + 1; r < first + span.count; r++) {
      const row = rows[r - 1];
      if (row) row[c] = '';
    }
    merges.push([first, c + 1, first + span.count - 1, c + 1]);
  }
  return { rows, merges, headerRows };
}

async function xlsxBytes(grid: Grid, o: SheetOptions, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc fixtures';
  wb.lastModifiedBy = 'dondoc fixtures';
  wb.created = PINNED;
  wb.modified = PINNED;
  const ws = wb.addWorksheet(sheetName);
  ws.columns = o.columns.map((col) => ({ width: col === 'content' ? 60 : col === 'no' ? 6 : 22 }));
  grid.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      const target = row.getCell(c + 1);
      if (typeof value === 'object') {
        const [y, m, d] = value.date.split('-').map(Number);
        target.value = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
        target.numFmt = 'dd/mm/yyyy';
      } else if (value !== '') {
        target.value = value;
      }
      target.alignment = { wrapText: true, vertical: 'top' };
      if (grid.headerRows.includes(r + 1)) target.font = { bold: true };
    });
  });
  for (const [r1, c1, r2, c2] of grid.merges) ws.mergeCells(r1, c1, r2, c2);
  return pinZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** What Excel's "CSV UTF-8" export writes: BOM, ';' (Vietnamese locale), CRLF, dates as displayed. */
function csvText(grid: Grid): string {
  const show = (value: GridValue): string => {
    if (typeof value === 'number') return String(value);
    if (typeof value === 'object') {
      const [y, m, d] = value.date.split('-');
      return `${d}/${m}/${y}`;
    }
    return value;
  };
  const quote = (text: string) => (/[;"\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text);
  return `\uFEFF${grid.rows.map((row) => row.map((v) => quote(show(v))).join(';')).join('\r\n')}\r\n`;
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The PDF of fixture 3 is made FROM THE .docx of fixture 2: mammoth converts it to HTML (keeping the
 * table's colspan/rowspan), a print stylesheet is added (A4, serif, borders on the task table, the
 * appendix on a new page — mammoth drops page breaks and borders), and Chromium prints it.
 */
async function docxToPdf(docx: Buffer, out: string): Promise<void> {
  const { value } = await mammoth.convertToHtml({ buffer: docx });
  const body = value.replace(
    /<p><strong>PHỤ LỤC<\/strong><\/p>/u,
    '<p class="appendix"><strong>PHỤ LỤC</strong></p>',
  );
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font: 13pt/1.3 'Liberation Serif', 'DejaVu Serif', serif; margin: 0; }
p { margin: 0 0 4pt; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; }
td, th { vertical-align: top; padding: 2pt 4pt; }
td p, th p { text-align: left; margin: 0; }
table:first-of-type td p { text-align: center; }
table:last-of-type { font-size: 11.5pt; }
table:last-of-type td, table:last-of-type th { border: 0.75pt solid #000; }
.appendix { break-before: page; text-align: center; }
</style></head><body>${body}</body></html>`;
  printToPdf(html, out);
}

// ── 2, 3. Word with merged cells, and its PDF ───────────────────────────────────────────────────

const WORD_MERGED: DocSpec = {
  plan: {
    number: '120/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-01-20',
    place: 'Tây Ninh',
    title: 'Thực hiện công tác cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh Tây Ninh',
    signer: 'Lê Minh Tâm',
  },
  sections: [
    { code: 'I', title: 'Cải cách thể chế và cải cách thủ tục hành chính' },
    { code: 'II', title: 'Cải cách tổ chức bộ máy và chế độ công vụ' },
    { code: 'III', title: 'Hiện đại hóa nền hành chính, xây dựng chính quyền số' },
  ],
  tasks: [
    task(
      'I',
      '1',
      [
        'Rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý của tỉnh;',
        'đề xuất phương án đơn giản hóa, cắt giảm thời gian giải quyết thủ tục hành chính năm 2022',
      ],
      one(VP),
      one(SBN),
      before(31, 3, 2022),
    ),
    task(
      'I',
      '2',
      'Tổ chức kiểm tra công tác ban hành, rà soát văn bản quy phạm pháp luật tại các sở, ban, ngành tỉnh và UBND cấp huyện',
      one(STP),
      paras(SNV, VP),
      quarter(2, 2022),
    ),
    task(
      'I',
      '3',
      'Theo dõi tình hình thi hành pháp luật trong lĩnh vực xử lý vi phạm hành chính',
      one(STP),
      one('Các sở, ban, ngành tỉnh'),
      on('6 tháng đầu năm 2022', '2022-06-30'),
    ),
    task(
      'I',
      '4',
      'Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức, viên chức và Nhân dân',
      one(STP),
      one('UBND các huyện, thị xã, thành phố'),
      year(2022),
      { note: 'Theo Kế hoạch phổ biến, giáo dục pháp luật' },
    ),
    task(
      'II',
      '1',
      'Rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh theo quy định mới của Chính phủ',
      one(SNV),
      one(SBN),
      quarter(1, 2022),
      { note: 'Trình UBND tỉnh' },
    ),
    task(
      'II',
      '2',
      'Xây dựng Đề án vị trí việc làm, cơ cấu ngạch công chức của các cơ quan hành chính cấp tỉnh',
      one(SNV),
      one(SBN),
      quarter(3, 2022),
    ),
    task(
      'II',
      '3',
      'Kiểm tra công tác tuyển dụng, sử dụng và quản lý công chức, viên chức',
      one(SNV),
      one(HUYEN),
      quarter(3, 2022),
    ),
    task(
      'II',
      '4',
      'Tổ chức thi nâng ngạch công chức năm 2022',
      one(SNV),
      comma(STC, SKHDT),
      inMonth(10, 2022),
    ),
    task(
      'III',
      '1',
      'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, kết nối với Cổng Dịch vụ công quốc gia',
      one(STTTT),
      one(VP),
      before(30, 6, 2022),
    ),
    task(
      'III',
      '2',
      'Triển khai chữ ký số cho cán bộ, công chức các cơ quan hành chính',
      one(STTTT),
      and('Các sở, ban, ngành tỉnh', HUYEN),
      quarter(4, 2022),
    ),
    task(
      'III',
      '3',
      'Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2022',
      one(SNV),
      one(DVLQ),
      before(15, 11, 2022),
      { note: 'Báo cáo kết quả về UBND tỉnh' },
    ),
    task(
      'III',
      '4',
      'Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022',
      comma(SBN, HUYEN),
      one(SNV),
      before(15, 12, 2022),
    ),
  ],
};

const WORD_MERGED_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 120/KH-UBND',
  placeDate: 'Tây Ninh, ngày 20 tháng 01 năm 2022',
  heading: 'KẾ HOẠCH',
  title: WORD_MERGED.plan.title ?? '',
  bases: [
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
    'Căn cứ Kế hoạch số 87/KH-UBND ngày 13 tháng 01 năm 2021 của Chủ tịch UBND tỉnh;',
  ],
  body: [
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác cải cách hành chính nhà nước năm 2022 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính; nâng cao chất lượng phục vụ người dân, doanh nghiệp; cải thiện các Chỉ số PAR INDEX, SIPAS, PAPI và PCI của tỉnh.',
    'II. NHIỆM VỤ TRỌNG TÂM',
    'Các nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố tổ chức thực hiện Kế hoạch này; định kỳ báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh./.',
  ],
  recipients: [
    '- Bộ Nội vụ;',
    '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
    '- CT, các PCT UBND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- UBND các huyện, thị xã, thành phố;',
    '- Lưu: VT, VP.',
  ],
  sign: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Lê Minh Tâm',
  appendix: [
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2022',
    '(Kèm theo Kế hoạch số 120/KH-UBND ngày 20/01/2022 của UBND tỉnh Tây Ninh)',
  ],
};

async function wordMerged(): Promise<Buffer> {
  const columns: Col[] = ['no', 'content', 'lead', 'support', 'deadline', 'note'];
  return docxBytes([
    ...frontDocx(WORD_MERGED_FRONT, 'table'),
    ...wordTables(WORD_MERGED, {
      columns,
      sectionStyle: 'merged',
      rowSpans: [
        { col: 'lead', first: 'I.2', count: 3 },
        { col: 'deadline', first: 'II.2', count: 2 },
      ],
    }),
  ]);
}

// ── 4, 5. Excel with reordered columns, and the same table as CSV ───────────────────────────────

const EXCEL_REORDERED: DocSpec = {
  plan: {
    number: '35/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-03-10',
    place: null,
    title: null,
    signer: null,
  },
  sections: [
    { code: 'I', title: 'Phát triển hạ tầng số và nền tảng số' },
    { code: 'II', title: 'Phát triển dữ liệu số và dịch vụ công trực tuyến' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Nâng cấp hạ tầng mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước',
      one('Sở TT&TT'),
      comma(SBN, HUYEN),
      excelDate(2022, 6, 30),
      { field: 'Hạ tầng số', product: 'Hạ tầng mạng được nâng cấp' },
    ),
    task(
      'I',
      '2',
      'Triển khai nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)',
      one(STTTT),
      one(VP),
      quarter(2, 2022),
      { field: 'Nền tảng số', product: 'Nền tảng LGSP' },
    ),
    task(
      'I',
      '3',
      ['Xây dựng Trung tâm giám sát, điều hành thông minh', '(IOC) của tỉnh'],
      one(STTTT),
      semi(STC, SKHDT),
      year(2022),
      { field: 'Nền tảng số', product: 'Trung tâm IOC' },
    ),
    task(
      'I',
      '4',
      'Bảo đảm an toàn, an ninh thông tin mạng cho hệ thống thông tin của tỉnh',
      one(STTTT),
      one('Công an tỉnh'),
      ongoing('Thường xuyên'),
      { field: 'An toàn thông tin', note: 'Phối hợp Bộ Chỉ huy Quân sự tỉnh' },
    ),
    task(
      'I',
      '5',
      'Cấp chứng thư số và chữ ký số cho cán bộ, công chức',
      one('VP UBND tỉnh'),
      one(SBN),
      excelDate(2022, 5, 31),
      { field: 'Nền tảng số', product: 'Chứng thư số' },
    ),
    task(
      'I',
      '6',
      'Phủ sóng di động 4G tại các khu vực lõm sóng',
      one(STTTT),
      one('UBND các huyện, thị xã, thành phố'),
      quarter(4, 2022),
      { field: 'Hạ tầng số' },
    ),
    task(
      'I',
      '7',
      'Tập huấn kỹ năng số cho cán bộ, công chức cấp xã',
      one(SNV),
      and(STTTT, HUYEN),
      excelDate(2022, 8, 15),
      { field: 'Nhân lực số', product: 'Kế hoạch tập huấn' },
    ),
    task(
      'II',
      '1',
      'Xây dựng cơ sở dữ liệu đất đai của tỉnh',
      one('Sở TN&MT'),
      comma(STTTT, HUYEN),
      year(2022),
      { field: 'Dữ liệu số', product: 'Cơ sở dữ liệu đất đai' },
    ),
    task(
      'II',
      '2',
      'Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính đủ điều kiện',
      one(VP),
      and(SBN, HUYEN),
      before(30, 9, 2022),
      { field: 'Dịch vụ công', product: 'Danh mục dịch vụ công trực tuyến' },
    ),
    task(
      'II',
      '3',
      'Tích hợp thanh toán trực tuyến trên Cổng Dịch vụ công của tỉnh',
      one(VP),
      comma(STC, STTTT),
      excelDate(2022, 7, 31),
      { field: 'Dịch vụ công' },
    ),
    task(
      'II',
      '4',
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      and(SBN, HUYEN),
      one(VP),
      every('Hằng quý', { every: 'quarter' }),
      { field: 'Dữ liệu số', product: 'Báo cáo' },
    ),
    task(
      'II',
      '5',
      'Xây dựng cơ sở dữ liệu về doanh nghiệp và nhà đầu tư',
      one('Sở KH&ĐT'),
      one(BQLKKT),
      quarter(3, 2022),
      { field: 'Dữ liệu số', product: 'Cơ sở dữ liệu' },
    ),
    task(
      'II',
      '6',
      'Xây dựng cơ sở dữ liệu ngành y tế',
      one(SYT),
      one(STTTT),
      on('6 tháng cuối năm 2022', '2022-12-31'),
      { field: 'Dữ liệu số' },
    ),
    task(
      'II',
      '7',
      'Triển khai ứng dụng học bạ điện tử trong các trường phổ thông',
      one('Sở GD&ĐT'),
      one(HUYEN),
      quarter(4, 2022),
      { field: 'Giáo dục', product: 'Học bạ điện tử' },
    ),
    task(
      'II',
      '8',
      'Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm 2022',
      one(STTTT),
      one(SBN),
      excelDate(2022, 12, 15),
      { field: 'Tổng hợp', product: 'Báo cáo', note: 'Gửi Bộ Thông tin và Truyền thông' },
    ),
  ],
};

const EXCEL_REORDERED_SHEET: SheetOptions = {
  columns: ['content', 'field', 'no', 'deadline', 'lead', 'product', 'support', 'note'],
  titleRows: [
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2022',
    'Ban hành kèm theo Kế hoạch số 35/KH-UBND ngày 10/3/2022 của UBND tỉnh Tây Ninh',
  ],
  sectionStyle: 'merged',
};

// ── 6. recurring and period deadlines (Word, issuer block as plain paragraphs) ──────────────────

const RECURRING: DocSpec = {
  plan: {
    number: '09/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-01-05',
    place: 'Tây Ninh',
    title:
      'Thực hiện chế độ báo cáo định kỳ và theo dõi, đôn đốc nhiệm vụ năm 2022 trên địa bàn tỉnh Tây Ninh',
    signer: 'Trần Thị Lan',
  },
  sections: [
    { code: 'I', title: 'Chế độ báo cáo định kỳ' },
    { code: 'II', title: 'Nhiệm vụ có thời hạn' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Báo cáo kết quả thực hiện công tác cải cách hành chính hằng năm',
      and(SBN, HUYEN),
      one(VP),
      every('Trước ngày 15/12 hằng năm', { every: 'year', month: 12, day: 15 }),
    ),
    task(
      'I',
      '2',
      'Báo cáo tình hình giải quyết thủ tục hành chính trên Hệ thống thông tin một cửa điện tử',
      semi(SBN, HUYEN),
      one(VP),
      every('Hằng quý', { every: 'quarter' }),
    ),
    task(
      'I',
      '3',
      'Báo cáo tiến độ giải ngân vốn đầu tư công',
      one(SKHDT),
      one(STC),
      every('Định kỳ hằng tháng, trước ngày 20', { every: 'month', day: 20 }),
    ),
    task(
      'I',
      '4',
      'Báo cáo kết quả thực hiện Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính',
      one(SNV),
      one(SBN),
      every('6 tháng', { every: 'half_year' }),
    ),
    task(
      'I',
      '5',
      'Theo dõi, đôn đốc việc thực hiện các nhiệm vụ UBND tỉnh giao',
      one(VP),
      one(SBN),
      ongoing('Thường xuyên'),
    ),
    task(
      'I',
      '6',
      'Báo cáo công tác phòng, chống tham nhũng',
      one(TTT),
      one(SBN),
      every('Hàng năm, trước ngày 31/01', { every: 'year', month: 1, day: 31 }),
    ),
    task(
      'I',
      '7',
      'Báo cáo kết quả kiểm soát thủ tục hành chính',
      one(VP),
      and(SBN, HUYEN),
      every('Hằng quý, trước ngày 15 tháng cuối quý', { every: 'quarter', day: 15 }),
    ),
    task(
      'I',
      '8',
      'Báo cáo tình hình kinh tế - xã hội',
      one(SKHDT),
      and(SBN, HUYEN),
      every('Hằng năm', { every: 'year' }),
    ),
    task(
      'II',
      '1',
      'Rà soát, cập nhật danh mục nhiệm vụ chuyển tiếp từ năm 2021',
      one(VP),
      one(SBN),
      on('Trước ngày 30/6', '2022-06-30'),
    ),
    task('II', '2', 'Sơ kết công tác chuyển đổi số của tỉnh', one(STTTT), one(SBN), quarter(3, 2022)),
    task(
      'II',
      '3',
      'Đánh giá kết quả thực hiện Kế hoạch phát triển kinh tế - xã hội',
      one(SKHDT),
      and(SBN, HUYEN),
      on('6 tháng đầu năm 2022', '2022-06-30'),
    ),
    task('II', '4', 'Tổng kết công tác thi đua, khen thưởng', one(SNV), and(SBN, HUYEN), year(2022)),
    task(
      'II',
      '5',
      'Đánh giá giữa kỳ việc thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm',
      one(SKHDT),
      one(SBN),
      on('Giai đoạn 2021-2025', '2025-12-31'),
    ),
    task(
      'II',
      '6',
      'Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
      one(VP),
      one(STTTT),
      inMonth(3, 2022),
    ),
    task(
      'II',
      '7',
      'Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị',
      one(SNV),
      comma(VP, STP),
      on('6 tháng cuối năm 2022', '2022-12-31'),
    ),
  ],
};

const RECURRING_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 09/KH-UBND',
  placeDate: 'Tây Ninh, ngày 05 tháng 01 năm 2022',
  heading: 'KẾ HOẠCH',
  title: RECURRING.plan.title ?? '',
  bases: [
    'Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;',
  ],
  body: [
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện chế độ báo cáo định kỳ năm 2022 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Bảo đảm thông tin báo cáo đầy đủ, chính xác, kịp thời phục vụ công tác chỉ đạo, điều hành của UBND tỉnh.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo; Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp, báo cáo./.',
  ],
  recipients: [
    '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- UBND các huyện, thị xã, thành phố;',
    '- Lưu: VT, VP.',
  ],
  sign: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Trần Thị Lan',
  appendix: [
    'PHỤ LỤC',
    'DANH MỤC BÁO CÁO VÀ NHIỆM VỤ NĂM 2022',
    '(Kèm theo Kế hoạch số 09/KH-UBND ngày 05/01/2022 của UBND tỉnh Tây Ninh)',
  ],
};

// ── 7. another province (Bình Định): agencies mostly unknown to the Tây Ninh directory ──────────

const OTHER_PROVINCE: DocSpec = {
  plan: {
    number: '52/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-04-08',
    place: 'Bình Định',
    title:
      'Phát triển du lịch gắn với bảo đảm an ninh, trật tự và an toàn cho khách du lịch trên địa bàn tỉnh Bình Định năm 2022',
    signer: 'Đoàn Minh Khoa',
  },
  sections: [
    { code: 'I', title: 'Phát triển sản phẩm và quảng bá du lịch' },
    { code: 'II', title: 'Bảo đảm an ninh, trật tự và an toàn cho khách du lịch' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Xây dựng Kế hoạch xúc tiến, quảng bá du lịch năm 2022',
      one('Sở Du lịch'),
      one('Các sở, ban, ngành tỉnh'),
      before(30, 4, 2022, '.'),
    ),
    task(
      'I',
      '2',
      'Phát triển sản phẩm du lịch đặc thù gắn với hệ thống di tích Tây Sơn',
      one('Sở Du lịch'),
      comma('UBND huyện Tây Sơn', 'UBND thị xã An Nhơn'),
      quarter(3, 2022, '.'),
    ),
    task(
      'I',
      '3',
      'Tổ chức Lễ hội du lịch biển Quy Nhơn năm 2022',
      one('UBND thành phố Quy Nhơn'),
      comma('Sở Du lịch', 'Sở Văn hóa và Thể thao'),
      inMonth(6, 2022, '.'),
    ),
    task(
      'I',
      '4',
      'Quảng bá du lịch trên sóng phát thanh, truyền hình của tỉnh',
      one('Đài Phát thanh và Truyền hình Bình Định'),
      one('Sở Du lịch'),
      ongoing('Thường xuyên.'),
    ),
    task(
      'I',
      '5',
      'Bố trí kinh phí thực hiện các hoạt động xúc tiến du lịch',
      one(STC),
      one('Sở Du lịch'),
      quarter(2, 2022, '.'),
    ),
    task(
      'I',
      '6',
      'Thu hút đầu tư các dự án du lịch trọng điểm',
      one(SKHDT),
      and('Sở Du lịch', 'UBND thị xã An Nhơn'),
      year(2022, '.'),
    ),
    task(
      'II',
      '1',
      'Bảo đảm an ninh, trật tự tại các khu, điểm du lịch',
      one('Công an tỉnh'),
      comma('Bộ Chỉ huy Quân sự tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'),
      ongoing('Thường xuyên.'),
    ),
    task(
      'II',
      '2',
      'Tuần tra, kiểm soát bảo đảm an toàn cho khách du lịch trên biển',
      one('Bộ Chỉ huy Bộ đội Biên phòng tỉnh'),
      one('Công an tỉnh'),
      every('Hằng quý.', { every: 'quarter' }),
    ),
    task(
      'II',
      '3',
      'Kiểm tra điều kiện kinh doanh của các cơ sở lưu trú du lịch',
      one('Sở Du lịch'),
      semi('Công an tỉnh', 'UBND thành phố Quy Nhơn'),
      quarter(4, 2022, '.'),
    ),
    task(
      'II',
      '4',
      'Bồi dưỡng nghiệp vụ cho cán bộ quản lý du lịch cấp huyện',
      one(SNV),
      one('Sở Du lịch'),
      on('6 tháng cuối năm 2022.', '2022-12-31'),
    ),
    task(
      'II',
      '5',
      'Tiếp nhận, xử lý phản ánh, kiến nghị của khách du lịch',
      one('UBND các huyện, thị xã, thành phố'),
      comma('Sở Du lịch', 'Công an tỉnh'),
      ongoing('Thường xuyên.'),
    ),
    task(
      'II',
      '6',
      'Báo cáo kết quả thực hiện Kế hoạch',
      one('Sở Du lịch'),
      semi('Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố'),
      before(15, 12, 2022, '.'),
      { note: 'Gửi UBND tỉnh' },
    ),
  ],
};

const OTHER_PROVINCE_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH ĐỊNH'],
  numberLine: 'Số: 52/KH-UBND',
  placeDate: 'Bình Định, ngày 08 tháng 4 năm 2022',
  heading: 'KẾ HOẠCH',
  title: OTHER_PROVINCE.plan.title ?? '',
  bases: [
    'Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;',
    'Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025;',
  ],
  body: [
    'UBND tỉnh ban hành Kế hoạch phát triển du lịch gắn với bảo đảm an ninh, trật tự năm 2022 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Phát triển du lịch bền vững, bảo đảm an ninh, trật tự, an toàn cho khách du lịch; nâng cao hình ảnh điểm đến Bình Định.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các sở, ngành, địa phương thực hiện các nhiệm vụ tại Phụ lục kèm theo; Sở Du lịch tổng hợp, báo cáo UBND tỉnh./.',
  ],
  recipients: [
    '- Bộ Văn hóa, Thể thao và Du lịch;',
    '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- Lưu: VT, K15.',
  ],
  sign: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Đoàn Minh Khoa',
  appendix: ['PHỤ LỤC', '(Kèm theo Kế hoạch số 52/KH-UBND ngày 08/4/2022 của UBND tỉnh Bình Định)'],
};

const TABLE_HEADER = [
  'STT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Ghi chú',
];

/** Plan-text row of the six standard columns (content pieces joined by a space). */
function tabRow(t: TaskSpec, withNote = true): string {
  const cells = [
    t.no,
    writtenContent(t).join(' '),
    cellText(t.lead, ' '),
    cellText(t.support, ' '),
    t.deadline.text,
  ];
  if (withNote || t.note) cells.push(t.note ?? '');
  return cells.join('\t');
}

function otherProvinceText(): string {
  const lines = frontLines(OTHER_PROVINCE_FRONT, '\t');
  lines.push(TABLE_HEADER.join('\t'));
  for (const section of OTHER_PROVINCE.sections) {
    lines.push(`${section.code}\t${sectionTitle(section)}\t\t\t\t`);
    for (const t of OTHER_PROVINCE.tasks.filter((x) => x.section === section.code)) lines.push(tabRow(t));
  }
  return `${lines.join('\n')}\n`;
}

// ── 8. OCR noise, seed-like layout ──────────────────────────────────────────────────────────────

const OCR_NOISE: DocSpec = {
  plan: {
    number: '198/KH-UBND',
    docType: 'KH',
    issuedOn: '2021-09-22',
    place: 'Tây Ninh',
    title:
      'Triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh',
    signer: 'Võ Thành Nhân',
  },
  sections: [
    {
      code: 'I',
      title: 'Chương trình cải cách thể chế và cải cách thủ tục hành chính',
      written: 'Churong trình cải cách thể chế và cải cách thủ tục hành chính',
    },
    { code: 'II', title: 'Cải cách tổ chức bộ máy, chế độ công vụ và hiện đại hóa nền hành chính' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Xây dựng Kế hoạch cải cách hành chính năm 2022 của tỉnh',
      one(['Văn phòng UBND tinh', VP]),
      and('Các sở, ban, ngành tỉnh', HUYEN),
      before(15, 12, 2021, '.'),
    ),
    task(
      'I',
      '2',
      'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành',
      one(['Sở Tư phap', STP]),
      one(SBN),
      quarter(4, 2021, '.'),
    ),
    task(
      'I',
      '3',
      'Triển khai Chương trình hành động cải cách thủ tục hành chính trọng tâm năm 2022',
      one(VP),
      one(STTTT),
      inMonth(12, 2021, '.'),
      { written: ['Triển khai Churong trình hành động cải cách thủ tục hành chính trọng tâm năm 2022'] },
    ),
    task(
      'I',
      '4',
      ['Kiểm tra công tác kiểm soát', 'thủ tục hành chính tại UBND cấp huyện'],
      one(VP),
      one('UBND các huyện, thị xã, thành phố'),
      year(2022, '.'),
    ),
    task(
      'I',
      '5',
      'Công bố danh mục thủ tục hành chính được chuẩn hóa thuộc thẩm quyền giải quyết của các cấp',
      one(VP),
      one(['Các sở, ban, ngành tinh', SBN]),
      ongoing('Thường xuyên.'),
    ),
    task(
      'I',
      '6',
      'Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ đầu mối',
      one(VP),
      one(SNV),
      quarter(1, 2022, '.'),
    ),
    task(
      'I',
      '7',
      'Thẩm định dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính',
      one(['Sở Tư phap', STP]),
      one(['Văn phòng UBND tinh', VP]),
      ongoing('Thường xuyên.'),
    ),
    task(
      'I',
      '8',
      'Đánh giá tác động của thủ tục hành chính trong đề nghị xây dựng Chương trình ban hành nghị quyết của HĐND tỉnh',
      one(SBN),
      one(STP),
      every('Hằng quý.', { every: 'quarter' }),
      {
        written: [
          'Đánh giá tác động của thủ tục hành chính trong đề nghị xây dựng Chuong trình ban hành nghị quyết của HĐND tỉnh',
        ],
      },
    ),
    task(
      'I',
      '9',
      'Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính',
      comma(SBN, HUYEN),
      one(VP),
      every('Trước ngày 15/12 hằng năm.', { every: 'year', month: 12, day: 15 }),
    ),
    task(
      'I',
      '10',
      'Duy trì hoạt động của Trung tâm Phục vụ hành chính công tỉnh',
      one(VP),
      one(['Sở Thông tin và Truyèn thông', STTTT]),
      ongoing('Thường xuyên.'),
    ),
    task(
      'II',
      '1',
      'Rà soát chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn thuộc UBND tỉnh',
      one(['Sở Nôi vụ', SNV]),
      one(SBN),
      quarter(1, 2022, '.'),
    ),
    task(
      'II',
      '2',
      ['Xây dựng Đề án vị trí việc làm trong các cơ quan, tổ chức hành chính', 'của tỉnh'],
      one(SNV),
      and('Các sở, ban, ngành tỉnh', HUYEN),
      quarter(2, 2022, '.'),
    ),
    task(
      'II',
      '3',
      'Kiểm tra công tác nội vụ tại các cơ quan, đơn vị',
      one(SNV),
      one(HUYEN),
      quarter(3, 2022, '.'),
    ),
    task(
      'II',
      '4',
      'Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm 2021',
      and('Các sở, ban, ngành tỉnh', HUYEN),
      one(SNV),
      before(31, 12, 2021, '.'),
    ),
    task(
      'II',
      '5',
      'Triển khai phần mềm quản lý hồ sơ cán bộ, công chức, viên chức',
      one(SNV),
      one(STTTT),
      on('6 tháng đầu năm 2022.', '2022-06-30'),
    ),
    task(
      'II',
      '6',
      'Nâng cấp Cổng Dịch vụ công và Hệ thống thông tin một cửa điện tử của tỉnh',
      one(['Sở Thông tin và Truyèn thông', STTTT]),
      one(VP),
      quarter(2, 2022, '.'),
    ),
    task(
      'II',
      '7',
      'Triển khai Hệ thống quản lý văn bản và điều hành liên thông bốn cấp',
      one(STTTT),
      and('Các sở, ban, ngành tỉnh', HUYEN),
      year(2022, '.'),
    ),
    task(
      'II',
      '8',
      'Duy trì, cải tiến Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015',
      one(SKHCN),
      and('Các sở, ban, ngành tỉnh', HUYEN),
      ongoing('Thường xuyên.'),
    ),
    task(
      'II',
      '9',
      'Khảo sát, đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính',
      one(SNV),
      one(DVLQ),
      quarter(4, 2022, '.'),
    ),
    task(
      'II',
      '10',
      'Tổng kết, đánh giá kết quả thực hiện Chương trình cải cách hành chính năm 2022',
      one(['Văn phòng UBND tinh', VP]),
      one(SNV),
      before(15, 12, 2022, '.'),
      { written: ['Tổng kết, đánh giá kết quả thực hiện Chuong trình cải cách hành chính năm 2022'] },
    ),
  ],
};

/** Seed-like OCR text: no issuer block, tabs, page breaks inside rows, a page number, a repeated header. */
function ocrNoiseText(): string {
  const d = OCR_NOISE;
  const byKey = new Map(d.tasks.map((t) => [key(t), t]));
  const t = (k: string) => {
    const found = byKey.get(k);
    if (!found) throw new Error(`no task ${k}`);
    return found;
  };
  const lines: string[] = [
    '',
    '',
    'Tây Ninh, ngày 22 tháng 9 năm 2021',
    '',
    'KẾ HOẠCH',
    '',
    'Triển khai Chuong trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh',
    '',
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
    '',
    'Chủ tịch UBND tỉnh ban hành Kế hoạch triển khai như sau:',
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '',
    '- Triển khai đồng bộ các nhiệm vụ cải cách hành chính giai đoạn 2021-2030 trên địa bàn tỉnh.',
    '',
    'II. NỘI DUNG CỤ THỂ',
    '',
    'Các nội dung công việc cụ thể (Có phụ lục cụ thể kèm theo Kế hoạch này).',
    '',
    'Nơi nhận:',
    '',
    '- TT: TU, HĐND tỉnh;',
    ' - Các sở, ban, ngành tỉnh;',
    ' - UBND các huyện, thị xã, thành phố;',
    ' - Lưu: VT, VP.UBND tỉnh.',
    '',
    '',
    '',
    'Võ Thành Nhân',
    '',
    'PHỤ LỤC',
    '',
    '(Ban hành kèm theo Kế hoạch số 198/KH-UBND ngày 22 tháng 9 năm 2021 của Chủ tịch UBND tỉnh Tây Ninh)',
    '',
    TABLE_HEADER.join('\t'),
  ];
  const [s1, s2] = d.sections;
  lines.push(`I ${s1 ? sectionTitle(s1) : ''}\t\t\t\t\t`);
  for (const no of ['1', '2', '3']) lines.push(tabRow(t(`I.${no}`), no !== '2'));
  // I.4 breaks over a page: page number, header repeated at the top of the next page, continuation.
  const i4 = t('I.4');
  lines.push(
    [i4.no, i4.content[0], cellText(i4.lead), cellText(i4.support), i4.deadline.text, ''].join('\t'),
    '',
    '2',
    '',
    TABLE_HEADER.join('\t'),
    `\t${i4.content[1] ?? ''}\t\t\t\t`,
  );
  for (const no of ['5', '6', '7', '8', '9', '10']) lines.push(tabRow(t(`I.${no}`), no !== '7'));
  lines.push(`II ${s2 ? sectionTitle(s2) : ''}\t\t\t\t`);
  lines.push(tabRow(t('II.1')));
  // II.2 breaks over a page seed-like (blank line, continuation starting with a tab), support cell split too.
  const ii2 = t('II.2');
  lines.push(
    [ii2.no, ii2.content[0], cellText(ii2.lead), 'Các sở, ban, ngành tỉnh và', ii2.deadline.text].join('\t'),
    '',
    `\t${ii2.content[1] ?? ''}\t\t${HUYEN}\t\t`,
  );
  for (const no of ['3', '4', '5', '6']) lines.push(tabRow(t(`II.${no}`)));
  lines.push('', '3', '');
  for (const no of ['7', '8', '9', '10']) lines.push(tabRow(t(`II.${no}`), no === '10'));
  return `${lines.join('\n')}\n`;
}

// ── random tasks (fixtures 9 and 11) ────────────────────────────────────────────────────────────

const ACTIONS = [
  'Xây dựng kế hoạch triển khai',
  'Tổ chức rà soát, đánh giá',
  'Tham mưu UBND tỉnh ban hành quy định về',
  'Tổ chức tập huấn, bồi dưỡng nghiệp vụ về',
  'Kiểm tra, đôn đốc việc thực hiện',
  'Báo cáo kết quả thực hiện',
  'Tuyên truyền, phổ biến',
  'Đề xuất giải pháp nâng cao hiệu quả',
  'Tổng hợp, đánh giá tình hình thực hiện',
  'Xây dựng cơ sở dữ liệu về',
  'Hướng dẫn các cơ quan, đơn vị thực hiện',
  'Sơ kết, đánh giá kết quả',
];
const TOPICS = [
  'cải cách thủ tục hành chính',
  'cơ chế một cửa, một cửa liên thông',
  'dịch vụ công trực tuyến toàn trình',
  'chuyển đổi số trong cơ quan nhà nước',
  'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  'Chỉ số cải cách hành chính (PAR Index)',
  'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  'văn hóa công vụ, kỷ luật, kỷ cương hành chính',
  'quản lý đất đai và bảo vệ môi trường',
  'xúc tiến đầu tư, hỗ trợ doanh nghiệp',
  'an toàn, an ninh thông tin mạng',
  'chế độ báo cáo định kỳ',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'thanh toán trực tuyến phí, lệ phí',
  'phòng, chống tham nhũng, tiêu cực',
  'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'phổ biến, giáo dục pháp luật',
];
const SCOPES = [
  '',
  '',
  ' trên địa bàn tỉnh',
  ' tại các sở, ban, ngành tỉnh và UBND cấp huyện',
  ' năm 2023',
  ' giai đoạn 2021-2025',
  ', trong đó làm rõ kết quả đạt được, tồn tại, hạn chế, nguyên nhân và đề xuất giải pháp khắc phục',
];
const PRODUCTS = [
  '',
  '',
  'Kế hoạch',
  'Báo cáo',
  'Quyết định của UBND tỉnh',
  'Công văn hướng dẫn',
  'Cơ sở dữ liệu',
];
const NOTES = [
  '',
  '',
  '',
  '',
  'Trình UBND tỉnh',
  'Gửi Sở Nội vụ tổng hợp',
  'Lồng ghép trong báo cáo định kỳ',
];

interface RandomOptions {
  seed: number;
  /** [section code, title, task count] */
  sections: [string, string, number][];
  /** the year the tasks fall due in */
  year: number;
  products: boolean;
}

function randomTasks(o: RandomOptions): { sections: SectionSpec[]; tasks: TaskSpec[] } {
  const rnd = mulberry32(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const province = DIRECTORY.agencies.filter((a) => !a.name.startsWith('UBND'));
  const writtenAgency = (a: DirectoryJson['agencies'][number]) =>
    rnd() < 0.3 && a.aliases.length ? pick(a.aliases) : a.name;
  const groupSbn = ['Các sở, ban, ngành tỉnh', 'Các sở ban ngành tỉnh', 'Các sở, ngành tỉnh'];
  const groupHuyen = ['UBND cấp huyện', 'UBND các huyện, thị xã, thành phố'];
  const groupRelated = ['Các đơn vị có liên quan', 'Các cơ quan, đơn vị có liên quan'];
  const y = o.year;
  const deadline = (): Deadline => {
    const r = rnd();
    const m = 1 + Math.floor(rnd() * 12);
    if (r < 0.35) return before(1 + Math.floor(rnd() * 28), m, y, rnd() < 0.5 ? '.' : '');
    if (r < 0.5) return quarter((1 + Math.floor(rnd() * 4)) as 1 | 2 | 3 | 4, y);
    if (r < 0.6) return inMonth(m, y);
    if (r < 0.68) return every('Hằng quý', { every: 'quarter' });
    if (r < 0.74) return every('Hằng tháng', { every: 'month' });
    if (r < 0.82) return ongoing('Thường xuyên');
    if (r < 0.88) return every('Trước ngày 15/12 hằng năm', { every: 'year', month: 12, day: 15 });
    if (r < 0.94) return year(y);
    return on(`6 tháng đầu năm ${y}`, iso(y, 6, 30));
  };
  const sections: SectionSpec[] = [];
  const tasks: TaskSpec[] = [];
  for (const [code, title, count] of o.sections) {
    sections.push({ code, title });
    for (let i = 1; i <= count; i++) {
      const content = `${pick(ACTIONS)} ${pick(TOPICS)}${pick(SCOPES)}`;
      const r = rnd();
      let lead: AgencyCell;
      const leadAgency = pick(province);
      if (r < 0.75) lead = one(writtenAgency(leadAgency));
      else if (r < 0.85) lead = one(pick(groupSbn));
      else if (r < 0.93) lead = and(pick(groupSbn), pick(groupHuyen));
      else lead = one(pick(groupHuyen));
      const s = rnd();
      let support: AgencyCell;
      const others = province.filter((a) => a.code !== leadAgency.code);
      const a1 = pick(others);
      const a2 = pick(others.filter((a) => a.code !== a1.code));
      if (s < 0.25) support = one(pick(groupSbn));
      else if (s < 0.4) support = comma(pick(groupSbn), pick(groupHuyen));
      else if (s < 0.55) support = one(writtenAgency(a1));
      else if (s < 0.7) support = comma(writtenAgency(a1), writtenAgency(a2));
      else if (s < 0.78) support = semi(writtenAgency(a1), pick(groupHuyen));
      else if (s < 0.88) support = one(pick(groupRelated));
      else if (s < 0.95) support = and(writtenAgency(a1), pick(groupHuyen));
      else support = cell('', '');
      tasks.push(
        task(code, String(i), content, lead, support, deadline(), {
          product: o.products ? pick(PRODUCTS) : '',
          note: pick(NOTES),
        }),
      );
    }
  }
  return { sections, tasks };
}

// ── 9. three sections, 165 tasks (Excel) ────────────────────────────────────────────────────────

const THREE_SECTIONS: DocSpec = {
  plan: {
    number: '178/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-08-15',
    place: null,
    title: null,
    signer: null,
  },
  ...randomTasks({
    seed: 20220815,
    sections: [
      ['I', 'Cải cách thể chế và cải cách thủ tục hành chính', 55],
      ['II', 'Cải cách tổ chức bộ máy hành chính nhà nước và chế độ công vụ', 56],
      ['III', 'Xây dựng chính quyền điện tử, chính quyền số', 54],
    ],
    year: 2023,
    products: true,
  }),
};
const THREE_SECTIONS_SHEET: SheetOptions = {
  columns: ['no', 'content', 'lead', 'support', 'product', 'deadline', 'note'],
  titleRows: [
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023',
    '(Kèm theo Kế hoạch số 178/KH-UBND ngày 15/8/2022 của UBND tỉnh Tây Ninh)',
  ],
  sectionStyle: 'code',
  columnNumbers: true,
};
// An empty support cell names nobody: its truth is [].
for (const t of THREE_SECTIONS.tasks)
  if (t.support.written.join('') === '') t.support = { written: [], names: [], sep: '' };

// ── 10. a Quyết định with letter sections (A, B, C) ─────────────────────────────────────────────

const QUYET_DINH: DocSpec = {
  plan: {
    number: '1364/QĐ-UBND',
    docType: 'QĐ',
    issuedOn: '2021-06-25',
    place: 'Tây Ninh',
    title:
      'Ban hành Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh Tây Ninh giai đoạn 2021-2025',
    signer: 'Phạm Văn Hòa',
  },
  sections: [
    { code: 'A', title: 'Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)' },
    { code: 'B', title: 'Nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)' },
    {
      code: 'C',
      title:
        'Nâng cao Chỉ số cải cách hành chính (PAR Index) và Chỉ số sẵn sàng ứng dụng công nghệ thông tin (ICT Index)',
    },
  ],
  tasks: [
    task(
      'A',
      '1',
      'Rút ngắn thời gian giải quyết thủ tục đăng ký doanh nghiệp, đăng ký đầu tư',
      one(SKHDT),
      one(BQLKKT),
      ongoing('Thường xuyên'),
      { product: 'Báo cáo kết quả' },
    ),
    task(
      'A',
      '2',
      'Tổ chức Hội nghị đối thoại giữa lãnh đạo tỉnh với doanh nghiệp',
      one('Sở KH&ĐT'),
      and(SBN, HUYEN),
      every('Hằng năm', { every: 'year' }),
      { product: 'Hội nghị đối thoại' },
    ),
    task(
      'A',
      '3',
      'Công khai quy hoạch, kế hoạch sử dụng đất và quỹ đất sạch cho nhà đầu tư',
      one(STNMT),
      one(HUYEN),
      year(2021),
      { product: 'Danh mục quỹ đất được công khai' },
    ),
    task(
      'A',
      '4',
      'Cải thiện Chỉ số chi phí không chính thức',
      one(TTT),
      one(SBN),
      on('Giai đoạn 2021-2025', '2025-12-31'),
    ),
    task(
      'B',
      '1',
      'Tăng cường công khai, minh bạch trong hoạt động của chính quyền cấp xã',
      one(HUYEN),
      one(SNV),
      ongoing('Thường xuyên'),
    ),
    task(
      'B',
      '2',
      'Nâng cao chất lượng dịch vụ y tế và giáo dục công lập',
      comma(SYT, SGDDT),
      one(HUYEN),
      on('Giai đoạn 2021-2025', '2025-12-31'),
      { product: 'Báo cáo' },
    ),
    task(
      'B',
      '3',
      'Khảo sát sự hài lòng của người dân về dịch vụ hành chính công',
      one(SNV),
      one(VP),
      quarter(4, 2021),
      { product: 'Báo cáo kết quả khảo sát' },
    ),
    task(
      'B',
      '4',
      'Báo cáo phân tích kết quả Chỉ số PAPI của tỉnh',
      one(SNV),
      one(SBN),
      every('Trước ngày 15/12 hằng năm', { every: 'year', month: 12, day: 15 }),
      { product: 'Báo cáo' },
    ),
    task(
      'C',
      '1',
      'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính',
      and(SBN, HUYEN),
      one(SNV),
      every('Hằng năm', { every: 'year' }),
      { product: 'Báo cáo tự đánh giá' },
    ),
    task(
      'C',
      '2',
      'Thẩm định kết quả tự đánh giá Chỉ số cải cách hành chính của các cơ quan, đơn vị',
      one(SNV),
      one(VP),
      quarter(1, 2022),
    ),
    task(
      'C',
      '3',
      'Hoàn thiện hạ tầng công nghệ thông tin phục vụ chính quyền điện tử',
      one(STTTT),
      one(SBN),
      year(2021),
      { product: 'Hạ tầng được hoàn thiện' },
    ),
    task(
      'C',
      '4',
      'Báo cáo kết quả thực hiện Đề án',
      one(VP),
      and(SBN, HUYEN),
      every('6 tháng', { every: 'half_year' }),
      { product: 'Báo cáo' },
    ),
  ],
};

const QUYET_DINH_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 1364/QĐ-UBND',
  placeDate: 'Tây Ninh, ngày 25 tháng 6 năm 2021',
  heading: 'QUYẾT ĐỊNH',
  title: QUYET_DINH.plan.title ?? '',
  preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH'],
  bases: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Căn cứ Kế hoạch số 87/KH-UBND ngày 13 tháng 01 năm 2021 của Chủ tịch UBND tỉnh;',
    'Theo đề nghị của Chánh Văn phòng UBND tỉnh.',
  ],
  body: [
    'QUYẾT ĐỊNH:',
    'Điều 1. Ban hành kèm theo Quyết định này Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh Tây Ninh giai đoạn 2021-2025, với các nhiệm vụ, giải pháp tại Phụ lục.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    'Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.',
  ],
  recipients: [
    '- Như Điều 3;',
    '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
    '- CT, các PCT UBND tỉnh;',
    '- Lưu: VT, VP.',
  ],
  sign: ['CHỦ TỊCH'],
  signer: 'Phạm Văn Hòa',
  appendix: [
    'PHỤ LỤC',
    'NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN ĐỀ ÁN',
    '(Ban hành kèm theo Quyết định số 1364/QĐ-UBND ngày 25/6/2021 của Chủ tịch UBND tỉnh Tây Ninh)',
  ],
};

// ── 11. 300 rows, one section (Excel, for the speed benchmark) ──────────────────────────────────

const APPENDIX_300: DocSpec = {
  plan: {
    number: '250/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-12-30',
    place: null,
    title: null,
    signer: null,
  },
  ...randomTasks({
    seed: 300,
    sections: [['I', 'Nhiệm vụ cải cách hành chính và chuyển đổi số năm 2023', 300]],
    year: 2023,
    products: false,
  }),
};
for (const t of APPENDIX_300.tasks)
  if (t.support.written.join('') === '') t.support = { written: [], names: [], sep: '' };
const APPENDIX_300_SHEET: SheetOptions = {
  columns: ['no', 'content', 'lead', 'support', 'deadline', 'note'],
  titleRows: ['PHỤ LỤC', '(Kèm theo Kế hoạch số 250/KH-UBND ngày 30/12/2022 của UBND tỉnh Tây Ninh)'],
  sectionStyle: 'merged',
};

// ── 12. plain text with runs of spaces instead of tabs (a "pdftotext -layout" style file) ───────

const SPACES: DocSpec = {
  plan: {
    number: '64/KH-UBND',
    docType: 'KH',
    issuedOn: '2023-04-12',
    place: 'Tây Ninh',
    title: 'Tổ chức Ngày Chuyển đổi số tỉnh Tây Ninh năm 2023',
    signer: 'Huỳnh Văn Sang',
  },
  sections: [
    { code: 'I', title: 'Nhiệm vụ chung' },
    { code: 'II', title: 'Hoạt động hưởng ứng' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Xây dựng Kế hoạch tổ chức Ngày Chuyển đổi số năm 2023',
      one(STTTT),
      one(SBN),
      before(30, 4, 2023, '.'),
    ),
    task('I', '2', 'Bố trí kinh phí tổ chức các hoạt động', one(STC), one(STTTT), quarter(2, 2023, '.')),
    task(
      'I',
      '3',
      'Tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng',
      one(STTTT),
      one(HUYEN),
      ongoing('Thường xuyên.'),
    ),
    task(
      'I',
      '4',
      'Đánh giá mức độ chuyển đổi số của các cơ quan, đơn vị',
      one(STTTT),
      comma(SNV, VP),
      quarter(4, 2023, '.'),
    ),
    task(
      'II',
      '1',
      'Tổ chức hội thảo chuyển đổi số trong doanh nghiệp',
      one(SCT),
      one(SKHDT),
      inMonth(10, 2023, '.'),
      { note: 'Ngày 10/10' },
    ),
    task(
      'II',
      '2',
      'Trưng bày sản phẩm, giải pháp công nghệ số',
      one(SKHCN),
      one(STTTT),
      inMonth(10, 2023, '.'),
    ),
    task(
      'II',
      '3',
      'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
      one(HUYEN),
      one(VP),
      every('Hằng tháng.', { every: 'month' }),
    ),
    task(
      'II',
      '4',
      'Báo cáo kết quả tổ chức Ngày Chuyển đổi số',
      one(SBN),
      one(STTTT),
      before(31, 10, 2023, '.'),
    ),
  ],
};

function spacesText(): string {
  const pad = (cells: string[], widths: number[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('')
      .trimEnd();
  const rows = [
    TABLE_HEADER,
    ...SPACES.sections.flatMap((s) => [
      [s.code, s.title],
      ...SPACES.tasks
        .filter((t) => t.section === s.code)
        .map((t) => [
          t.no,
          t.content.join(' '),
          cellText(t.lead),
          cellText(t.support),
          t.deadline.text,
          t.note ?? '',
        ]),
    ]),
  ];
  const widths = TABLE_HEADER.map(
    (_, i) => Math.max(...rows.map((r) => (r.length > 2 || i === 0 ? (r[i] ?? '').length : 0))) + 3,
  );
  const top = (a: string, b: string) => `${a.padEnd(34)}${b}`;
  const lines = [
    top('ỦY BAN NHÂN DÂN', QUOC_HIEU),
    top('TỈNH TÂY NINH', TIEU_NGU),
    top('Số: 64/KH-UBND', 'Tây Ninh, ngày 12 tháng 4 năm 2023'),
    '',
    'KẾ HOẠCH',
    SPACES.plan.title ?? '',
    '',
    'Căn cứ Quyết định số 505/QĐ-TTg ngày 22 tháng 4 năm 2022 của Thủ tướng Chính phủ về Ngày Chuyển đổi số quốc gia;',
    '',
    'UBND tỉnh ban hành Kế hoạch tổ chức Ngày Chuyển đổi số tỉnh năm 2023 với các nhiệm vụ tại Phụ lục kèm theo./.',
    '',
    'Nơi nhận:',
    '- Bộ Thông tin và Truyền thông;',
    '- Các sở, ban, ngành tỉnh;',
    '- Lưu: VT.',
    '',
    top('', 'TM. ỦY BAN NHÂN DÂN'),
    top('', 'KT. CHỦ TỊCH'),
    top('', 'PHÓ CHỦ TỊCH'),
    '',
    '',
    top('', 'Huỳnh Văn Sang'),
    '',
    'PHỤ LỤC',
    '(Kèm theo Kế hoạch số 64/KH-UBND ngày 12/4/2023 của UBND tỉnh Tây Ninh)',
    '',
    ...rows.map((r) =>
      r.length === 2 ? `${(r[0] ?? '').padEnd(widths[0] ?? 0)}${r[1] ?? ''}` : pad(r, widths),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

// ── 13. Word table split in two, header repeated, column-number row ─────────────────────────────

const WORD_SPLIT: DocSpec = {
  plan: {
    number: '77/KH-UBND',
    docType: 'KH',
    issuedOn: '2023-05-03',
    place: 'Tây Ninh',
    title: 'Nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2023',
    signer: 'Ngô Quang Vinh',
  },
  sections: [
    { code: 'I', title: 'Nâng cao hiệu quả tham gia của người dân ở cấp cơ sở' },
    { code: 'II', title: 'Công khai, minh bạch và trách nhiệm giải trình' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Tổ chức thực hiện tốt Luật Thực hiện dân chủ ở cơ sở',
      one('UBND các huyện, thị xã, thành phố'),
      one(SNV),
      ongoing('Thường xuyên'),
    ),
    task(
      'I',
      '2',
      'Công khai các khoản đóng góp của người dân tại cấp xã',
      one(HUYEN),
      one(STC),
      quarter(2, 2023),
    ),
    task('I', '3', 'Hướng dẫn tổ chức bầu cử trưởng ấp, khu phố', one(SNV), one(HUYEN), before(30, 6, 2023)),
    task(
      'I',
      '4',
      'Kiểm tra việc thực hiện quy chế dân chủ tại cơ sở',
      one(SNV),
      comma(HUYEN, TTT),
      quarter(3, 2023),
    ),
    task(
      'II',
      '1',
      'Công khai quy hoạch, kế hoạch sử dụng đất cấp huyện',
      one(STNMT),
      one(HUYEN),
      inMonth(7, 2023),
    ),
    task(
      'II',
      '2',
      'Công khai ngân sách nhà nước theo quy định',
      one(STC),
      one(SBN),
      every('Hằng quý', { every: 'quarter' }),
    ),
    task(
      'II',
      '3',
      'Tiếp công dân định kỳ và đột xuất',
      one(TTT),
      and(SBN, HUYEN),
      every('Định kỳ hằng tháng', { every: 'month' }),
    ),
    task(
      'II',
      '4',
      'Giải quyết khiếu nại, tố cáo đúng thời hạn',
      and(SBN, HUYEN),
      one(TTT),
      ongoing('Thường xuyên'),
    ),
    task(
      'II',
      '5',
      'Cập nhật thông tin trên Cổng thông tin điện tử của tỉnh',
      one(VP),
      one(STTTT),
      ongoing('Thường xuyên'),
    ),
    task(
      'II',
      '6',
      'Báo cáo kết quả cải thiện Chỉ số PAPI năm 2023',
      one(SNV),
      and(SBN, HUYEN),
      before(15, 12, 2023),
      { note: 'Gửi UBND tỉnh' },
    ),
  ],
};

const WORD_SPLIT_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 77/KH-UBND',
  placeDate: 'Tây Ninh, ngày 03 tháng 5 năm 2023',
  heading: 'KẾ HOẠCH',
  title: WORD_SPLIT.plan.title ?? '',
  bases: ['Căn cứ Kế hoạch số 87/KH-UBND ngày 13 tháng 01 năm 2021 của Chủ tịch UBND tỉnh;'],
  body: [
    'UBND tỉnh ban hành Kế hoạch nâng cao Chỉ số PAPI năm 2023 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Cải thiện điểm số và thứ hạng Chỉ số PAPI của tỉnh năm 2023.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo./.',
  ],
  recipients: ['- TT. Tỉnh ủy, TT. HĐND tỉnh;', '- Các sở, ban, ngành tỉnh;', '- Lưu: VT, VP.'],
  sign: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Ngô Quang Vinh',
  appendix: ['PHỤ LỤC', '(Kèm theo Kế hoạch số 77/KH-UBND ngày 03/5/2023 của UBND tỉnh Tây Ninh)'],
};

// ── 14. the seed plan printed to PDF (hand-rendered HTML: long rows break across pages) ─────────

const SEED_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 87/KH-UBND',
  placeDate: 'Tây Ninh, ngày 13 tháng 01 năm 2021',
  heading: 'KẾ HOẠCH',
  title: SEED.plan.title ?? '',
  bases: [
    'Căn cứ Chương trình hành động số 13-CTr/TU ngày 22 tháng 12 năm 2020 của Tỉnh ủy về việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025;',
    'Căn cứ Quyết định số 03/QĐ-UBND ngày 04 tháng 01 năm 2021 của UBND tỉnh về việc ban hành Chương trình công tác của Ủy ban nhân dân tỉnh năm 2021;',
  ],
  body: [
    'Chủ tịch UBND tỉnh lập kế hoạch xây dựng Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020-2025 về công tác CCHC và Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR index thực hiện trên địa bàn tỉnh Tây Ninh như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao hiệu quả thực hiện công tác CCHC tại các cơ quan, đơn vị trên địa bàn tỉnh Tây Ninh.',
    'II. NỘI DUNG CỤ THỂ',
    'Các nội dung công việc cụ thể, trách nhiệm của các cơ quan cũng như thời gian phải hoàn thành (Có phụ lục cụ thể kèm theo Kế hoạch này).',
    'III. TỔ CHỨC THỰC HIỆN',
    'Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này./.',
  ],
  recipients: [
    '- TT: TU, HĐND tỉnh;',
    '- CT, các Phó CT. UBND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- UBND các huyện, thị xã, thành phố;',
    '- LĐVP; KSTT;',
    '- Lưu: VT, VP.UBND tỉnh.',
  ],
  sign: ['CHỦ TỊCH'],
  signer: 'Nguyễn Mạnh Hùng',
  appendix: [
    'PHỤ LỤC',
    '(Ban hành kèm theo Kế hoạch số 87/KH-UBND ngày 13 tháng 01 năm 2021 của Chủ tịch UBND tỉnh Tây Ninh)',
  ],
};

const esc = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** A plan as a printed page: issuer block, body, signature, then the appendix table on a new page. */
function planHtml(front: Front, doc: DocSpec, columns: Col[], widths: number[]): string {
  const para = (text: string) =>
    /^(?:[IVX]+\.)/u.test(text) ? `<p><b>${esc(text)}</b></p>` : `<p class="body">${esc(text)}</p>`;
  const rows: string[] = [];
  for (const section of doc.sections) {
    rows.push(
      `<tr class="sec"><td>${section.code}</td><td colspan="${columns.length - 1}">${esc(sectionTitle(section))}</td></tr>`,
    );
    for (const t of doc.tasks.filter((x) => x.section === section.code)) {
      rows.push(
        `<tr>${columns.map((col) => `<td>${cellLines(t, col).map(esc).join('<br>')}</td>`).join('')}</tr>`,
      );
    }
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @bottom-center { content: counter(page); font: 11pt 'Liberation Serif'; } }
body { font: 13pt/1.3 'Liberation Serif', 'DejaVu Serif', serif; margin: 0; }
.top { width: 100%; border-collapse: collapse; } .top td { text-align: center; vertical-align: top; padding: 0; }
h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; } .title { text-align: center; font-weight: bold; margin: 0 0 12pt; }
p.body { text-align: justify; text-indent: 24pt; margin: 0 0 6pt; } p.basis { font-style: italic; }
.appendix { break-before: page; text-align: center; } .appendix p { margin: 0 0 4pt; }
table.tasks { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.25; margin-top: 10pt; }
.tasks th, .tasks td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
.tasks th { text-align: center; vertical-align: middle; } .tasks tr.sec td { font-weight: bold; }
</style></head><body>
<table class="top"><tr><td style="width:38%">${esc(front.issuer[0])}<br><b>${esc(front.issuer[1])}</b></td>
<td><b>${QUOC_HIEU}</b><br><b>${TIEU_NGU}</b></td></tr>
<tr><td>${esc(front.numberLine)}</td><td><i>${esc(front.placeDate)}</i></td></tr></table>
<h1>${esc(front.heading)}</h1><p class="title">${esc(front.title)}</p>
${front.bases.map((b) => `<p class="body basis">${esc(b)}</p>`).join('\n')}
${front.body.map(para).join('\n')}
<table class="top" style="margin-top:12pt"><tr><td style="width:50%;text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>${front.recipients.map(esc).join('<br>')}</td>
<td><b>${front.sign.map(esc).join('<br>')}</b><br><br><br><br><b>${esc(front.signer)}</b></td></tr></table>
<div class="appendix">${front.appendix.map((line) => (line.startsWith('(') ? `<p><i>${esc(line)}</i></p>` : `<p><b>${esc(line)}</b></p>`)).join('')}</div>
<table class="tasks"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${columns.map((col) => `<th>${COLUMN_TITLES[col]}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>`;
}

// ── 15, 16. merged cells and a two-row header, in Excel and in Word ─────────────────────────────

const CONG_AN = 'Công an tỉnh';
const DE_AN_06: DocSpec = {
  plan: {
    number: '142/KH-UBND',
    docType: 'KH',
    issuedOn: '2023-07-05',
    place: null,
    title: null,
    signer: null,
  },
  sections: [
    { code: 'I', title: 'Tuyên truyền và hướng dẫn người dân' },
    { code: 'II', title: 'Làm sạch, kết nối và khai thác dữ liệu' },
  ],
  tasks: [
    task(
      'I',
      '1',
      'Quán triệt, triển khai Đề án 06 đến cán bộ, công chức, viên chức',
      one(CONG_AN),
      semi(SBN, HUYEN),
      quarter(3, 2023),
    ),
    task(
      'I',
      '2',
      'Tuyên truyền lợi ích của tài khoản định danh điện tử trên các phương tiện thông tin đại chúng',
      one(CONG_AN),
      one(STTTT),
      quarter(3, 2023),
    ),
    task(
      'I',
      '3',
      'Hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2',
      one(CONG_AN),
      one('UBND các huyện, thị xã, thành phố'),
      ongoing('Thường xuyên'),
    ),
    task(
      'I',
      '4',
      'Tích hợp, xác thực dữ liệu dân cư với Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh',
      one(VP),
      paras(STTTT, CONG_AN),
      before(30, 9, 2023),
    ),
    task('I', '5', 'Làm sạch dữ liệu hộ tịch', one(STP), one(HUYEN), quarter(4, 2023), {
      note: 'Phối hợp Công an tỉnh',
    }),
    task(
      'II',
      '1',
      'Làm sạch dữ liệu bảo hiểm xã hội, bảo hiểm y tế',
      one('Bảo hiểm xã hội tỉnh'),
      one('Sở LĐ-TB&XH'),
      year(2023),
    ),
    task(
      'II',
      '2',
      'Số hóa dữ liệu đất đai gắn với dữ liệu dân cư',
      one(STNMT),
      one(CONG_AN),
      before(31, 12, 2023),
    ),
    task(
      'II',
      '3',
      'Cấp đổi giấy phép lái xe trên môi trường điện tử',
      one('Sở GTVT'),
      one(CONG_AN),
      before(31, 12, 2023),
    ),
    task(
      'II',
      '4',
      'Chi trả an sinh xã hội không dùng tiền mặt',
      one('Sở Lao động - Thương binh và Xã hội'),
      comma(STC, HUYEN),
      before(31, 12, 2023),
    ),
    task(
      'II',
      '5',
      'Khám chữa bệnh bằng thẻ căn cước công dân gắn chip',
      one(SYT),
      one('Bảo hiểm xã hội tỉnh'),
      before(31, 12, 2023),
    ),
    task(
      'II',
      '6',
      'Sơ kết việc thực hiện Đề án 06',
      one(CONG_AN),
      and(SBN, HUYEN),
      every('6 tháng', { every: 'half_year' }),
    ),
    task(
      'II',
      '7',
      'Báo cáo kết quả thực hiện Đề án 06',
      one(CONG_AN),
      one(SBN),
      every('Định kỳ hằng tháng, trước ngày 25', { every: 'month', day: 25 }),
    ),
  ],
};
const DE_AN_06_SPANS: RowSpan[] = [
  { col: 'lead', first: 'I.1', count: 3 },
  { col: 'deadline', first: 'I.1', count: 2 },
  { col: 'support', first: 'II.2', count: 2 },
  { col: 'deadline', first: 'II.2', count: 4 },
  { col: 'lead', first: 'II.6', count: 2 },
];
const DE_AN_06_SHEET: SheetOptions = {
  columns: ['no', 'content', 'lead', 'support', 'deadline', 'note'],
  titleRows: [
    'PHỤ LỤC',
    'NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06 NĂM 2023',
    '(Kèm theo Kế hoạch số 142/KH-UBND ngày 05/7/2023 của UBND tỉnh Tây Ninh)',
  ],
  sectionStyle: 'code-merged',
  groupedHeader: true,
  rowSpans: DE_AN_06_SPANS,
};

const DE_AN_06_WORD: DocSpec = {
  ...DE_AN_06,
  plan: {
    number: '142/KH-UBND',
    docType: 'KH',
    issuedOn: '2023-07-05',
    place: 'Tây Ninh',
    title:
      'Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06) năm 2023',
    signer: 'Đặng Văn Khoa',
  },
};
const DE_AN_06_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
  numberLine: 'Số: 142/KH-UBND',
  placeDate: 'Tây Ninh, ngày 05 tháng 7 năm 2023',
  heading: 'KẾ HOẠCH',
  title: DE_AN_06_WORD.plan.title ?? '',
  bases: [
    'Căn cứ Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030;',
  ],
  body: [
    'UBND tỉnh ban hành Kế hoạch triển khai Đề án 06 năm 2023 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Khai thác hiệu quả Cơ sở dữ liệu quốc gia về dân cư phục vụ giải quyết thủ tục hành chính và dịch vụ công trực tuyến.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo; Công an tỉnh tổng hợp, báo cáo UBND tỉnh./.',
  ],
  recipients: [
    '- Bộ Công an;',
    '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- Lưu: VT, VP.',
  ],
  sign: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Đặng Văn Khoa',
  appendix: [
    'PHỤ LỤC',
    'NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06 NĂM 2023',
    '(Kèm theo Kế hoạch số 142/KH-UBND ngày 05/7/2023 của UBND tỉnh Tây Ninh)',
  ],
};

// ── main ────────────────────────────────────────────────────────────────────────────────────────

function writeExpected(name: string, doc: DocSpec): void {
  writeFileSync(join(OUT, `${name}.expected.json`), `${JSON.stringify(expectedOf(doc), null, 2)}\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  const out = (file: string) => {
    written.push(file);
    return join(OUT, file);
  };

  // 1
  writeFileSync(
    out('seed-87-kh-ubnd.txt'),
    readFileSync(join(SEED_DIR, 'ke-hoach-87-KH-UBND-2021-tay-ninh.txt')),
  );
  writeExpected('seed-87-kh-ubnd', SEED);

  // 2, 3
  const merged = await wordMerged();
  writeFileSync(out('word-merged-cells.docx'), merged);
  writeExpected('word-merged-cells', WORD_MERGED);
  await docxToPdf(merged, out('word-merged-cells.pdf'));

  // 4, 5
  const reordered = sheetGrid(EXCEL_REORDERED, EXCEL_REORDERED_SHEET);
  writeFileSync(out('excel-reordered.xlsx'), await xlsxBytes(reordered, EXCEL_REORDERED_SHEET, 'Phụ lục'));
  writeFileSync(out('excel-reordered.csv'), csvText(reordered));
  writeExpected('excel-reordered', EXCEL_REORDERED);

  // 6
  writeFileSync(
    out('recurring-deadlines.docx'),
    await docxBytes([
      ...frontDocx(RECURRING_FRONT, 'paragraphs'),
      ...wordTables(RECURRING, {
        columns: ['no', 'content', 'lead', 'support', 'deadline', 'note'],
        sectionStyle: 'code',
      }),
    ]),
  );
  writeExpected('recurring-deadlines', RECURRING);

  // 7
  writeFileSync(out('other-province.txt'), otherProvinceText());
  writeExpected('other-province', OTHER_PROVINCE);

  // 8
  writeFileSync(out('ocr-noise.txt'), ocrNoiseText());
  writeExpected('ocr-noise', OCR_NOISE);

  // 9
  const three = sheetGrid(THREE_SECTIONS, THREE_SECTIONS_SHEET);
  writeFileSync(out('three-sections-160.xlsx'), await xlsxBytes(three, THREE_SECTIONS_SHEET, 'Phụ lục'));
  writeExpected('three-sections-160', THREE_SECTIONS);

  // 10
  writeFileSync(
    out('quyet-dinh-appendix.docx'),
    await docxBytes([
      ...frontDocx(QUYET_DINH_FRONT, 'table'),
      ...wordTables(QUYET_DINH, {
        columns: ['no', 'content', 'lead', 'support', 'deadline', 'product'],
        titles: { content: 'Nhiệm vụ, giải pháp', deadline: 'Thời gian thực hiện' },
        sectionStyle: 'code',
      }),
    ]),
  );
  writeExpected('quyet-dinh-appendix', QUYET_DINH);

  // 11
  const big = sheetGrid(APPENDIX_300, APPENDIX_300_SHEET);
  writeFileSync(out('appendix-300.xlsx'), await xlsxBytes(big, APPENDIX_300_SHEET, 'Sheet1'));
  writeExpected('appendix-300', APPENDIX_300);

  // 12
  writeFileSync(out('spaces-not-tabs.txt'), spacesText());
  writeExpected('spaces-not-tabs', SPACES);

  // 13
  writeFileSync(
    out('word-split-table.docx'),
    await docxBytes([
      ...frontDocx(WORD_SPLIT_FRONT, 'table'),
      ...wordTables(WORD_SPLIT, {
        columns: ['no', 'content', 'lead', 'support', 'deadline', 'note'],
        sectionStyle: 'merged',
        columnNumbers: true,
        splitBefore: 'II.3',
      }),
    ]),
  );
  writeExpected('word-split-table', WORD_SPLIT);

  // 14
  printToPdf(
    planHtml(
      SEED_FRONT,
      SEED,
      ['no', 'content', 'lead', 'support', 'deadline', 'note'],
      [6, 42, 15, 16, 13, 8],
    ),
    out('seed-87-printed.pdf'),
  );
  writeExpected('seed-87-printed', SEED);

  // 15
  const merged06 = sheetGrid(DE_AN_06, DE_AN_06_SHEET);
  writeFileSync(out('excel-merged-cells.xlsx'), await xlsxBytes(merged06, DE_AN_06_SHEET, 'Phụ lục'));
  writeExpected('excel-merged-cells', DE_AN_06);

  // 16, 17 (the PDF made from the .docx like fixture 3)
  const grouped = await docxBytes([
    ...frontDocx(DE_AN_06_FRONT, 'table'),
    ...wordTables(DE_AN_06_WORD, {
      columns: ['no', 'content', 'lead', 'support', 'deadline', 'note'],
      sectionStyle: 'code',
      groupedHeader: true,
      rowSpans: DE_AN_06_SPANS,
    }),
  ]);
  writeFileSync(out('word-grouped-header.docx'), grouped);
  await docxToPdf(grouped, out('word-grouped-header.pdf'));
  writeExpected('word-grouped-header', DE_AN_06_WORD);

  // biome formats the JSON of test/**: format the expected files the same way, so a rerun is a no-op.
  execFileSync('npx', ['biome', 'format', '--write', OUT], { cwd: ROOT, stdio: 'ignore' });
  console.log(`${written.length} fixtures written to ${OUT}:\n  ${written.join('\n  ')}`);
}

await main();
