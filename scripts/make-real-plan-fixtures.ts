/**
 * Builds the "real plan" accuracy fixtures of issue #13, test/fixtures/import/real-*: documents shaped
 * like the plans Offices really receive (tasks written as prose, a table printed in a Công báo with
 * wrapped cells and running headers, a PDF whose text layer has letters split into spaced runs, a
 * scan, text copied from a web page), each with `<name>.expected.json` written from the spec below —
 * the truth put into the document, as a careful clerk would type it, never the parser's output.
 *   node --import tsx scripts/make-real-plan-fixtures.ts
 * The fixtures (each failure mode of #13 in the formats where it occurs):
 *   real-prose-quyet-dinh.{txt,docx,pdf}  a provincial Quyết định issuing a plan written as prose (21 tasks)
 *   real-prose-ministry.{txt,docx}        a Government Nghị quyết, its action programme as prose, read
 *                                         against the `government` reference directory (22 tasks)
 *   real-table-gazette.{pdf,docx}         a table plan as a Công báo prints it: running header with the
 *                                         issue's page number, page-number footer, wrapped cells, STT
 *                                         centred, 5 pages (20 tasks)
 *   real-fallback-font.pdf                letters in runs split where a fallback font takes over (8 tasks)
 *   real-scan.pdf                         a printed page rasterised at 200 dpi, tilted, noisy, no text
 *                                         layer (7 tasks, "ocr": true)
 *   real-web-pipes.txt, real-web-spaces.txt  a plan copied from a web page (10 tasks)
 * Also writes test/fixtures/ocr/real-scan-blank.pdf and real-scan-english.pdf (inputs of the OCR
 * reader's bad-input tests, no expected JSON).
 * Deterministic: noise uses a seeded PRNG, zip entry dates and document dates are pinned, and the
 * PDFs' dates and ids are fixed. Needs Debian's Chromium (the printed PDFs) and pdftoppm (the scan).
 *
 * Truth conventions (those of scripts/make-import-fixtures.ts, plus the shared contract of #13):
 * - lead/support: the directory's canonical name when the text names an agency or group of the
 *   fixture's directory (exactly or by alias, any case), the name as written otherwise; a shared
 *   prefix expands ("Các Bộ: Quốc phòng, Xây dựng" → "Bộ Quốc phòng", "Bộ Xây dựng"), order as written;
 * - prose plans: a task is an item that assigns work (names a lead agency); `no` is the item's number,
 *   "2a" for a lettered sub-item of item 2, "3.1", "3.2" … for the assigning dash items of item 3;
 *   `sections` are the roman-numbered headings that hold tasks (the "Mục đích, yêu cầu" and
 *   "Tổ chức thực hiện" headings hold none); attribute lines are not content; content of an inline
 *   assigning item is the text before ", giao"/"; giao";
 * - deadlineText as written: after "Thời gian hoàn thành:"/"Thời hạn:" with its final '.', or for an
 *   inline clause from "trước ngày"/"trong năm"/"trong quý" … to the end, without "hoàn thành" and '.';
 * - dueOn / recurrence: docs/domain-rules.md plus the #13 forms ("Tháng 6/2022 và tháng 12/2022" →
 *   every 'dates'; "Năm 2025 và các năm tiếp theo" → every year from 2025; "Cả năm" → 31/12 of the
 *   plan's year; an ongoing task with a dated milestone is due at the milestone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  canonicalIn,
  type DirectoryJson,
  FONT,
  type Front,
  type Grey,
  LINE,
  layoutTable,
  mulberry32,
  type Pdf,
  type POptions,
  p,
  pdfBytes,
  pinZip,
  pngBytes,
  printToPdf,
  QUOC_HIEU,
  readPgm,
  type Sign,
  scannedPdf,
  TIEU_NGU,
} from './fixture-kit.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/import');
const OCR_OUT = join(ROOT, 'test/fixtures/ocr');
const SEED_DIR = join(ROOT, 'src/modules/demo/seed');
const SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const SERIF_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';
const SERIF_ITALIC = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf';
const SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SANS_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SANS_ITALIC = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf';

// ── expected JSON (the shape of ExpectedFixture in scripts/import-accuracy.ts) ───────────────────

type Recurrence =
  | { every: 'year' | 'half_year' | 'quarter' | 'month'; month?: number; day?: number; fromYear?: number }
  | { every: 'dates'; dates: string[] }
  | { kind: 'ongoing' }
  | null;

interface PlanHeader {
  number: string | null;
  docType: string;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  signer: string | null;
}

interface ExpectedTask {
  section: string;
  no: string;
  content: string;
  lead: string[];
  support: string[];
  deadlineText: string;
  dueOn: string | null;
  recurrence: Recurrence;
  product: string | null;
  note: string;
}

interface Expected {
  directory?: string;
  place?: string;
  ocr?: boolean;
  plan: PlanHeader;
  sections: { code: string; title: string }[];
  tasks: ExpectedTask[];
}

// ── directories: written name → canonical name ─────────────────────────────────────────────────

const TAY_NINH = JSON.parse(
  readFileSync(join(SEED_DIR, 'tay-ninh-2021-directory.json'), 'utf8'),
) as DirectoryJson;

/**
 * The names of the Government reference directory this file uses (the shared contract of #13 fixes
 * the canonical names and these short forms), written out here so the truth does not depend on the
 * data file another part of #13 ships.
 */
const GOVERNMENT: DirectoryJson = {
  agencies: [
    { name: 'Bộ Kế hoạch và Đầu tư', aliases: ['Bộ KH&ĐT', 'Bộ KHĐT'] },
    { name: 'Bộ Thông tin và Truyền thông', aliases: ['Bộ TT&TT'] },
    { name: 'Bộ Lao động - Thương binh và Xã hội', aliases: ['Bộ LĐTBXH'] },
    { name: 'Bộ Văn hóa, Thể thao và Du lịch', aliases: ['Bộ VHTTDL'] },
    { name: 'Bộ Khoa học và Công nghệ', aliases: ['Bộ KH&CN'] },
    { name: 'Bộ Tài nguyên và Môi trường', aliases: ['Bộ TN&MT'] },
    { name: 'Bộ Giáo dục và Đào tạo', aliases: ['Bộ GD&ĐT'] },
    { name: 'Văn phòng Chính phủ', aliases: ['VPCP'] },
    { name: 'Ngân hàng Nhà nước Việt Nam', aliases: ['NHNN'] },
  ],
  groups: [
    {
      name: 'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      aliases: ['Các bộ, ngành', 'các bộ, ngành liên quan', 'Các bộ, cơ quan ngang bộ'],
    },
    {
      name: 'UBND các tỉnh, thành phố trực thuộc trung ương',
      aliases: [
        'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương',
        'các địa phương',
        'UBND cấp tỉnh',
      ],
    },
  ],
};

/** Agencies as the document writes them and the names they stand for. */
interface Names {
  written: string;
  truth: string[];
}
/** One name as written, or a written phrase with the names it expands to (a shared prefix). */
type Name = string | readonly [written: string, truth: string[]];

function namesIn(directory: DirectoryJson) {
  return (sep: string, ...items: Name[]): Names => ({
    written: items.map((item) => (typeof item === 'string' ? item : item[0])).join(sep),
    truth: items.flatMap((item) => (typeof item === 'string' ? [canonicalIn(directory, item)] : item[1])),
  });
}
const tn = namesIn(TAY_NINH);
const gov = namesIn(GOVERNMENT);
const NOBODY: Names = { written: '', truth: [] };

// ── deadlines ───────────────────────────────────────────────────────────────────────────────────

interface Deadline {
  text: string;
  dueOn: string | null;
  recurrence: Recurrence;
}
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number) => iso(y, m, lastDay(y, m));
const on = (text: string, dueOn: string): Deadline => ({ text, dueOn, recurrence: null });
const ongoing = (text: string): Deadline => ({ text, dueOn: null, recurrence: { kind: 'ongoing' } });
const yearly = (text: string): Deadline => ({ text, dueOn: null, recurrence: { every: 'year' } });
const onDates = (text: string, ...dates: string[]): Deadline => ({
  text,
  dueOn: null,
  recurrence: { every: 'dates', dates },
});
const fromYear = (text: string, y: number): Deadline => ({
  text,
  dueOn: null,
  recurrence: { every: 'year', fromYear: y },
});
const ROMAN_Q = ['I', 'II', 'III', 'IV'] as const;
const quarterEnd = (q: 1 | 2 | 3 | 4, y: number) => monthEnd(y, q * 3);
const quarter = (q: 1 | 2 | 3 | 4, y: number, dot = '.') =>
  on(`Quý ${ROMAN_Q[q - 1]}/${y}${dot}`, quarterEnd(q, y));
const inYear = (y: number, dot = '.') => on(`Trong năm ${y}${dot}`, iso(y, 12, 31));

// ── prose documents ─────────────────────────────────────────────────────────────────────────────

/** A paragraph of a document body, with how it is printed. */
interface Block {
  text: string;
  style: 'heading' | 'subheading' | 'body' | 'attr' | 'basis' | 'center' | 'center-bold' | 'center-italic';
  pageBreakBefore?: boolean;
}

/** How an item says who does it and by when. */
type Assign =
  | {
      /** "- Cơ quan thực hiện: X chủ trì, phối hợp với Y." */
      form: 'exec';
      lead: Names;
      support: Names;
      deadline: Deadline;
      deadlineLabel?: string;
      product?: string;
    }
  | {
      /** "- Đơn vị chủ trì: X." / "- Đơn vị phối hợp: Y." (or "Cơ quan …") */
      form: 'labels';
      labels: 'Đơn vị' | 'Cơ quan';
      lead: Names;
      support: Names;
      deadline: Deadline;
      deadlineLabel?: string;
      product?: string;
    }
  | {
      /** "…, giao X chủ trì, phối hợp với Y thực hiện, hoàn thành <deadline>." */
      form: 'inline';
      joiner: ', giao' | '; giao';
      lead: Names;
      support: Names;
      deadline: Deadline;
    };

class ProseDoc {
  readonly blocks: Block[] = [];
  readonly tasks: ExpectedTask[] = [];
  private readonly titles = new Map<string, string>();
  private section = '';

  add(text: string, style: Block['style'] = 'body', pageBreakBefore = false): this {
    this.blocks.push({ text, style, pageBreakBefore });
    return this;
  }

  /** A roman-numbered heading "II. TITLE". */
  heading(code: string, title: string): this {
    this.section = code;
    this.titles.set(code, title);
    return this.add(`${code}. ${title}`, 'heading');
  }

  /**
   * An item that assigns work: `marker` is how it is numbered in the text ("1.", "a)", "-"),
   * `no` its task number.
   */
  item(marker: string, no: string, content: string, assign: Assign): this {
    const style: Block['style'] = 'body';
    const attrs: string[] = [];
    if (assign.form === 'inline') {
      const support = assign.support.written ? `, phối hợp với ${assign.support.written}` : '';
      this.add(
        `${marker} ${content}${assign.joiner} ${assign.lead.written} chủ trì${support} thực hiện, hoàn thành ${assign.deadline.text}.`,
        style,
      );
    } else {
      this.add(`${marker} ${content}`, style);
      if (assign.form === 'exec') {
        const support = assign.support.written ? `, phối hợp với ${assign.support.written}` : '';
        attrs.push(`Cơ quan thực hiện: ${assign.lead.written} chủ trì${support}.`);
      } else {
        attrs.push(`${assign.labels} chủ trì: ${assign.lead.written}.`);
        if (assign.support.written) attrs.push(`${assign.labels} phối hợp: ${assign.support.written}.`);
      }
      attrs.push(`${assign.deadlineLabel ?? 'Thời gian hoàn thành'}: ${assign.deadline.text}`);
      if (assign.product) attrs.push(`Sản phẩm: ${assign.product}.`);
      for (const line of attrs) this.add(`- ${line}`, 'attr');
    }
    this.tasks.push({
      section: this.section,
      no,
      content: content.replace(/\s+/gu, ' ').trim(),
      lead: assign.lead.truth,
      support: assign.support.truth,
      deadlineText: assign.deadline.text,
      dueOn: assign.deadline.dueOn,
      recurrence: assign.deadline.recurrence,
      product: assign.form !== 'inline' && assign.product ? assign.product : null,
      note: '',
    });
    return this;
  }

  /** The roman-numbered headings that hold tasks, in order. */
  sections(): { code: string; title: string }[] {
    const used = new Set(this.tasks.map((t) => t.section));
    return [...this.titles].filter(([code]) => used.has(code)).map(([code, title]) => ({ code, title }));
  }
}

interface ProsePlan {
  name: string;
  expected: Expected;
  front: Front;
  /** blocks between the title and the signature (preamble, căn cứ, articles) */
  decision: Block[];
  sign: Sign;
  /** the plan issued with the decision (its own heading, then the prose items) */
  body: ProseDoc;
}

// ── 1. a provincial Quyết định whose plan is written as prose (Tây Ninh, 2021) ──────────────────

const SNV = 'Sở Nội vụ';
const STP = 'Sở Tư pháp';
const STC = 'Sở Tài chính';
const VP = 'Văn phòng UBND tỉnh';
const STTTT = 'Sở Thông tin và Truyền thông';
const SBN = 'các sở, ban, ngành tỉnh';
const HUYEN = 'UBND cấp huyện';

const QD_TITLE =
  'Ban hành Kế hoạch triển khai thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh';

function quyetDinhBody(): ProseDoc {
  const d = new ProseDoc();
  d.add('KẾ HOẠCH', 'center-bold', true)
    .add(
      'Triển khai thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh',
      'center-bold',
    )
    .add(
      '(Ban hành kèm theo Quyết định số 2215/QĐ-UBND ngày 20 tháng 9 năm 2021 của Chủ tịch UBND tỉnh Tây Ninh)',
      'center-italic',
    )
    .heading('I', 'MỤC ĐÍCH, YÊU CẦU')
    .add('1. Mục đích', 'subheading')
    .add(
      '- Triển khai thực hiện có hiệu quả Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; xác định rõ nhiệm vụ trọng tâm, giải pháp và trách nhiệm của từng cơ quan, đơn vị, địa phương.',
    )
    .add(
      '- Xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực kiến tạo phát triển, liêm chính, phục vụ Nhân dân; cải thiện thứ hạng Chỉ số cải cách hành chính (PAR Index) và Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh.',
    )
    .add('2. Yêu cầu', 'subheading')
    .add(
      '- Các nhiệm vụ cải cách hành chính phải gắn với nhiệm vụ chính trị, kế hoạch phát triển kinh tế - xã hội của từng cơ quan, đơn vị, địa phương; bảo đảm đúng tiến độ, chất lượng, hiệu quả.',
    )
    .add(
      '- Thủ trưởng các cơ quan, đơn vị, địa phương trực tiếp chỉ đạo và chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện cải cách hành chính tại cơ quan, đơn vị, địa phương mình.',
    )
    .heading('II', 'NHIỆM VỤ TRỌNG TÂM')
    .add('1. Cải cách thể chế', 'subheading')
    .item(
      'a)',
      '1a',
      'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành; kịp thời kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ các văn bản không còn phù hợp',
      {
        form: 'exec',
        lead: tn('', STP),
        support: tn('; ', SBN, HUYEN),
        deadline: quarter(4, 2021),
        product: 'Báo cáo kết quả rà soát, hệ thống hóa văn bản',
      },
    )
    .item(
      'b)',
      '1b',
      'Nâng cao chất lượng công tác xây dựng, thẩm định văn bản quy phạm pháp luật của tỉnh, bảo đảm tính hợp hiến, hợp pháp và tính thống nhất của hệ thống pháp luật',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: tn('', STP),
        support: tn('', VP),
        deadline: ongoing('Thường xuyên.'),
      },
    )
    .item(
      'c)',
      '1c',
      'Kiểm tra tình hình thi hành pháp luật về xử lý vi phạm hành chính tại các sở, ngành và địa phương',
      {
        form: 'exec',
        lead: tn('', STP),
        support: tn(', ', 'Công an tỉnh', 'Thanh tra tỉnh'),
        deadline: onDates('Tháng 6/2022 và tháng 12/2022.', '2022-06-30', '2022-12-31'),
      },
    )
    .add('2. Cải cách thủ tục hành chính', 'subheading')
    .item(
      'a)',
      '2a',
      'Rà soát, đơn giản hóa thủ tục hành chính, cắt giảm ít nhất 20% thời gian giải quyết đối với các thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh',
      {
        form: 'exec',
        lead: tn('', VP),
        support: tn('', SBN),
        deadline: inYear(2022),
        product: 'Quyết định phê duyệt phương án đơn giản hóa thủ tục hành chính',
      },
    )
    .item(
      'b)',
      '2b',
      'Công bố, công khai đầy đủ, kịp thời danh mục thủ tục hành chính trên Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: tn('', VP),
        support: NOBODY,
        deadline: ongoing('Thường xuyên.'),
      },
    )
    .item(
      'c)',
      '2c',
      'Triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa các cấp',
      {
        form: 'inline',
        joiner: ', giao',
        lead: tn('', STTTT),
        support: tn(' và ', VP, HUYEN),
        deadline: on('trong năm 2022', '2022-12-31'),
      },
    )
    .item(
      'd)',
      '2d',
      'Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực lao động, người có công và xã hội',
      {
        form: 'exec',
        lead: tn('', 'Sở Lao động - Thương binh và Xã hội'),
        support: tn('; ', STC, HUYEN),
        deadline: inYear(2021),
      },
    )
    .add('3. Cải cách tổ chức bộ máy hành chính nhà nước', 'subheading')
    .add(
      'Tiếp tục rà soát, sắp xếp tổ chức bộ máy của các cơ quan hành chính nhà nước theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả, cụ thể:',
    )
    .item(
      '-',
      '3.1',
      'Rà soát, sắp xếp các phòng chuyên môn thuộc sở, ban, ngành tỉnh và các cơ quan chuyên môn thuộc UBND cấp huyện theo quy định của Chính phủ',
      {
        form: 'inline',
        joiner: '; giao',
        lead: tn('', SNV),
        support: tn('', 'các cơ quan liên quan'),
        deadline: on('trước ngày 30/11/2021', '2021-11-30'),
      },
    )
    .add(
      '- Thực hiện tinh giản biên chế theo lộ trình được cấp có thẩm quyền phê duyệt, bảo đảm đến năm 2026 giảm ít nhất 5% biên chế công chức so với năm 2021.',
    )
    .item(
      '-',
      '3.2',
      'Sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập theo hướng tinh gọn, tăng cường tự chủ tài chính',
      {
        form: 'inline',
        joiner: '; giao',
        lead: tn('', SNV),
        support: tn(' và ', STC, 'Sở Kế hoạch và Đầu tư'),
        deadline: on('trong năm 2022', '2022-12-31'),
      },
    )
    .add('4. Cải cách chế độ công vụ', 'subheading')
    .item(
      'a)',
      '4a',
      'Xây dựng, hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, cơ cấu chức danh nghề nghiệp viên chức của các cơ quan, đơn vị thuộc tỉnh',
      {
        form: 'exec',
        lead: tn('', SNV),
        support: tn('; ', SBN, HUYEN),
        deadline: inYear(2022),
        product: 'Quyết định phê duyệt vị trí việc làm',
      },
    )
    .item(
      'b)',
      '4b',
      'Tổ chức bồi dưỡng kiến thức, kỹ năng cho cán bộ, công chức làm công tác cải cách hành chính và kiểm soát thủ tục hành chính',
      {
        form: 'labels',
        labels: 'Cơ quan',
        lead: tn('', SNV),
        support: tn('', VP),
        deadline: yearly('Hằng năm.'),
      },
    )
    .add('5. Cải cách tài chính công', 'subheading')
    .item(
      'a)',
      '5a',
      'Triển khai cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập theo Nghị định số 60/2021/NĐ-CP ngày 21 tháng 6 năm 2021 của Chính phủ',
      {
        form: 'exec',
        lead: tn('', STC),
        support: tn('; ', SBN, HUYEN),
        deadline: quarter(1, 2022),
      },
    )
    .item('b)', '5b', 'Tăng cường kiểm tra việc quản lý, sử dụng tài sản công tại các cơ quan, đơn vị', {
      form: 'exec',
      lead: tn('', STC),
      support: tn('', 'Thanh tra tỉnh'),
      deadline: onDates('Tháng 6/2022 và tháng 12/2022.', '2022-06-30', '2022-12-31'),
    })
    .add('6. Xây dựng, phát triển Chính quyền điện tử, Chính quyền số', 'subheading')
    .item(
      'a)',
      '6a',
      'Nâng cấp Hệ thống quản lý văn bản và điều hành, bảo đảm liên thông gửi, nhận văn bản điện tử 4 cấp chính quyền',
      {
        form: 'exec',
        lead: tn('', STTTT),
        support: tn('', VP),
        deadline: quarter(2, 2022),
        product: 'Hệ thống được nâng cấp, vận hành',
      },
    )
    .item(
      'b)',
      '6b',
      'Xây dựng Kho dữ liệu dùng chung của tỉnh, kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia',
      {
        form: 'inline',
        joiner: ', giao',
        lead: tn('', STTTT),
        support: tn('', SBN),
        deadline: on('trong quý IV/2022', '2022-12-31'),
      },
    )
    .item(
      'c)',
      '6c',
      'Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện',
      {
        form: 'exec',
        lead: tn(', ', VP, STTTT),
        support: tn('; ', SBN, HUYEN),
        deadline: on('Trước ngày 31/12/2021.', '2021-12-31'),
      },
    )
    .heading('III', 'GIẢI PHÁP THỰC HIỆN')
    .item(
      '1.',
      '1',
      'Tăng cường thông tin, tuyên truyền về cải cách hành chính trên Báo Tây Ninh, Đài Phát thanh và Truyền hình Tây Ninh và Cổng Thông tin điện tử tỉnh',
      {
        form: 'inline',
        joiner: ', giao',
        lead: tn('', STTTT),
        support: tn('', 'Đài Phát thanh và Truyền hình Tây Ninh'),
        deadline: on('trong quý IV/2021', '2021-12-31'),
      },
    )
    .item('2.', '2', 'Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương', {
      form: 'labels',
      labels: 'Cơ quan',
      lead: tn('', SNV),
      support: tn(', ', VP, STP, STTTT),
      deadline: yearly('Hằng năm.'),
      deadlineLabel: 'Thời hạn',
    })
    .item(
      '3.',
      '3',
      'Khảo sát, đo lường mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh',
      {
        form: 'exec',
        lead: tn('', VP),
        support: tn('', ['Sở Tư pháp, Nội vụ', [STP, SNV]]),
        deadline: on('Tháng 11/2021.', '2021-11-30'),
        product: 'Báo cáo kết quả khảo sát',
      },
    )
    .item(
      '4.',
      '4',
      'Bảo đảm kinh phí thực hiện các nhiệm vụ cải cách hành chính trong dự toán ngân sách hằng năm của các cơ quan, đơn vị',
      {
        form: 'inline',
        joiner: '; giao',
        lead: tn('', STC),
        support: tn('', 'Sở Kế hoạch và Đầu tư'),
        deadline: on('trước ngày 31/12/2021', '2021-12-31'),
      },
    )
    .item(
      '5.',
      '5',
      'Xây dựng Bộ chỉ số đánh giá kết quả cải cách hành chính của các sở, ban, ngành tỉnh và UBND cấp huyện',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: tn('', SNV),
        support: tn('', 'Liên đoàn Lao động tỉnh'),
        deadline: quarter(3, 2022),
        product: 'Quyết định ban hành Bộ chỉ số',
      },
    )
    .heading('IV', 'TỔ CHỨC THỰC HIỆN')
    .add(
      '1. Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố căn cứ Kế hoạch này chủ động tổ chức triển khai thực hiện tại cơ quan, đơn vị, địa phương mình.',
    )
    .add(
      '2. Sở Nội vụ là cơ quan thường trực, giúp Chủ tịch UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tổng hợp, báo cáo kết quả theo quy định.',
    )
    .add(
      '3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo./.',
    );
  return d;
}

function quyetDinh(): ProsePlan {
  const body = quyetDinhBody();
  return {
    name: 'real-prose-quyet-dinh',
    expected: {
      plan: {
        number: '2215/QĐ-UBND',
        docType: 'QĐ',
        issuedOn: '2021-09-20',
        place: 'Tây Ninh',
        title: QD_TITLE,
        signer: 'Nguyễn Hoàng Phúc',
      },
      sections: body.sections(),
      tasks: body.tasks,
    },
    front: {
      issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
      numberLine: 'Số: 2215/QĐ-UBND',
      placeDate: 'Tây Ninh, ngày 20 tháng 9 năm 2021',
      heading: 'QUYẾT ĐỊNH',
      title: [QD_TITLE],
    },
    decision: [
      { text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH', style: 'center-bold' },
      {
        text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
        style: 'basis',
      },
      {
        text: 'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;',
        style: 'basis',
      },
      {
        text: 'Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1836/TTr-SNV ngày 10 tháng 9 năm 2021.',
        style: 'basis',
      },
      { text: 'QUYẾT ĐỊNH:', style: 'center-bold' },
      {
        text: `Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh.`,
        style: 'body',
      },
      { text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', style: 'body' },
      {
        text: 'Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.',
        style: 'body',
      },
    ],
    sign: {
      recipients: [
        '- Như Điều 3;',
        '- Bộ Nội vụ;',
        '- TT. Tỉnh ủy, TT. HĐND tỉnh;',
        '- CT, các PCT UBND tỉnh;',
        '- LĐVP, P. KSTT;',
        '- Lưu: VT, VP.',
      ],
      lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      signer: 'Nguyễn Hoàng Phúc',
    },
    body,
  };
}

// ── 2. a Government Nghị quyết with its Chương trình hành động written as prose (2024) ──────────

const MINISTRY_TITLE = [
  'BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 41-NQ/TW',
  'NGÀY 10 THÁNG 10 NĂM 2023 CỦA BỘ CHÍNH TRỊ VỀ XÂY DỰNG VÀ PHÁT HUY VAI TRÒ',
  'CỦA ĐỘI NGŨ DOANH NHÂN VIỆT NAM TRONG THỜI KỲ MỚI',
];
const BKHDT = 'Bộ Kế hoạch và Đầu tư';
const BTC = 'Bộ Tài chính';
const BTP = 'Bộ Tư pháp';
const BCT = 'Bộ Công Thương';
const BCA = 'Bộ Công an';
const BNV = 'Bộ Nội vụ';
const BKHCN = 'Bộ Khoa học và Công nghệ';
const BVHTTDL = 'Bộ Văn hóa, Thể thao và Du lịch';
const BLDTBXH = 'Bộ Lao động - Thương binh và Xã hội';
const BGDDT = 'Bộ Giáo dục và Đào tạo';
const CAC_BO = 'Các bộ, ngành';
const DIA_PHUONG = 'các địa phương';
const UBND_TINH = 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương';
const VCCI = 'Liên đoàn Thương mại và Công nghiệp Việt Nam';
const HIEP_HOI = 'Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam';
const THREE_MINISTRIES: Name = [
  'Các Bộ: Quốc phòng, Xây dựng, Tài nguyên và Môi trường',
  ['Bộ Quốc phòng', 'Bộ Xây dựng', 'Bộ Tài nguyên và Môi trường'],
];

function ministryBody(): ProseDoc {
  const d = new ProseDoc();
  d.add('CHƯƠNG TRÌNH HÀNH ĐỘNG', 'center-bold', true)
    .add(
      'CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 41-NQ/TW NGÀY 10 THÁNG 10 NĂM 2023 CỦA BỘ CHÍNH TRỊ VỀ XÂY DỰNG VÀ PHÁT HUY VAI TRÒ CỦA ĐỘI NGŨ DOANH NHÂN VIỆT NAM TRONG THỜI KỲ MỚI',
      'center-bold',
    )
    .add('(Kèm theo Nghị quyết số 12/NQ-CP ngày 05 tháng 02 năm 2024 của Chính phủ)', 'center-italic')
    .heading('I', 'MỤC TIÊU, YÊU CẦU')
    .add('1. Mục tiêu', 'subheading')
    .add(
      'Xây dựng đội ngũ doanh nhân Việt Nam lớn mạnh, có tinh thần cống hiến vì dân tộc, có đạo đức, văn hóa kinh doanh và trách nhiệm xã hội cao; phấn đấu đến năm 2030 có ít nhất 2 triệu doanh nghiệp hoạt động trong nền kinh tế.',
    )
    .add('2. Yêu cầu', 'subheading')
    .add(
      '- Bám sát quan điểm, mục tiêu, nhiệm vụ và giải pháp nêu tại Nghị quyết số 41-NQ/TW; xác định cụ thể nhiệm vụ, thời hạn và trách nhiệm của các bộ, cơ quan và địa phương.',
    )
    .add(
      '- Bảo đảm sự phối hợp chặt chẽ giữa các bộ, ngành, địa phương với các hiệp hội doanh nghiệp trong quá trình triển khai thực hiện.',
    )
    .heading('II', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU')
    .add('1. Thống nhất nhận thức về vị trí, vai trò của đội ngũ doanh nhân', 'subheading')
    .item(
      'a)',
      '1a',
      'Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết số 41-NQ/TW và Chương trình hành động này trên các phương tiện thông tin đại chúng',
      {
        form: 'exec',
        lead: gov('', 'Bộ TT&TT'),
        support: gov('; ', CAC_BO, DIA_PHUONG),
        deadline: on('Cả năm.', '2024-12-31'),
      },
    )
    .item(
      'b)',
      '1b',
      'Biểu dương, tôn vinh doanh nhân, doanh nghiệp tiêu biểu có đóng góp lớn cho phát triển kinh tế - xã hội của đất nước',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: gov('', BKHDT),
        support: gov(', ', VCCI, HIEP_HOI),
        deadline: fromYear('Năm 2025 và các năm tiếp theo.', 2025),
      },
    )
    .add('2. Hoàn thiện thể chế, chính sách phát triển doanh nghiệp', 'subheading')
    .item(
      'a)',
      '2a',
      'Xây dựng Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp, Luật Đầu tư nhằm tháo gỡ rào cản về gia nhập, rút lui khỏi thị trường',
      {
        form: 'exec',
        lead: gov('', 'Bộ KH&ĐT'),
        support: gov(', ', BTP, 'VPCP'),
        deadline: on('Quý I/2024 (trình Chính phủ).', '2024-03-31'),
        product: 'Dự án Luật trình Chính phủ',
      },
    )
    .item(
      'b)',
      '2b',
      'Rà soát, sửa đổi các quy định về thuế, phí, lệ phí bảo đảm công bằng giữa các thành phần kinh tế, giảm chi phí tuân thủ cho doanh nghiệp',
      {
        form: 'labels',
        labels: 'Cơ quan',
        lead: gov('', BTC),
        support: gov('', CAC_BO),
        deadline: onDates('Trong năm 2024, 2025.', '2024-12-31', '2025-12-31'),
      },
    )
    .item(
      'c)',
      '2c',
      'Cắt giảm, đơn giản hóa điều kiện kinh doanh và thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh',
      {
        form: 'exec',
        lead: gov('', CAC_BO),
        support: gov('', 'VPCP'),
        deadline: on(
          'Thực hiện thường xuyên, riêng việc trình phương án cắt giảm năm 2024 hoàn thành trong quý II/2024.',
          '2024-06-30',
        ),
      },
    )
    .item(
      'd)',
      '2d',
      'Hoàn thiện cơ chế thử nghiệm có kiểm soát đối với các mô hình kinh doanh mới dựa trên công nghệ số',
      {
        form: 'inline',
        joiner: ', giao',
        lead: gov('', BKHCN),
        support: gov(' và ', 'Bộ TT&TT', 'Ngân hàng Nhà nước Việt Nam'),
        deadline: on('trong năm 2025', '2025-12-31'),
      },
    )
    .add('3. Bảo vệ quyền tài sản, quyền tự do kinh doanh của doanh nhân', 'subheading')
    .item(
      'a)',
      '3a',
      'Hướng dẫn xử lý các vướng mắc trong phân biệt quan hệ dân sự, kinh tế với quan hệ hình sự, không hình sự hóa các quan hệ kinh tế, dân sự',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: gov('', BCA),
        support: gov(', ', BTP, 'Tòa án nhân dân tối cao', 'Viện kiểm sát nhân dân tối cao'),
        deadline: quarter(3, 2024),
      },
    )
    .item(
      'b)',
      '3b',
      'Rà soát, hoàn thiện quy định về thanh tra, kiểm tra doanh nghiệp, bảo đảm không quá một lần thanh tra, kiểm tra trong năm',
      {
        form: 'exec',
        lead: gov('', 'Thanh tra Chính phủ'),
        support: gov('', CAC_BO),
        deadline: onDates('Trong năm 2024, 2025.', '2024-12-31', '2025-12-31'),
      },
    )
    .add('4. Phát triển nguồn nhân lực, văn hóa doanh nhân', 'subheading')
    .item(
      'a)',
      '4a',
      'Xây dựng chương trình đào tạo, bồi dưỡng kiến thức quản trị doanh nghiệp, kỹ năng kinh doanh cho doanh nhân và người lao động',
      {
        form: 'exec',
        lead: gov('', BLDTBXH),
        support: gov(', ', BGDDT, BKHDT),
        deadline: onDates('Tháng 6/2024 và tháng 12/2024.', '2024-06-30', '2024-12-31'),
      },
    )
    .item(
      'b)',
      '4b',
      'Xây dựng và phổ biến Bộ tiêu chí văn hóa kinh doanh Việt Nam, gắn với đạo đức doanh nhân và trách nhiệm xã hội của doanh nghiệp',
      {
        form: 'labels',
        labels: 'Cơ quan',
        lead: gov('', BVHTTDL),
        support: gov(', ', VCCI, 'các bộ, ngành liên quan'),
        deadline: quarter(4, 2024),
        product: 'Bộ tiêu chí văn hóa kinh doanh Việt Nam',
      },
    )
    .add('5. Hỗ trợ doanh nghiệp đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh', 'subheading')
    .add(
      'Tăng cường các chương trình hỗ trợ doanh nghiệp tiếp cận công nghệ, nguồn vốn và thị trường, trong đó:',
    )
    .item('-', '5.1', 'Triển khai Chương trình hỗ trợ doanh nghiệp chuyển đổi số giai đoạn 2021-2025', {
      form: 'inline',
      joiner: ', giao',
      lead: gov('', 'Bộ KH&ĐT'),
      support: gov('', 'Bộ TT&TT'),
      deadline: on('trong năm 2025', '2025-12-31'),
    })
    .add(
      '- Khuyến khích doanh nghiệp lớn dẫn dắt, hỗ trợ doanh nghiệp nhỏ và vừa tham gia chuỗi giá trị trong nước và toàn cầu.',
    )
    .item(
      '-',
      '5.2',
      'Phát triển các vườn ươm công nghệ, trung tâm đổi mới sáng tạo quốc gia và vùng, hỗ trợ doanh nghiệp khởi nghiệp sáng tạo',
      {
        form: 'exec',
        lead: gov('', BKHCN),
        support: gov('; ', 'Bộ KH&ĐT', UBND_TINH),
        deadline: on('Theo lộ trình của Đề án, hoàn thành trong năm 2025.', '2025-12-31'),
      },
    )
    .item(
      '-',
      '5.3',
      'Hướng dẫn doanh nghiệp thực hiện các tiêu chuẩn sản xuất xanh, kiểm kê khí nhà kính, ứng phó với các yêu cầu mới của thị trường xuất khẩu',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: gov('', THREE_MINISTRIES),
        support: gov('', BCT),
        deadline: fromYear('Năm 2025 và các năm tiếp theo.', 2025),
      },
    )
    .add('6. Nâng cao hiệu quả hoạt động của các hiệp hội doanh nghiệp', 'subheading')
    .item('a)', '6a', 'Sửa đổi Nghị định số 45/2010/NĐ-CP quy định về tổ chức, hoạt động và quản lý hội', {
      form: 'exec',
      lead: gov('', BNV),
      support: gov(', ', BTP, VCCI),
      deadline: inYear(2024),
      product: 'Nghị định trình Chính phủ',
    })
    .item(
      'b)',
      '6b',
      'Tổ chức đối thoại định kỳ giữa Chính phủ, Thủ tướng Chính phủ với cộng đồng doanh nghiệp, kịp thời tháo gỡ khó khăn, vướng mắc',
      {
        form: 'inline',
        joiner: '; giao',
        lead: gov('', 'VPCP'),
        support: gov(' và ', 'Bộ KH&ĐT', VCCI),
        deadline: on('trong quý III/2024', '2024-09-30'),
      },
    )
    .item(
      'c)',
      '6c',
      'Ban hành kế hoạch của địa phương thực hiện Chương trình hành động này, phù hợp với điều kiện thực tế',
      {
        form: 'exec',
        lead: gov('', UBND_TINH),
        support: gov('', 'Bộ KH&ĐT'),
        deadline: on('Trước ngày 30/4/2024.', '2024-04-30'),
      },
    )
    .add('7. Tăng cường khả năng tiếp cận các nguồn lực của doanh nghiệp', 'subheading')
    .item(
      'a)',
      '7a',
      'Triển khai các giải pháp mở rộng tín dụng đối với doanh nghiệp nhỏ và vừa, doanh nghiệp khởi nghiệp sáng tạo; đơn giản hóa thủ tục cho vay',
      {
        form: 'exec',
        lead: gov('', 'NHNN'),
        support: gov(', ', BTC, HIEP_HOI),
        deadline: ongoing('Thường xuyên.'),
      },
    )
    .item(
      'b)',
      '7b',
      'Công khai, minh bạch thông tin về quy hoạch, kế hoạch sử dụng đất, bảo đảm doanh nghiệp tiếp cận đất đai bình đẳng',
      {
        form: 'labels',
        labels: 'Cơ quan',
        lead: gov('', 'Bộ Tài nguyên và Môi trường'),
        support: gov('', DIA_PHUONG),
        deadline: onDates('Tháng 6/2024 và tháng 12/2024.', '2024-06-30', '2024-12-31'),
      },
    )
    .item(
      'c)',
      '7c',
      'Đẩy mạnh xúc tiến thương mại, hỗ trợ doanh nghiệp khai thác hiệu quả các hiệp định thương mại tự do',
      {
        form: 'inline',
        joiner: ', giao',
        lead: gov('', BCT),
        support: gov(', ', 'Bộ Ngoại giao', VCCI),
        deadline: on('trong năm 2024', '2024-12-31'),
      },
    )
    .item(
      'd)',
      '7d',
      'Xây dựng cơ sở dữ liệu quốc gia về doanh nghiệp và doanh nhân, kết nối, chia sẻ với các cơ sở dữ liệu chuyên ngành',
      {
        form: 'exec',
        lead: gov('', 'Bộ KH&ĐT'),
        support: gov('; ', 'Bộ TT&TT', BCA, BTC),
        deadline: quarter(4, 2024),
        product: 'Cơ sở dữ liệu được vận hành',
      },
    )
    .add(
      '8. Phát huy vai trò của doanh nhân trong xây dựng văn hóa, thể thao và phát triển bền vững',
      'subheading',
    )
    .item(
      'a)',
      '8a',
      'Hướng dẫn doanh nghiệp tham gia xây dựng thiết chế văn hóa, thể thao cơ sở và các chương trình an sinh xã hội',
      {
        form: 'labels',
        labels: 'Đơn vị',
        lead: gov('', 'Bộ VHTTDL'),
        support: gov(', ', BLDTBXH, 'Ủy ban Dân tộc'),
        deadline: on('Cả năm.', '2024-12-31'),
      },
    )
    .item(
      'b)',
      '8b',
      'Đưa nội dung về văn hóa kinh doanh, tinh thần doanh nhân vào chương trình giáo dục nghề nghiệp và giáo dục đại học',
      {
        form: 'exec',
        lead: gov(', ', BGDDT, BLDTBXH),
        support: gov('', VCCI),
        deadline: fromYear('Năm 2025 và các năm tiếp theo.', 2025),
      },
    )
    .heading('III', 'TỔ CHỨC THỰC HIỆN')
    .add(
      '1. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương trực tiếp chỉ đạo, chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về kết quả thực hiện các nhiệm vụ được giao tại Chương trình hành động này.',
    )
    .add(
      '2. Bộ Kế hoạch và Đầu tư là cơ quan đầu mối, theo dõi, đôn đốc việc thực hiện Chương trình hành động; định kỳ hằng năm tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ.',
    )
    .add(
      '3. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội tăng cường giám sát việc thực hiện Chương trình hành động này./.',
    );
  return d;
}

function ministry(): ProsePlan {
  const body = ministryBody();
  return {
    name: 'real-prose-ministry',
    expected: {
      directory: 'government',
      plan: {
        number: '12/NQ-CP',
        docType: 'NQ',
        issuedOn: '2024-02-05',
        place: 'Hà Nội',
        title: MINISTRY_TITLE.join(' '),
        signer: 'Trần Quốc Bảo',
      },
      sections: body.sections(),
      tasks: body.tasks,
    },
    front: {
      issuer: ['CHÍNH PHỦ', ''],
      numberLine: 'Số: 12/NQ-CP',
      placeDate: 'Hà Nội, ngày 05 tháng 02 năm 2024',
      heading: 'NGHỊ QUYẾT',
      title: MINISTRY_TITLE,
    },
    decision: [
      { text: 'CHÍNH PHỦ', style: 'center-bold' },
      {
        text: 'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
        style: 'basis',
      },
      {
        text: 'Căn cứ Nghị quyết số 41-NQ/TW ngày 10 tháng 10 năm 2023 của Bộ Chính trị về xây dựng và phát huy vai trò của đội ngũ doanh nhân Việt Nam trong thời kỳ mới;',
        style: 'basis',
      },
      { text: 'Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư.', style: 'basis' },
      { text: 'QUYẾT NGHỊ:', style: 'center-bold' },
      {
        text: 'Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Nghị quyết số 41-NQ/TW ngày 10 tháng 10 năm 2023 của Bộ Chính trị về xây dựng và phát huy vai trò của đội ngũ doanh nhân Việt Nam trong thời kỳ mới.',
        style: 'body',
      },
      { text: 'Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.', style: 'body' },
      {
        text: 'Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này./.',
        style: 'body',
      },
    ],
    sign: {
      recipients: [
        '- Ban Bí thư Trung ương Đảng;',
        '- Thủ tướng, các Phó Thủ tướng Chính phủ;',
        '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
        '- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;',
        '- VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục;',
        '- Lưu: VT, KTTH (2b).',
      ],
      lines: ['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG'],
      signer: 'Trần Quốc Bảo',
    },
    body,
  };
}

// ── rendering a prose plan: plain text, Word, HTML for Chromium ─────────────────────────────────

function proseText(plan: ProsePlan, header: 'tabs' | 'run-together'): string {
  const { front, sign } = plan;
  const lines: string[] =
    header === 'tabs'
      ? [
          `${front.issuer[0]}\t${QUOC_HIEU}`,
          `${front.issuer[1]}\t${TIEU_NGU}`,
          `${front.numberLine}\t${front.placeDate}`,
        ]
      : [
          [...front.issuer.filter(Boolean), QUOC_HIEU].join(' '),
          TIEU_NGU,
          `${front.numberLine} | ${front.placeDate}`,
        ];
  lines.push('', front.heading, ...front.title, '');
  for (const block of plan.decision) lines.push(block.text, '');
  lines.push('Nơi nhận:', ...sign.recipients, '', ...sign.lines, '', '', sign.signer, '');
  for (const block of plan.body.blocks) {
    if (block.pageBreakBefore) lines.push('');
    lines.push(block.text, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/gu, '\n\n')}`;
}

function blockParagraph(block: Block): Paragraph {
  const o: POptions = { pageBreakBefore: block.pageBreakBefore };
  switch (block.style) {
    case 'heading':
    case 'subheading':
      return p(block.text, { ...o, bold: true, indent: true });
    case 'basis':
      return p(block.text, { ...o, italics: true, indent: true });
    case 'center':
      return p(block.text, { ...o, center: true });
    case 'center-bold':
      return p(block.text, { ...o, center: true, bold: true });
    case 'center-italic':
      return p(block.text, { ...o, center: true, italics: true });
    default:
      return p(block.text, { ...o, indent: true });
  }
}

/** The issuer block as Word documents lay it out: a borderless two-column table. */
function frontDocx(front: Front): (Paragraph | Table)[] {
  return [
    layoutTable(
      [
        [
          front.issuer
            .filter(Boolean)
            .map((line, i) =>
              p(line, { bold: i === front.issuer.filter(Boolean).length - 1, center: true, size: 12 }),
            ),
          [p(QUOC_HIEU, { bold: true, center: true, size: 12 }), p(TIEU_NGU, { bold: true, center: true })],
        ],
        [[p(front.numberLine, { center: true })], [p(front.placeDate, { italics: true, center: true })]],
      ],
      [3600, 6000],
    ),
    p(''),
    p(front.heading, { bold: true, center: true, size: 14 }),
    ...front.title.map((line) => p(line, { bold: true, center: true })),
    p(''),
  ];
}

function signDocx(sign: Sign): Table {
  return layoutTable(
    [
      [
        [
          p('Nơi nhận:', { bold: true, italics: true, size: 12 }),
          ...sign.recipients.map((r) => p(r, { size: 11 })),
        ],
        [
          ...sign.lines.map((line) => p(line, { bold: true, center: true })),
          p(''),
          p(''),
          p(''),
          p(sign.signer, { bold: true, center: true }),
        ],
      ],
    ],
    [4800, 4800],
  );
}

async function docxBytes(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'dondoc fixtures',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children },
    ],
  });
  return pinZip(await Packer.toBuffer(doc));
}

function proseDocx(plan: ProsePlan): Promise<Buffer> {
  return docxBytes([
    ...frontDocx(plan.front),
    ...plan.decision.map(blockParagraph),
    signDocx(plan.sign),
    ...plan.body.blocks.map(blockParagraph),
  ]);
}

const esc = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

const PRINT_CSS = `
body { font: 13pt/1.35 'Liberation Serif', 'DejaVu Serif', serif; margin: 0; }
.top { width: 100%; border-collapse: collapse; } .top td { text-align: center; vertical-align: top; padding: 0; font-size: 11.5pt; }
h1 { font-size: 14pt; text-align: center; margin: 16pt 0 0; } .title { text-align: center; font-weight: bold; margin: 0 0 10pt; }
p { margin: 0 0 5pt; text-align: justify; } p.body, p.attr, p.basis, p.heading, p.subheading { text-indent: 24pt; }
p.basis { font-style: italic; } p.heading, p.subheading { font-weight: bold; }
p.center, p.center-bold, p.center-italic { text-align: center; text-indent: 0; }
p.center-bold { font-weight: bold; } p.center-italic { font-style: italic; }
.break { break-before: page; }
`;

function blockHtml(block: Block): string {
  return `<p class="${block.style}${block.pageBreakBefore ? ' break' : ''}">${esc(block.text)}</p>`;
}

function frontHtml(front: Front): string {
  const issuer = front.issuer.filter(Boolean);
  return `<table class="top"><tr><td style="width:38%">${issuer
    .map((line, i) => (i === issuer.length - 1 ? `<b>${esc(line)}</b>` : esc(line)))
    .join('<br>')}</td>
<td><b>${QUOC_HIEU}</b><br><b>${TIEU_NGU}</b></td></tr>
<tr><td>${esc(front.numberLine)}</td><td><i>${esc(front.placeDate)}</i></td></tr></table>
<h1>${esc(front.heading)}</h1>${front.title.map((line) => `<p class="title">${esc(line)}</p>`).join('')}`;
}

function signHtml(sign: Sign): string {
  return `<table class="top" style="margin-top:12pt;break-inside:avoid"><tr><td style="width:50%;text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>${sign.recipients
    .map(esc)
    .join('<br>')}</td>
<td><b>${sign.lines.map(esc).join('<br>')}</b><br><br><br><br><b>${esc(sign.signer)}</b></td></tr></table>`;
}

function proseHtml(plan: ProsePlan): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
${PRINT_CSS}</style></head><body>
${frontHtml(plan.front)}
${plan.decision.map(blockHtml).join('\n')}
${signHtml(plan.sign)}
${plan.body.blocks.map(blockHtml).join('\n')}
</body></html>`;
}

// ── PDF printing ────────────────────────────────────────────────────────────────────────────────

// ── table plans ─────────────────────────────────────────────────────────────────────────────────

interface TableRowSpec {
  no: string;
  content: string;
  lead: Names;
  support: Names;
  deadline: Deadline;
  product: string;
}
interface TableSection {
  code: string;
  title: string;
  rows: TableRowSpec[];
}
const row = (
  no: string,
  content: string,
  lead: Names,
  support: Names,
  deadline: Deadline,
  product = '',
): TableRowSpec => ({ no, content, lead, support, deadline, product });

function tableTasks(sections: TableSection[]): ExpectedTask[] {
  return sections.flatMap((s) =>
    s.rows.map((r) => ({
      section: s.code,
      no: r.no,
      content: r.content,
      lead: r.lead.truth,
      support: r.support.truth,
      deadlineText: r.deadline.text,
      dueOn: r.deadline.dueOn,
      recurrence: r.deadline.recurrence,
      product: r.product || null,
      note: '',
    })),
  );
}

// ── 3. a table plan as published in a Công báo (another province, 2026, after the reorganisation) ──

const QN_SNNMT = 'Sở Nông nghiệp và Môi trường';
const QN_XA = 'UBND các xã, phường';
const QN_CA = 'Công an tỉnh';
const GAZETTE_TITLE = 'Cải cách hành chính nhà nước năm 2026 trên địa bàn tỉnh Quảng Ngãi';

const GAZETTE_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'CẢI CÁCH THỂ CHẾ',
    rows: [
      row(
        '1',
        'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành trước thời điểm sắp xếp đơn vị hành chính; đề xuất sửa đổi, bổ sung, thay thế hoặc bãi bỏ các văn bản không còn phù hợp với mô hình chính quyền địa phương hai cấp',
        tn('', 'Sở Tư pháp'),
        tn('; ', 'Các sở, ban, ngành tỉnh', QN_XA),
        quarter(2, 2026, ''),
        'Báo cáo kết quả rà soát; danh mục văn bản đề nghị xử lý',
      ),
      row(
        '2',
        'Xây dựng, trình UBND tỉnh ban hành Quy định phân cấp, ủy quyền giải quyết thủ tục hành chính cho Chủ tịch UBND cấp xã và các cơ quan chuyên môn thuộc UBND tỉnh',
        tn('', 'Sở Nội vụ'),
        tn(', ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh'),
        on('Trước ngày 30/6/2026', '2026-06-30'),
        'Quyết định của UBND tỉnh',
      ),
      row(
        '3',
        'Kiểm tra công tác xây dựng, ban hành, tự kiểm tra và xử lý văn bản quy phạm pháp luật tại UBND các xã, phường; hướng dẫn khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra',
        tn('', 'Sở Tư pháp'),
        tn('', 'Sở Nội vụ'),
        onDates('Tháng 6/2026 và tháng 11/2026', '2026-06-30', '2026-11-30'),
        'Thông báo kết quả kiểm tra',
      ),
      row(
        '4',
        'Theo dõi tình hình thi hành pháp luật trong lĩnh vực đất đai, tài nguyên nước, bảo vệ môi trường; kiến nghị xử lý các quy định chồng chéo, mâu thuẫn, không khả thi',
        tn('', QN_SNNMT),
        tn('; ', 'Sở Tư pháp', 'Thanh tra tỉnh'),
        quarter(3, 2026, ''),
        'Báo cáo',
      ),
    ],
  },
  {
    code: 'II',
    title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    rows: [
      row(
        '1',
        'Rà soát, đơn giản hóa thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước trên địa bàn tỉnh; cắt giảm ít nhất 30% thời gian giải quyết và chi phí tuân thủ so với quy định hiện hành',
        tn('', 'Văn phòng UBND tỉnh'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        inYear(2026, ''),
        'Quyết định phê duyệt phương án đơn giản hóa',
      ),
      row(
        '2',
        'Công bố, công khai danh mục thủ tục hành chính được tiếp nhận và trả kết quả không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh; cập nhật đầy đủ lên Cơ sở dữ liệu quốc gia về thủ tục hành chính',
        tn('', 'Văn phòng UBND tỉnh'),
        tn(', ', 'Các sở, ban, ngành tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
        ongoing('Thường xuyên'),
        'Quyết định công bố',
      ),
      row(
        '3',
        'Triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; bảo đảm tỷ lệ hồ sơ được số hóa và tái sử dụng dữ liệu đạt trên 80% tại Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường',
        tn('', 'Sở Khoa học và Công nghệ'),
        tn('; ', 'Trung tâm Phục vụ hành chính công tỉnh', QN_XA),
        on('Trước ngày 31/10/2026', '2026-10-31'),
        'Báo cáo kết quả số hóa',
      ),
      row(
        '4',
        'Rà soát, chuẩn hóa quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư theo hướng cắt giảm khâu trung gian và thành phần hồ sơ',
        tn(', ', QN_SNNMT, 'Sở Xây dựng', 'Sở Tài chính'),
        tn('', 'Văn phòng UBND tỉnh'),
        quarter(3, 2026, ''),
        'Quyết định phê duyệt quy trình nội bộ',
      ),
      row(
        '5',
        'Khảo sát, đánh giá mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường',
        tn('', 'Sở Nội vụ'),
        tn('', 'Văn phòng UBND tỉnh'),
        on('Tháng 11/2026', '2026-11-30'),
        'Báo cáo kết quả khảo sát',
      ),
      row(
        '6',
        'Tổ chức đối thoại giữa lãnh đạo UBND tỉnh với doanh nghiệp, hợp tác xã về tháo gỡ khó khăn, vướng mắc trong giải quyết thủ tục hành chính và thực hiện dự án đầu tư',
        tn('', 'Sở Tài chính'),
        tn(', ', 'Văn phòng UBND tỉnh', 'Sở Công Thương'),
        yearly('Hằng năm'),
        'Hội nghị đối thoại',
      ),
    ],
  },
  {
    code: 'III',
    title: 'CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CHẾ ĐỘ CÔNG VỤ',
    rows: [
      row(
        '1',
        'Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức của các cơ quan chuyên môn thuộc UBND tỉnh sau sắp xếp; tham mưu điều chỉnh, khắc phục chồng chéo, trùng lắp nhiệm vụ giữa các cơ quan',
        tn('', 'Sở Nội vụ'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        quarter(2, 2026, ''),
        'Báo cáo, đề xuất UBND tỉnh',
      ),
      row(
        '2',
        'Xây dựng, hoàn thiện đề án vị trí việc làm, cơ cấu ngạch công chức và chức danh nghề nghiệp viên chức của các cơ quan, đơn vị và UBND các xã, phường',
        tn('', 'Sở Nội vụ'),
        tn('; ', 'Các sở, ban, ngành tỉnh', QN_XA),
        inYear(2026, ''),
        'Quyết định phê duyệt vị trí việc làm',
      ),
      row(
        '3',
        'Tổ chức bồi dưỡng kiến thức, kỹ năng quản lý nhà nước cho cán bộ, công chức cấp xã sau sắp xếp, ưu tiên công chức làm công tác tư pháp - hộ tịch, địa chính - xây dựng',
        tn('', 'Sở Nội vụ'),
        tn(', ', 'Sở Tư pháp', QN_SNNMT),
        onDates('Tháng 6/2026 và tháng 12/2026', '2026-06-30', '2026-12-31'),
        'Lớp bồi dưỡng',
      ),
      row(
        '4',
        'Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính, đạo đức công vụ, văn hóa công sở của cán bộ, công chức, viên chức tại các cơ quan, đơn vị, địa phương',
        tn('', 'Sở Nội vụ'),
        tn(', ', 'Thanh tra tỉnh', QN_CA),
        ongoing('Thường xuyên'),
        'Thông báo kết luận kiểm tra',
      ),
      row(
        '5',
        'Triển khai công tác dân tộc, tôn giáo theo mô hình tổ chức mới; hướng dẫn UBND các xã, phường vùng đồng bào dân tộc thiểu số thực hiện chính sách dân tộc',
        tn('', 'Sở Dân tộc và Tôn giáo'),
        tn('', QN_XA),
        quarter(4, 2026, ''),
        'Văn bản hướng dẫn',
      ),
    ],
  },
  {
    code: 'IV',
    title: 'CẢI CÁCH TÀI CHÍNH CÔNG VÀ XÂY DỰNG CHÍNH QUYỀN SỐ',
    rows: [
      row(
        '1',
        'Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập giai đoạn 2026-2030; đánh giá mức độ tự chủ và đề xuất lộ trình giảm chi ngân sách cho các đơn vị có khả năng tự chủ',
        tn('', 'Sở Tài chính'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        quarter(3, 2026, ''),
        'Quyết định giao tự chủ',
      ),
      row(
        '2',
        'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia, Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành',
        tn('', 'Sở Khoa học và Công nghệ'),
        tn(', ', 'Văn phòng UBND tỉnh', QN_CA),
        on('Trước ngày 30/9/2026', '2026-09-30'),
        'Hệ thống được nâng cấp, vận hành',
      ),
      row(
        '3',
        'Tuyên truyền về cải cách hành chính, chuyển đổi số và mô hình chính quyền địa phương hai cấp trên các phương tiện thông tin đại chúng và nền tảng số',
        tn('', 'Sở Văn hóa, Thể thao và Du lịch'),
        tn('; ', 'Báo và Phát thanh, Truyền hình Quảng Ngãi', QN_XA),
        yearly('Hằng năm'),
        'Chuyên trang, chuyên mục',
      ),
      row(
        '4',
        'Đánh giá, xếp hạng kết quả thực hiện chuyển đổi số và cải cách hành chính của các sở, ban, ngành tỉnh và UBND các xã, phường; công bố kết quả trên Cổng Thông tin điện tử tỉnh',
        tn(', ', 'Sở Khoa học và Công nghệ', 'Sở Nội vụ'),
        tn('', 'Văn phòng UBND tỉnh'),
        on('Trước ngày 15/12/2026', '2026-12-15'),
        'Quyết định công bố kết quả',
      ),
      row(
        '5',
        'Tổng hợp, báo cáo kết quả thực hiện Kế hoạch cải cách hành chính năm 2026, đề xuất nhiệm vụ năm 2027',
        tn('', 'Sở Nội vụ'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        on('Trước ngày 20/12/2026', '2026-12-20'),
        'Báo cáo UBND tỉnh',
      ),
    ],
  },
];

const GAZETTE_FRONT: Front = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'],
  numberLine: 'Số: 96/KH-UBND',
  placeDate: 'Quảng Ngãi, ngày 15 tháng 4 năm 2026',
  heading: 'KẾ HOẠCH',
  title: [GAZETTE_TITLE],
};
const GAZETTE_INTRO: Block[] = [
  {
    text: 'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;',
    style: 'basis',
  },
  {
    text: 'Căn cứ Kế hoạch số 18/KH-UBND ngày 20 tháng 01 năm 2026 của UBND tỉnh về cải cách hành chính giai đoạn 2026-2030;',
    style: 'basis',
  },
  {
    text: 'UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2026 trên địa bàn tỉnh với các nội dung sau:',
    style: 'body',
  },
  { text: 'I. MỤC ĐÍCH, YÊU CẦU', style: 'subheading' },
  {
    text: 'Xác định cụ thể nhiệm vụ, thời hạn hoàn thành và trách nhiệm của các cơ quan, đơn vị, địa phương; bảo đảm vận hành thông suốt, hiệu quả mô hình chính quyền địa phương hai cấp.',
    style: 'body',
  },
  { text: 'II. NHIỆM VỤ CỤ THỂ', style: 'subheading' },
];
const GAZETTE_OUTRO: Block[] = [
  { text: 'III. TỔ CHỨC THỰC HIỆN', style: 'subheading' },
  {
    text: 'Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các xã, phường tổ chức triển khai thực hiện Kế hoạch này; định kỳ hằng quý báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh./.',
    style: 'body',
  },
];
const GAZETTE_SIGN: Sign = {
  recipients: [
    '- Bộ Nội vụ;',
    '- TT Tỉnh ủy, TT HĐND tỉnh;',
    '- CT, PCT UBND tỉnh;',
    '- Như mục III;',
    '- Lưu: VT, NC.',
  ],
  lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signer: 'Võ Thanh Tùng',
};
const GAZETTE_HEADER = 'CÔNG BÁO/Số 259/Ngày 30-04-2026';
/** The page of the Công báo issue the plan starts on. */
const GAZETTE_FIRST_PAGE = 57;

const GAZETTE_EXPECTED: Expected = {
  plan: {
    number: '96/KH-UBND',
    docType: 'KH',
    issuedOn: '2026-04-15',
    place: 'Quảng Ngãi',
    title: GAZETTE_TITLE,
    signer: GAZETTE_SIGN.signer,
  },
  sections: GAZETTE_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(GAZETTE_SECTIONS),
};

const TABLE_TITLES = [
  'STT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Sản phẩm',
];

function tableRowsHtml(sections: TableSection[]): string {
  const rows: string[] = [];
  for (const s of sections) {
    rows.push(`<tr class="sec"><td class="mid">${s.code}</td><td colspan="5">${esc(s.title)}</td></tr>`);
    for (const r of s.rows) {
      rows.push(
        `<tr><td class="mid">${r.no}</td><td>${esc(r.content)}</td><td>${esc(r.lead.written)}</td><td>${esc(
          r.support.written,
        )}</td><td class="mid">${esc(r.deadline.text)}</td><td>${esc(r.product)}</td></tr>`,
      );
    }
  }
  return rows.join('\n');
}

const TABLE_CSS = `
table.tasks { width: 100%; border-collapse: collapse; font-size: 11.5pt; line-height: 1.25; margin: 6pt 0; }
.tasks th, .tasks td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
.tasks th { text-align: center; vertical-align: middle; } .tasks td.mid { vertical-align: middle; text-align: center; }
.tasks tr.sec td { font-weight: bold; } .tasks tr { break-inside: avoid; }
`;

/** The plan as a Công báo prints it: running header with the issue's page number, page-number footer. */
function gazetteHtml(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 22mm 15mm 18mm 25mm;
  @top-right { content: "${GAZETTE_HEADER} " counter(page); font: italic 11pt 'DejaVu Serif', serif; vertical-align: bottom; padding-bottom: 4mm; border-bottom: 0.75pt solid #000; }
  @bottom-center { content: "- " counter(page) " -"; font: 10pt 'DejaVu Serif', serif; } }
html { counter-reset: page ${GAZETTE_FIRST_PAGE - 1}; }
${PRINT_CSS}${TABLE_CSS}</style></head><body>
${frontHtml(GAZETTE_FRONT)}
${GAZETTE_INTRO.map(blockHtml).join('\n')}
<table class="tasks"><colgroup><col style="width:6%"><col style="width:36%"><col style="width:14%"><col style="width:16%"><col style="width:12%"><col style="width:16%"></colgroup>
<thead><tr>${TABLE_TITLES.map((t) => `<th>${t}</th>`).join('')}</tr></thead>
<tbody>${tableRowsHtml(GAZETTE_SECTIONS)}</tbody></table>
${GAZETTE_OUTRO.map(blockHtml).join('\n')}
${signHtml(GAZETTE_SIGN)}
</body></html>`;
}

/** A Word task table: header row repeated on each page, STT and deadline vertically centred. */
function wordTaskTable(sections: TableSection[]): Table {
  const widths = [600, 3300, 1300, 1400, 1200, 1400];
  const cellOf = (text: string, o: { bold?: boolean; middle?: boolean; span?: number } = {}) =>
    new TableCell({
      children: [p(text, { size: 11.5, bold: o.bold, center: o.middle })],
      columnSpan: o.span,
      verticalAlign: o.middle ? VerticalAlign.CENTER : VerticalAlign.TOP,
      borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: TABLE_TITLES.map((t) => cellOf(t, { bold: true, middle: true })),
    }),
  ];
  for (const s of sections) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [cellOf(s.code, { bold: true, middle: true }), cellOf(s.title, { bold: true, span: 5 })],
      }),
    );
    for (const r of s.rows) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cellOf(r.no, { middle: true }),
            cellOf(r.content),
            cellOf(r.lead.written),
            cellOf(r.support.written),
            cellOf(r.deadline.text, { middle: true }),
            cellOf(r.product),
          ],
        }),
      );
    }
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths, rows });
}

/** The Công báo plan as Word: the gazette's running header and a page-number footer, numbered from its page. */
async function gazetteDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'dondoc fixtures',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            margin: { top: 1247, bottom: 1020, left: 1418, right: 851 },
            pageNumbers: { start: GAZETTE_FIRST_PAGE },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                border: { bottom: LINE },
                children: [
                  new TextRun({ text: `${GAZETTE_HEADER} `, italics: true, font: FONT, size: 22 }),
                  new TextRun({ children: [PageNumber.CURRENT], italics: true, font: FONT, size: 22 }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: '- ', font: FONT, size: 20 }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 }),
                  new TextRun({ text: ' -', font: FONT, size: 20 }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...frontDocx(GAZETTE_FRONT),
          ...GAZETTE_INTRO.map(blockParagraph),
          wordTaskTable(GAZETTE_SECTIONS),
          ...GAZETTE_OUTRO.map(blockParagraph),
          signDocx(GAZETTE_SIGN),
        ],
      },
    ],
  });
  return pinZip(await Packer.toBuffer(doc));
}

// ── 6. a plan copied from a web page: cells separated by " | ", or by runs of spaces ────────────

const WEB_TITLE = 'Chuyển đổi số tỉnh Tây Ninh năm 2022';
const WEB_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'CHÍNH QUYỀN SỐ',
    rows: [
      row(
        '1',
        'Nâng cấp Trung tâm dữ liệu tỉnh, bảo đảm an toàn thông tin theo cấp độ',
        tn('', 'Sở Thông tin và Truyền thông'),
        tn('', 'Công an tỉnh'),
        quarter(3, 2022, ''),
      ),
      row(
        '2',
        'Kết nối Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Cơ sở dữ liệu quốc gia về dân cư',
        tn('', 'Văn phòng UBND tỉnh'),
        tn(', ', 'Sở TT&TT', 'Công an tỉnh'),
        on('Trước ngày 30/9/2022', '2022-09-30'),
      ),
      row(
        '3',
        'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực tại các sở, ban, ngành và UBND cấp huyện',
        tn(' và ', 'Các sở, ban, ngành tỉnh', 'UBND cấp huyện'),
        tn('', 'Sở Thông tin và Truyền thông'),
        onDates('Tháng 6/2022 và tháng 12/2022', '2022-06-30', '2022-12-31'),
      ),
      row(
        '4',
        'Xây dựng Kho dữ liệu dùng chung của tỉnh và danh mục dữ liệu mở',
        tn('', 'Sở Thông tin và Truyền thông'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        on('Năm 2022', '2022-12-31'),
      ),
      row(
        '5',
        'Báo cáo tình hình thực hiện chuyển đổi số của cơ quan, đơn vị',
        tn('; ', 'Các sở, ban, ngành tỉnh', 'UBND cấp huyện'),
        tn('', 'Sở Thông tin và Truyền thông'),
        { text: 'Hằng quý', dueOn: null, recurrence: { every: 'quarter' } },
      ),
    ],
  },
  {
    code: 'II',
    title: 'KINH TẾ SỐ VÀ XÃ HỘI SỐ',
    rows: [
      row(
        '1',
        'Hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng nền tảng số trong sản xuất, kinh doanh',
        tn('', 'Sở Kế hoạch và Đầu tư'),
        tn(', ', 'Sở Công Thương', 'Hiệp hội Doanh nghiệp tỉnh'),
        quarter(4, 2022, ''),
      ),
      row(
        '2',
        'Phát triển thương mại điện tử, đưa sản phẩm OCOP của tỉnh lên các sàn thương mại điện tử',
        tn('', 'Sở Công Thương'),
        tn('', 'Sở Nông nghiệp và Phát triển nông thôn'),
        ongoing('Thường xuyên'),
      ),
      row(
        '3',
        'Triển khai thanh toán không dùng tiền mặt trong thu học phí, viện phí và dịch vụ công',
        tn(', ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế'),
        tn('', 'Ngân hàng Nhà nước chi nhánh tỉnh Tây Ninh'),
        on('Trước ngày 31/12/2022', '2022-12-31'),
      ),
      row(
        '4',
        'Phổ cập kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng ở các xã, phường, thị trấn',
        tn('', 'UBND cấp huyện'),
        tn('', 'Sở Thông tin và Truyền thông'),
        inYear(2022, ''),
      ),
      row(
        '5',
        'Tuyên truyền về chuyển đổi số trên Báo Tây Ninh, Đài Phát thanh và Truyền hình Tây Ninh',
        tn('', 'Sở TT&TT'),
        tn('', 'Sở Văn hóa, Thể thao và Du lịch'),
        { text: 'Hằng tháng', dueOn: null, recurrence: { every: 'month' } },
      ),
    ],
  },
];
const WEB_EXPECTED: Expected = {
  plan: {
    number: '1850/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-06-08',
    place: 'Tây Ninh',
    title: WEB_TITLE,
    signer: 'Trần Văn Minh',
  },
  sections: WEB_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(WEB_SECTIONS),
};

/** The header as a legal-document website prints it: each cell of the layout table on its own line. */
const WEB_HEAD = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH TÂY NINH',
  '-------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  'Số: 1850/KH-UBND',
  'Tây Ninh, ngày 08 tháng 6 năm 2022',
  '',
  'KẾ HOẠCH',
  WEB_TITLE,
  '',
  'Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;',
  'UBND tỉnh ban hành Kế hoạch chuyển đổi số tỉnh Tây Ninh năm 2022, cụ thể như sau:',
  '',
];
const WEB_TAIL = [
  '',
  'Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông để tổng hợp, báo cáo UBND tỉnh./.',
  '',
  'Nơi nhận:',
  '- TT Tỉnh ủy, TT HĐND tỉnh;',
  '- CT, các PCT UBND tỉnh;',
  '- Như trên;',
  '- Lưu: VT.',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  '',
  '',
  'Trần Văn Minh',
  '',
];
const WEB_TITLES = [
  'STT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
];

function webPipesText(): string {
  const lines = [...WEB_HEAD, WEB_TITLES.join(' | ')];
  for (const s of WEB_SECTIONS) {
    lines.push(`${s.code} | ${s.title}`);
    for (const r of s.rows) {
      lines.push([r.no, r.content, r.lead.written, r.support.written, r.deadline.text].join(' | '));
    }
  }
  return `${[...lines, ...WEB_TAIL].join('\n')}`;
}

/** Greedy word wrap to `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Columns laid out by spaces (no tabs), long cells wrapped onto continuation lines under their column. */
function webSpacesText(): string {
  const widths = [5, 46, 30, 30, 22];
  const gap = '   ';
  const layout = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i] ?? 20));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      lines.push(
        wrapped
          .map((w, i) => (w[k] ?? '').padEnd(widths[i] ?? 20))
          .join(gap)
          .trimEnd(),
      );
    }
    return lines;
  };
  const lines = [...WEB_HEAD, ...layout(WEB_TITLES)];
  for (const s of WEB_SECTIONS) {
    lines.push(`${s.code.padEnd(widths[0] ?? 5)}${gap}${s.title}`);
    for (const r of s.rows)
      lines.push(...layout([r.no, r.content, r.lead.written, r.support.written, r.deadline.text]));
  }
  return `${[...lines, ...WEB_TAIL].join('\n')}`;
}

// ── 4. a PDF printed with a fallback font: letters split into runs placed by position ────────────

const FALLBACK_TITLE = 'Thực hiện công tác kiểm soát thủ tục hành chính năm 2023';
const FALLBACK_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'KIỂM SOÁT THỦ TỤC HÀNH CHÍNH',
    rows: [
      row(
        '1',
        'Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh',
        tn('', 'Văn phòng UBND tỉnh'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        quarter(2, 2023, ''),
      ),
      row(
        '2',
        'Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa cấp huyện, cấp xã',
        tn('', 'UBND cấp huyện'),
        tn('', 'Văn phòng UBND tỉnh'),
        ongoing('Thường xuyên'),
      ),
      row(
        '3',
        'Kiểm tra việc giải quyết hồ sơ thủ tục hành chính quá hạn, xin lỗi người dân',
        tn('', 'Sở Nội vụ'),
        tn('', 'Sở Tư pháp'),
        onDates('Tháng 6/2023 và tháng 12/2023', '2023-06-30', '2023-12-31'),
      ),
      row(
        '4',
        'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính',
        tn('', 'Văn phòng UBND tỉnh'),
        tn('', 'Sở Tư pháp'),
        onDates('Trong năm 2023, 2024', '2023-12-31', '2024-12-31'),
      ),
    ],
  },
  {
    code: 'II',
    title: 'HIỆN ĐẠI HÓA GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    rows: [
      row(
        '1',
        'Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục đủ điều kiện',
        tn('', 'Sở Thông tin và Truyền thông'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        on('Trước ngày 30/9/2023', '2023-09-30'),
      ),
      row(
        '2',
        'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực đất đai',
        tn('', 'Sở Tài nguyên và Môi trường'),
        tn('', 'UBND cấp huyện'),
        quarter(4, 2023, ''),
      ),
      row(
        '3',
        'Khảo sát sự hài lòng của người dân, doanh nghiệp đối với dịch vụ hành chính công',
        tn('', 'Sở Nội vụ'),
        tn('', 'Văn phòng UBND tỉnh'),
        on('Tháng 11/2023', '2023-11-30'),
      ),
      row(
        '4',
        'Báo cáo kết quả kiểm soát thủ tục hành chính về Văn phòng UBND tỉnh',
        tn('; ', 'Các sở, ban, ngành tỉnh', 'UBND cấp huyện'),
        tn('', 'Văn phòng UBND tỉnh'),
        { text: 'Hằng quý', dueOn: null, recurrence: { every: 'quarter' } },
      ),
    ],
  },
];
const FALLBACK_EXPECTED: Expected = {
  plan: {
    number: '45/KH-UBND',
    docType: 'KH',
    issuedOn: '2023-03-10',
    place: 'Tây Ninh',
    title: FALLBACK_TITLE,
    signer: 'Lê Thị Hồng',
  },
  sections: FALLBACK_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(FALLBACK_SECTIONS),
};

/**
 * A word cut where a fallback font would take over: before every letter outside Latin-1 (the
 * Vietnamese letters with ă, â, ê, ô, ơ, ư, đ or a tone mark the base font lacks): "Nội" → "N", "ội".
 */
function fallbackPieces(word: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && (ch.codePointAt(0) ?? 0) > 0xff) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The font a piece is drawn in: the fallback face when it starts with a letter the base font lacks. */
const pieceFont = (piece: string, font: string) =>
  (piece.codePointAt(0) ?? 0) > 0xff ? `${font}-fallback` : font;

/**
 * Draws text as separately positioned runs, the pieces after a cut in the fallback font, with a gap of
 * 0.02–0.09 em inside a word. (Wider gaps, such as 0.15 em, make pdftotext split the word too: poppler
 * breaks words at about 0.1 em, so a file it reads right has its pieces closer than that.)
 */
class SpacedWriter {
  private readonly random = mulberry32(20230310);
  /** the gap after each piece of each word, fixed once so measuring and drawing agree */
  private readonly gaps = new Map<string, number[]>();
  private uses = 0;

  constructor(private readonly doc: Pdf) {}

  private gapsOf(word: string, size: number, key: string): number[] {
    let gaps = this.gaps.get(key);
    if (!gaps) {
      gaps = fallbackPieces(word)
        .slice(1)
        .map(() => size * (0.02 + 0.07 * this.random()));
      this.gaps.set(key, gaps);
    }
    return gaps;
  }

  wordWidth(word: string, font: string, size: number): number {
    this.doc.font(font).fontSize(size);
    const pieces = fallbackPieces(word);
    const key = `${this.uses}|${word}`;
    const gaps = this.gapsOf(word, size, key);
    return (
      pieces.reduce((w, piece) => w + this.doc.font(pieceFont(piece, font)).widthOfString(piece), 0) +
      gaps.reduce((a, b) => a + b, 0)
    );
  }

  lineWidth(text: string, font: string, size: number): number {
    this.doc.font(font).fontSize(size);
    const space = this.doc.widthOfString(' ');
    const words = text.split(' ');
    return words.reduce((w, word) => w + this.wordWidth(word, font, size), 0) + space * (words.length - 1);
  }

  /** Draws one line starting at x (baseline-top at y); returns its width. */
  line(text: string, x: number, y: number, font: string, size: number): number {
    const doc = this.doc;
    doc.font(font).fontSize(size);
    const space = doc.widthOfString(' ');
    let cursor = x;
    text.split(' ').forEach((word, i) => {
      if (i > 0) cursor += space;
      const pieces = fallbackPieces(word);
      const gaps = this.gapsOf(word, size, `${this.uses}|${word}`);
      pieces.forEach((piece, k) => {
        doc.font(pieceFont(piece, font)).fontSize(size).text(piece, cursor, y, { lineBreak: false });
        cursor += doc.widthOfString(piece) + (gaps[k] ?? 0);
      });
    });
    this.uses++;
    return cursor - x;
  }

  centered(text: string, left: number, width: number, y: number, font: string, size: number): void {
    const w = this.lineWidth(text, font, size);
    this.gaps.clear();
    this.line(text, left + (width - w) / 2, y, font, size);
  }

  /** Greedy wrap by drawn width. */
  wrap(text: string, width: number, font: string, size: number): string[] {
    const out: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.lineWidth(candidate, font, size) > width) {
        out.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) out.push(current);
    return out;
  }
}

/** A pdfkit PDF with the DejaVu fonts registered (regular, bold, italic and their fallbacks). */
function fontPdfBytes(build: (doc: Pdf) => void): Promise<Buffer> {
  return pdfBytes((doc) => {
    doc.registerFont('regular', SERIF);
    doc.registerFont('bold', SERIF_BOLD);
    doc.registerFont('italic', SERIF_ITALIC);
    doc.registerFont('regular-fallback', SANS);
    doc.registerFont('bold-fallback', SANS_BOLD);
    doc.registerFont('italic-fallback', SANS_ITALIC);
    build(doc);
  });
}

function fallbackFontPdf(): Promise<Buffer> {
  return fontPdfBytes((doc) => {
    const w = new SpacedWriter(doc);
    const LEFT = 70;
    const RIGHT = 545;
    const WIDTH = RIGHT - LEFT;
    const SIZE = 11;
    const LINE_H = 14.5;
    let y = 0;
    const newPage = () => {
      doc.addPage({ size: 'A4', margin: 0 });
      y = 56;
    };
    newPage();
    // issuer block: two columns
    w.centered('ỦY BAN NHÂN DÂN', LEFT, 190, y, 'regular', SIZE);
    w.centered(QUOC_HIEU, LEFT + 190, WIDTH - 190, y, 'bold', SIZE);
    y += LINE_H;
    w.centered('TỈNH TÂY NINH', LEFT, 190, y, 'bold', SIZE);
    w.centered(TIEU_NGU, LEFT + 190, WIDTH - 190, y, 'bold', SIZE);
    y += LINE_H * 1.6;
    w.centered('Số: 45/KH-UBND', LEFT, 190, y, 'regular', SIZE);
    w.centered('Tây Ninh, ngày 10 tháng 3 năm 2023', LEFT + 190, WIDTH - 190, y, 'italic', SIZE);
    y += LINE_H * 2.5;
    w.centered('KẾ HOẠCH', LEFT, WIDTH, y, 'bold', 13);
    y += LINE_H * 1.3;
    w.centered(FALLBACK_TITLE, LEFT, WIDTH, y, 'bold', 12);
    y += LINE_H * 2;
    const para = (text: string, font = 'regular') => {
      const lines = w.wrap(text, WIDTH - 24, font, SIZE);
      lines.forEach((line, i) => {
        w.line(line, i === 0 ? LEFT + 24 : LEFT, y, font, SIZE);
        y += LINE_H;
      });
      y += 4;
    };
    para(
      'Căn cứ Quyết định số 2215/QĐ-UBND ngày 20 tháng 9 năm 2021 của Chủ tịch UBND tỉnh về cải cách hành chính giai đoạn 2021-2030, UBND tỉnh ban hành Kế hoạch thực hiện công tác kiểm soát thủ tục hành chính năm 2023 như sau:',
      'italic',
    );
    para('I. MỤC ĐÍCH, YÊU CẦU', 'bold');
    para(
      'Kiểm soát chặt chẽ việc ban hành, thực hiện thủ tục hành chính; công khai, minh bạch, tạo thuận lợi cho người dân và doanh nghiệp.',
    );
    para('II. NHIỆM VỤ CỤ THỂ', 'bold');

    const cols = [28, 190, 95, 95, 67];
    const titles = ['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn'];
    const xs = cols.map((_, i) => LEFT + cols.slice(0, i).reduce((a, b) => a + b, 0));
    const PAD = 3;
    const drawRow = (cells: string[], font: string, spanTitle = false) => {
      const wrapped = spanTitle
        ? [[cells[0] ?? ''], w.wrap(cells[1] ?? '', WIDTH - (cols[0] ?? 0) - 2 * PAD, font, SIZE)]
        : cells.map((c, i) => w.wrap(c, (cols[i] ?? 0) - 2 * PAD, font, SIZE));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * LINE_H + 2 * PAD;
      if (y + height > 790) newPage();
      wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => {
          w.line(line, (xs[i] ?? LEFT) + PAD, y + PAD + k * LINE_H, font, SIZE);
        });
      });
      const edges = spanTitle ? [LEFT, xs[1] ?? LEFT, RIGHT] : [...xs, RIGHT];
      doc.lineWidth(0.6).rect(LEFT, y, WIDTH, height).stroke();
      for (const x of edges.slice(1, -1))
        doc
          .moveTo(x, y)
          .lineTo(x, y + height)
          .stroke();
      y += height;
    };
    drawRow(titles, 'bold');
    for (const s of FALLBACK_SECTIONS) {
      drawRow([s.code, s.title], 'bold', true);
      for (const r of s.rows)
        drawRow([r.no, r.content, r.lead.written, r.support.written, r.deadline.text], 'regular');
    }
    y += 10;
    para(
      'Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng UBND tỉnh trước ngày 15/12/2023 để tổng hợp./.',
    );
    if (y > 680) newPage();
    const top = y + 6;
    y = top;
    w.line('Nơi nhận:', LEFT, y, 'bold', 10);
    for (const r of ['- TT Tỉnh ủy, TT HĐND tỉnh;', '- CT, các PCT UBND tỉnh;', '- Lưu: VT.']) {
      y += 12.5;
      w.line(r, LEFT, y, 'regular', 10);
    }
    y = top;
    for (const line of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']) {
      w.centered(line, LEFT + 240, WIDTH - 240, y, 'bold', SIZE);
      y += LINE_H;
    }
    y += LINE_H * 3;
    w.centered('Lê Thị Hồng', LEFT + 240, WIDTH - 240, y, 'bold', SIZE);
  });
}

// ── 5. a scan: a printed table plan rasterised at 200 dpi, rotated a little, with noise ──────────

const SCAN_TITLE = 'Tuyên truyền về cải cách hành chính năm 2022';
const SCAN_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'TUYÊN TRUYỀN TRÊN CÁC PHƯƠNG TIỆN THÔNG TIN',
    rows: [
      row(
        '1',
        'Xây dựng chuyên mục cải cách hành chính trên Cổng Thông tin điện tử tỉnh',
        tn('', 'Sở Thông tin và Truyền thông'),
        tn('', 'Sở Nội vụ'),
        quarter(3, 2022, ''),
      ),
      row(
        '2',
        'Đưa tin, bài về kết quả cải cách hành chính của tỉnh',
        tn('', 'Sở Thông tin và Truyền thông'),
        tn('', 'Các sở, ban, ngành tỉnh'),
        ongoing('Thường xuyên'),
      ),
      row(
        '3',
        'Công khai kết quả giải quyết hồ sơ thủ tục hành chính',
        tn('', 'Văn phòng UBND tỉnh'),
        tn('', 'UBND cấp huyện'),
        { text: 'Hằng tháng', dueOn: null, recurrence: { every: 'month' } },
      ),
      row(
        '4',
        'Tổ chức Hội thi tìm hiểu về cải cách hành chính',
        tn('', 'Sở Nội vụ'),
        tn('', 'Sở Giáo dục và Đào tạo'),
        on('Trước ngày 30/9/2022', '2022-09-30'),
      ),
    ],
  },
  {
    code: 'II',
    title: 'TUYÊN TRUYỀN TẠI CƠ QUAN, ĐƠN VỊ',
    rows: [
      row(
        '1',
        'Quán triệt Kế hoạch đến cán bộ, công chức',
        tn('', 'Các sở, ban, ngành tỉnh'),
        tn('', 'Sở Nội vụ'),
        quarter(2, 2022, ''),
      ),
      row(
        '2',
        'Phổ biến quy định về thủ tục hành chính cho người dân',
        tn('', 'UBND cấp huyện'),
        tn('', 'Sở Tư pháp'),
        inYear(2022, ''),
      ),
      row(
        '3',
        'Báo cáo kết quả tuyên truyền về Sở Nội vụ',
        tn(' và ', 'Các sở, ban, ngành tỉnh', 'UBND cấp huyện'),
        tn('', 'Sở Nội vụ'),
        on('Trước ngày 15/11/2022', '2022-11-15'),
      ),
    ],
  },
];
const SCAN_EXPECTED: Expected = {
  ocr: true,
  plan: {
    number: '132/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-05-25',
    place: 'Tây Ninh',
    title: SCAN_TITLE,
    signer: 'Nguyễn Thanh Bình',
  },
  sections: SCAN_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(SCAN_SECTIONS),
};

function scanHtml(): string {
  const front: Front = {
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'],
    numberLine: 'Số: 132/KH-UBND',
    placeDate: 'Tây Ninh, ngày 25 tháng 5 năm 2022',
    heading: 'KẾ HOẠCH',
    title: [SCAN_TITLE],
  };
  const sign: Sign = {
    recipients: ['- TT Tỉnh ủy, TT HĐND tỉnh;', '- CT, các PCT UBND tỉnh;', '- Lưu: VT.'],
    lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signer: 'Nguyễn Thanh Bình',
  };
  const rows: string[] = [];
  for (const sec of SCAN_SECTIONS) {
    rows.push(`<tr class="sec"><td>${sec.code}</td><td colspan="4">${esc(sec.title)}</td></tr>`);
    for (const r of sec.rows) {
      rows.push(
        `<tr><td>${r.no}</td><td>${esc(r.content)}</td><td>${esc(r.lead.written)}</td><td>${esc(r.support.written)}</td><td>${esc(r.deadline.text)}</td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
${PRINT_CSS}${TABLE_CSS}
table.tasks { font-size: 12.5pt; }</style></head><body>
${frontHtml(front)}
<p class="body">Thực hiện Kế hoạch cải cách hành chính năm 2022, UBND tỉnh ban hành Kế hoạch tuyên truyền với các nhiệm vụ sau:</p>
<table class="tasks"><colgroup><col style="width:6%"><col style="width:40%"><col style="width:19%"><col style="width:19%"><col style="width:16%"></colgroup>
<thead><tr>${['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']
    .map((t) => `<th>${t}</th>`)
    .join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${signHtml(sign)}
</body></html>`;
}

const ENGLISH_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 25mm; } body { font: 12pt/1.4 'DejaVu Serif', serif; } h1 { font-size: 16pt; text-align: center; }
</style></head><body><h1>Annual Maintenance Report</h1>
<p>This report summarises the maintenance work carried out on the municipal water network during the past year. Pumps at the northern station were replaced in March, and the reservoir inspection found no structural defects.</p>
<p>The team responded to 214 service requests, most of them concerning low pressure in the eastern district. Average response time fell from six hours to four, thanks to the new scheduling software introduced in the spring.</p>
<p>For the coming year we recommend renewing the valves on the main supply line, training two additional technicians, and publishing monthly figures on leak repairs so that residents can follow the progress.</p>
<p>Prepared by the Operations Department, reviewed by the Board on 12 January.</p></body></html>`;

/** Rotates by `degrees` about the centre (bilinear), paper colour outside. */
function rotate(img: Grey, degrees: number, paper: number): Grey {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? paper : (data[y * width + x] ?? paper);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const v =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
      out[y * width + x] = Math.round(v);
    }
  }
  return { width, height, data: out };
}

/** Light scanner noise: paper tint, grain on a share of the pixels, and a few dark specks. */
function addNoise(img: Grey, seed: number): Grey {
  const random = mulberry32(seed);
  const data = new Uint8Array(img.data);
  for (let i = 0; i < data.length; i++) {
    let v = data[i] ?? 255;
    v = Math.round(v * 0.95 + 6); // paper is not pure white, ink not pure black
    if (random() < 0.06) v += Math.round((random() - 0.5) * 60);
    data[i] = Math.max(0, Math.min(255, v));
  }
  const specks = Math.round((img.width * img.height) / 40_000);
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(random() * (img.width - 3));
    const y = Math.floor(random() * (img.height - 3));
    const size = 1 + Math.floor(random() * 3);
    for (let dy = 0; dy < size; dy++)
      for (let dx = 0; dx < size; dx++) data[(y + dy) * img.width + x + dx] = 40 + Math.floor(random() * 60);
  }
  return { ...img, data };
}

/** The pages of a PDF as 200 dpi grey images (pdftoppm). */
function rasterise(pdf: string, lastPage: number): Grey[] {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-real-scan-'));
  try {
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-l', String(lastPage), pdf, join(dir, 'page')], {
      stdio: 'ignore',
    });
    const pages: Grey[] = [];
    for (let i = 1; i <= lastPage; i++) {
      const file = [join(dir, `page-${i}.pgm`), join(dir, `page-${String(i).padStart(2, '0')}.pgm`)].find(
        (f) => existsSync(f),
      );
      if (file) pages.push(readPgm(file));
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A printed HTML page → the scan of its first `pages` pages (each with its own tilt). */
function scanOf(html: string, pages: number, tilts: number[], seed: number): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-real-print-'));
  try {
    const pdf = join(dir, 'printed.pdf');
    printToPdf(html, pdf);
    const images = rasterise(pdf, pages).map((img, i) =>
      addNoise(rotate(img, tilts[i % tilts.length] ?? 0.7, 255), seed + i),
    );
    return scannedPdf(images.map((img) => pngBytes(img, 'up')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A blank sheet through the scanner: paper, grain and specks, nothing written. */
function blankScan(): Promise<Buffer> {
  const width = 1654;
  const height = 2339;
  const blank: Grey = { width, height, data: new Uint8Array(width * height).fill(255) };
  return scannedPdf([pngBytes(addNoise(rotate(blank, 0.8, 255), 77), 'up')]);
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────

const EXPECTED_WRITTEN: string[] = [];

function writeExpected(name: string, expected: Expected): void {
  const file = join(OUT, `${name}.expected.json`);
  writeFileSync(file, `${JSON.stringify(expected, null, 2)}\n`);
  EXPECTED_WRITTEN.push(file);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(OCR_OUT, { recursive: true });
  const written: string[] = [];
  const out = (file: string, dir = OUT) => {
    written.push(file);
    return join(dir, file);
  };

  // 1. prose Quyết định: .txt, .docx, .pdf
  const qd = quyetDinh();
  writeFileSync(out(`${qd.name}.txt`), proseText(qd, 'tabs'));
  writeFileSync(out(`${qd.name}.docx`), await proseDocx(qd));
  printToPdf(proseHtml(qd), out(`${qd.name}.pdf`));
  writeExpected(qd.name, qd.expected);

  // 2. Government Nghị quyết: .txt (header run together, "Số: … | Hà Nội, ngày …"), .docx
  const nq = ministry();
  writeFileSync(out(`${nq.name}.txt`), proseText(nq, 'run-together'));
  writeFileSync(out(`${nq.name}.docx`), await proseDocx(nq));
  writeExpected(nq.name, nq.expected);

  // 3. the Công báo table plan: .pdf (running header, wrapped cells, STT centred), .docx
  printToPdf(gazetteHtml(), out('real-table-gazette.pdf'));
  writeFileSync(out('real-table-gazette.docx'), await gazetteDocx());
  writeExpected('real-table-gazette', GAZETTE_EXPECTED);

  // 4. letters in spaced runs (fallback font)
  writeFileSync(out('real-fallback-font.pdf'), await fallbackFontPdf());
  writeExpected('real-fallback-font', FALLBACK_EXPECTED);

  // 5. scans: a table plan (2 pages at most), a blank page and an English page (OCR bad-input tests)
  writeFileSync(out('real-scan.pdf'), await scanOf(scanHtml(), 2, [0.7, -0.6], 2022));
  writeExpected('real-scan', SCAN_EXPECTED);
  writeFileSync(out('real-scan-blank.pdf', OCR_OUT), await blankScan());
  writeFileSync(out('real-scan-english.pdf', OCR_OUT), await scanOf(ENGLISH_HTML, 1, [-0.9], 4242));

  // 6. copied from a web page
  writeFileSync(out('real-web-pipes.txt'), webPipesText());
  writeExpected('real-web-pipes', WEB_EXPECTED);
  writeFileSync(out('real-web-spaces.txt'), webSpacesText());
  writeExpected('real-web-spaces', WEB_EXPECTED);

  // biome formats the JSON of test/**: format the expected files the same way, so a rerun is a no-op.
  execFileSync('npx', ['biome', 'format', '--write', ...EXPECTED_WRITTEN], { cwd: ROOT, stdio: 'ignore' });
  console.log(`${written.length} files written:\n  ${written.join('\n  ')}`);
}

await main();
