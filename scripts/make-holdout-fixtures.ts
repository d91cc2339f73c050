/**
 * Builds the HOLDOUT accuracy fixtures of issue #13, test/fixtures/import-holdout/: five documents
 * modelled on the structure and phrasing of plans published by other provinces and by the Prime
 * Minister (paraphrased content, fictitious numbers and signers), written without looking at the
 * importer's code or output, so that `npm run eval:import -- --dir=test/fixtures/import-holdout`
 * measures the importer on layouts and wordings its authors did not tune it to.
 *   node --import tsx scripts/make-holdout-fixtures.ts
 * The fixtures:
 *   holdout-prose-binh-phuoc.docx   a provincial Kế hoạch (2023) with tasks written as prose: numbered
 *                                   items with "- Đơn vị thực hiện:", "- Thời gian thực hiện:" lines,
 *                                   lettered items with an inline "giao … chủ trì" clause (12 tasks)
 *   holdout-chi-thi-binh-dinh.pdf   a Chỉ thị of a provincial Chairman printed by Chromium, its tasks
 *                                   addressed to agencies as "1. Sở Y tế: …" paragraphs (7 tasks)
 *   holdout-qd-ttg-appendix.pdf     a Prime Minister's Quyết định with a task appendix table whose cells
 *                                   wrap, columns in the order TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan
 *                                   phối hợp | Sản phẩm | Thời gian hoàn thành; `government` directory (12)
 *   holdout-web-hau-giang.txt       a table plan copied from a legal-document website: header cells and
 *                                   table cells separated by " | " (10 tasks)
 *   holdout-scan-lam-dong.pdf       one printed page of a prose plan, rasterised at 200 dpi, rotated
 *                                   0.5° with light seeded noise, wrapped in a PDF (5 tasks, OCR)
 * Deterministic: zip entry dates and PDF dates/ids are pinned, the scan's noise is seeded.
 * Needs Debian's Chromium and pdftoppm.
 *
 * Truth conventions (those of scripts/make-real-plan-fixtures.ts and the shared contract of #13):
 * - lead/support: the directory's canonical name when the text names an agency or group of the
 *   fixture's directory (exactly or by alias), the name as written otherwise; a shared prefix expands;
 *   order as written;
 * - prose: a task is an item that assigns work; `no` is its own number ("1", "2"), "2a" for a lettered
 *   item under item 2; sections are the roman-numbered headings holding tasks; attribute lines are
 *   not content; an inline clause ("; giao …", ", giao …") is not content; in a Chỉ thị item
 *   "N. <Agency>: <duty>" the agency leads, "Chủ trì, phối hợp với Y" gives the support and is not
 *   content, and the closing deadline clause is not content either;
 * - deadlineText as written (after "Thời gian thực hiện:"/"Thời hạn:" with its final '.'; an inline
 *   clause from "trước ngày"/"trong …" to its end without "hoàn thành" and the final '.'; a table cell
 *   as printed); dueOn/recurrence as docs/domain-rules.md reads a careful clerk's date ("Năm 2022 –
 *   2023" is a period: due at its end).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import {
  canonicalIn,
  type DirectoryJson,
  type Front,
  type Grey,
  layoutTable,
  mulberry32,
  pinZip,
  pngBytes,
  printToPdf,
  QUOC_HIEU,
  readPgm,
  type Sign,
  scannedPdf,
  TIEU_NGU,
} from './fixture-kit.ts';
import type { ExpectedFixture, ExpectedRecurrence, ExpectedTask } from './import-accuracy.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/import-holdout');

// ── directories: written name → canonical name ─────────────────────────────────────────────────

const TAY_NINH = JSON.parse(
  readFileSync(join(ROOT, 'src/modules/demo/seed/tay-ninh-2021-directory.json'), 'utf8'),
) as DirectoryJson;
/** The Government reference directory's names this file uses, as the shared contract of #13 fixes them. */
const GOVERNMENT: DirectoryJson = {
  agencies: [
    { name: 'Bộ Kế hoạch và Đầu tư', aliases: ['Bộ KH&ĐT', 'Bộ KHĐT'] },
    { name: 'Bộ Thông tin và Truyền thông', aliases: ['Bộ TT&TT'] },
    { name: 'Bộ Lao động - Thương binh và Xã hội', aliases: ['Bộ LĐTBXH'] },
    { name: 'Bộ Văn hóa, Thể thao và Du lịch', aliases: ['Bộ VHTTDL'] },
    { name: 'Bộ Khoa học và Công nghệ', aliases: ['Bộ KH&CN'] },
    { name: 'Bộ Tài nguyên và Môi trường', aliases: ['Bộ TN&MT'] },
    { name: 'Bộ Nông nghiệp và Phát triển nông thôn', aliases: ['Bộ NN&PTNT'] },
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

const tn = (...names: string[]) => names.map((n) => canonicalIn(TAY_NINH, n));
const gov = (...names: string[]) => names.map((n) => canonicalIn(GOVERNMENT, n));

// ── deadlines ───────────────────────────────────────────────────────────────────────────────────

interface Deadline {
  text: string;
  dueOn: string | null;
  recurrence: ExpectedRecurrence;
}
const on = (text: string, dueOn: string): Deadline => ({ text, dueOn, recurrence: null });
const every = (text: string, recurrence: ExpectedRecurrence): Deadline => ({ text, dueOn: null, recurrence });
const ongoing = (text: string) => every(text, { kind: 'ongoing' });

/** One task of a document: what is printed is built by each document; this is the truth. */
interface Truth {
  section: string;
  no: string;
  content: string;
  lead: string[];
  support: string[];
  deadline: Deadline;
  product?: string;
}
const expectedTask = (t: Truth): ExpectedTask => ({
  section: t.section,
  no: t.no,
  content: t.content,
  lead: t.lead,
  support: t.support,
  deadlineText: t.deadline.text,
  dueOn: t.deadline.dueOn,
  recurrence: t.deadline.recurrence,
  product: t.product ?? null,
  note: '',
});

// ── a document as blocks (prose), rendered to Word, HTML or text ────────────────────────────────

type Style = 'heading' | 'subheading' | 'body' | 'center' | 'center-bold' | 'center-italic' | 'italic';
interface Block {
  text: string;
  style: Style;
}

/** A prose document under construction: its printed blocks and the tasks it states. */
class Prose {
  readonly blocks: Block[] = [];
  readonly tasks: Truth[] = [];
  readonly titles = new Map<string, string>();
  section = '';

  add(text: string, style: Style = 'body'): this {
    this.blocks.push({ text, style });
    return this;
  }
  heading(code: string, title: string): this {
    this.section = code;
    this.titles.set(code, title);
    return this.add(`${code}. ${title}`, 'heading');
  }
  /** Printed lines of one task (first line carries its marker), and its truth. */
  task(lines: string[], truth: Omit<Truth, 'section'>): this {
    for (const line of lines) this.add(line);
    this.tasks.push({ section: this.section, ...truth });
    return this;
  }
  sections(): { code: string; title: string }[] {
    const used = new Set(this.tasks.map((t) => t.section));
    return [...this.titles].filter(([code]) => used.has(code)).map(([code, title]) => ({ code, title }));
  }
}

const FONT = 'Times New Roman';

function p(
  text: string,
  o: { bold?: boolean; italics?: boolean; center?: boolean; size?: number; indent?: boolean } = {},
) {
  return new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, font: FONT, size: (o.size ?? 14) * 2 })],
  });
}

function blockParagraph(block: Block): Paragraph {
  switch (block.style) {
    case 'heading':
    case 'subheading':
      return p(block.text, { bold: true, indent: true });
    case 'italic':
      return p(block.text, { italics: true, indent: true });
    case 'center':
      return p(block.text, { center: true });
    case 'center-bold':
      return p(block.text, { center: true, bold: true });
    case 'center-italic':
      return p(block.text, { center: true, italics: true });
    default:
      return p(block.text, { indent: true });
  }
}

async function proseDocx(front: Front, body: Block[], sign: Sign): Promise<Buffer> {
  const issuer = front.issuer;
  const children = [
    layoutTable(
      [
        [
          issuer.map((line, i) => p(line, { bold: i === issuer.length - 1, center: true, size: 13 })),
          [p(QUOC_HIEU, { bold: true, center: true, size: 13 }), p(TIEU_NGU, { bold: true, center: true })],
        ],
        [[p(front.numberLine, { center: true })], [p(front.placeDate, { italics: true, center: true })]],
      ],
      [3700, 5900],
    ),
    p(''),
    p(front.heading, { bold: true, center: true }),
    ...front.title.map((line) => p(line, { bold: true, center: true })),
    p(''),
    ...body.map(blockParagraph),
    layoutTable(
      [
        [
          [
            p('Nơi nhận:', { bold: true, italics: true, size: 12 }),
            ...sign.recipients.map((r) => p(r, { size: 11 })),
          ],
          [
            ...sign.lines.map((l) => p(l, { bold: true, center: true })),
            p(''),
            p(''),
            p(sign.signer, { bold: true, center: true }),
          ],
        ],
      ],
      [4800, 4800],
    ),
  ];
  const doc = new Document({
    creator: 'dondoc holdout fixtures',
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children },
    ],
  });
  return pinZip(await Packer.toBuffer(doc));
}

const esc = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
const PRINT_CSS = `
body { font: 13pt/1.35 'Liberation Serif', 'DejaVu Serif', serif; margin: 0; }
.top { width: 100%; border-collapse: collapse; } .top td { text-align: center; vertical-align: top; padding: 0; font-size: 12pt; }
h1 { font-size: 14pt; text-align: center; margin: 14pt 0 0; } .title { text-align: center; font-weight: bold; margin: 0 0 10pt; }
p { margin: 0 0 5pt; text-align: justify; text-indent: 26pt; } p.heading, p.subheading { font-weight: bold; }
p.italic { font-style: italic; } p.center, p.center-bold, p.center-italic { text-align: center; text-indent: 0; }
p.center-bold { font-weight: bold; } p.center-italic { font-style: italic; }
`;

function frontHtml(front: Front): string {
  return `<table class="top"><tr><td style="width:40%">${front.issuer
    .map((line, i) => (i === front.issuer.length - 1 ? `<b>${esc(line)}</b>` : esc(line)))
    .join('<br>')}<br>───────</td>
<td><b>${QUOC_HIEU}</b><br><b>${TIEU_NGU}</b><br>───────────</td></tr>
<tr><td>${esc(front.numberLine)}</td><td><i>${esc(front.placeDate)}</i></td></tr></table>
<h1>${esc(front.heading)}</h1>${front.title.map((line) => `<p class="title">${esc(line)}</p>`).join('')}`;
}
function signHtml(sign: Sign): string {
  return `<table class="top" style="margin-top:10pt;break-inside:avoid"><tr><td style="width:50%;text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>${sign.recipients
    .map(esc)
    .join('<br>')}</td>
<td><b>${sign.lines.map(esc).join('<br>')}</b><br><br><br><br><b>${esc(sign.signer)}</b></td></tr></table>`;
}
const blockHtml = (b: Block) => `<p class="${b.style}">${esc(b.text)}</p>`;

// ── 1. a provincial Kế hoạch written as prose (Bình Phước, 2023) → .docx ───────────────────────

const BP_TITLE =
  'Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước tỉnh Bình Phước năm 2023';

function binhPhuoc(): { front: Front; body: Prose; sign: Sign; expected: ExpectedFixture } {
  const d = new Prose();
  d.add(
    'Căn cứ Quyết định số 3552/QĐ-BNV ngày 15 tháng 12 năm 2021 của Bộ Nội vụ phê duyệt Đề án đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước giai đoạn 2022-2030;',
    'italic',
  )
    .add('Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung như sau:')
    .heading('I', 'MỤC ĐÍCH, YÊU CẦU')
    .add(
      '- Xác định các giải pháp cụ thể để cải thiện các tiêu chí có điểm thấp trong kết quả đo lường năm 2022, nâng cao chất lượng phục vụ người dân, tổ chức.',
    )
    .add('- Phân công rõ trách nhiệm, thời hạn thực hiện của từng cơ quan, đơn vị, địa phương.')
    .heading('II', 'NHIỆM VỤ VÀ GIẢI PHÁP')
    .task(
      [
        '1. Tổ chức quán triệt, phổ biến Kế hoạch này đến toàn thể cán bộ, công chức, viên chức làm việc tại Bộ phận tiếp nhận và trả kết quả các cấp.',
        '- Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố.',
        '- Thời gian thực hiện: Quý III năm 2023.',
      ],
      {
        no: '1',
        content:
          'Tổ chức quán triệt, phổ biến Kế hoạch này đến toàn thể cán bộ, công chức, viên chức làm việc tại Bộ phận tiếp nhận và trả kết quả các cấp',
        lead: tn('Sở Nội vụ'),
        support: tn('các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố'),
        deadline: on('Quý III năm 2023.', '2023-09-30'),
      },
    )
    .task(
      [
        '2. Niêm yết công khai, đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa và trên Cổng Dịch vụ công của tỉnh; cập nhật kịp thời khi có văn bản sửa đổi, bổ sung.',
        '- Đơn vị thực hiện: Văn phòng UBND tỉnh.',
        '- Thời gian thực hiện: Thường xuyên.',
      ],
      {
        no: '2',
        content:
          'Niêm yết công khai, đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa và trên Cổng Dịch vụ công của tỉnh; cập nhật kịp thời khi có văn bản sửa đổi, bổ sung',
        lead: tn('Văn phòng UBND tỉnh'),
        support: [],
        deadline: ongoing('Thường xuyên.'),
      },
    )
    .task(
      [
        '3. Bố trí công chức có phẩm chất, năng lực, kỹ năng giao tiếp tốt làm việc tại Bộ phận Một cửa; tổ chức bồi dưỡng kỹ năng giao tiếp, ứng xử cho đội ngũ này.',
        '- Cơ quan chủ trì: Sở Nội vụ.',
        '- Cơ quan phối hợp: Trung tâm Phục vụ hành chính công tỉnh; UBND các huyện, thị xã, thành phố.',
        '- Thời gian thực hiện: Năm 2023 – 2024.',
        '- Sản phẩm: Lớp bồi dưỡng kỹ năng giao tiếp.',
      ],
      {
        no: '3',
        content:
          'Bố trí công chức có phẩm chất, năng lực, kỹ năng giao tiếp tốt làm việc tại Bộ phận Một cửa; tổ chức bồi dưỡng kỹ năng giao tiếp, ứng xử cho đội ngũ này',
        lead: tn('Sở Nội vụ'),
        support: tn('Trung tâm Phục vụ hành chính công tỉnh', 'UBND các huyện, thị xã, thành phố'),
        deadline: on('Năm 2023 – 2024.', '2024-12-31'),
        product: 'Lớp bồi dưỡng kỹ năng giao tiếp',
      },
    )
    .task(
      [
        '4. Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; hướng dẫn người dân, doanh nghiệp nộp hồ sơ trực tuyến và thanh toán phí, lệ phí không dùng tiền mặt.',
        '- Đơn vị thực hiện: Sở Thông tin và Truyền thông chủ trì; Văn phòng UBND tỉnh, Bưu điện tỉnh phối hợp.',
        '- Thời gian thực hiện: Trước 15/10/2023.',
      ],
      {
        no: '4',
        content:
          'Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; hướng dẫn người dân, doanh nghiệp nộp hồ sơ trực tuyến và thanh toán phí, lệ phí không dùng tiền mặt',
        lead: tn('Sở Thông tin và Truyền thông'),
        support: tn('Văn phòng UBND tỉnh', 'Bưu điện tỉnh'),
        deadline: on('Trước 15/10/2023.', '2023-10-15'),
      },
    )
    .task(
      [
        '5. Rà soát, đề xuất cắt giảm thời gian giải quyết đối với các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư có tỷ lệ hồ sơ trễ hạn cao.',
        '- Đơn vị thực hiện: Các Sở: Tài nguyên và Môi trường, Xây dựng, Kế hoạch và Đầu tư.',
        '- Thời gian thực hiện: Tháng 11 năm 2023.',
        '- Sản phẩm: Phương án cắt giảm thời gian giải quyết thủ tục hành chính.',
      ],
      {
        no: '5',
        content:
          'Rà soát, đề xuất cắt giảm thời gian giải quyết đối với các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư có tỷ lệ hồ sơ trễ hạn cao',
        lead: tn('Sở Tài nguyên và Môi trường', 'Sở Xây dựng', 'Sở Kế hoạch và Đầu tư'),
        support: [],
        deadline: on('Tháng 11 năm 2023.', '2023-11-30'),
        product: 'Phương án cắt giảm thời gian giải quyết thủ tục hành chính',
      },
    )
    .task(
      [
        '6. Tổ chức đối thoại giữa lãnh đạo các cơ quan với người dân, doanh nghiệp về giải quyết thủ tục hành chính.',
        '- Đơn vị thực hiện: Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.',
        '- Thời gian thực hiện: Hằng năm.',
      ],
      {
        no: '6',
        content:
          'Tổ chức đối thoại giữa lãnh đạo các cơ quan với người dân, doanh nghiệp về giải quyết thủ tục hành chính',
        lead: tn('Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố'),
        support: [],
        deadline: every('Hằng năm.', { every: 'year' }),
      },
    )
    .heading('III', 'TUYÊN TRUYỀN VÀ KIỂM TRA')
    .add('1. Công tác tuyên truyền', 'subheading')
    .task(
      [
        'a) Xây dựng chuyên mục “Cải cách hành chính” trên Báo Bình Phước và Đài Phát thanh - Truyền hình và Báo Bình Phước; giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ thực hiện, hoàn thành trong tháng 10/2023.',
      ],
      {
        no: '1a',
        content:
          'Xây dựng chuyên mục “Cải cách hành chính” trên Báo Bình Phước và Đài Phát thanh - Truyền hình và Báo Bình Phước',
        lead: tn('Sở Thông tin và Truyền thông'),
        support: tn('Sở Nội vụ'),
        deadline: on('trong tháng 10/2023', '2023-10-31'),
      },
    )
    .task(
      [
        'b) In, phát hành tờ gấp hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại các xã, phường, thị trấn, giao UBND các huyện, thị xã, thành phố chủ trì thực hiện, hoàn thành trước ngày 30/11/2023.',
      ],
      {
        no: '1b',
        content:
          'In, phát hành tờ gấp hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại các xã, phường, thị trấn',
        lead: tn('UBND các huyện, thị xã, thành phố'),
        support: [],
        deadline: on('trước ngày 30/11/2023', '2023-11-30'),
      },
    )
    .add('2. Công tác kiểm tra, đánh giá', 'subheading')
    .task(
      [
        'a) Kiểm tra đột xuất việc thực hiện kỷ luật, kỷ cương hành chính, thái độ phục vụ của cán bộ, công chức tại Bộ phận Một cửa các cấp.',
        '- Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với Thanh tra tỉnh, Công an tỉnh.',
        '- Thời gian thực hiện: Định kỳ hằng quý.',
      ],
      {
        no: '2a',
        content:
          'Kiểm tra đột xuất việc thực hiện kỷ luật, kỷ cương hành chính, thái độ phục vụ của cán bộ, công chức tại Bộ phận Một cửa các cấp',
        lead: tn('Sở Nội vụ'),
        support: tn('Thanh tra tỉnh', 'Công an tỉnh'),
        deadline: every('Định kỳ hằng quý.', { every: 'quarter' }),
      },
    )
    .task(
      [
        'b) Tự đánh giá, chấm điểm và báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh.',
        '- Đơn vị thực hiện: Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.',
        '- Thời gian thực hiện: Trước ngày 20/12 hằng năm.',
      ],
      {
        no: '2b',
        content:
          'Tự đánh giá, chấm điểm và báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh',
        lead: tn('Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố'),
        support: [],
        deadline: every('Trước ngày 20/12 hằng năm.', { every: 'year', month: 12, day: 20 }),
      },
    )
    .task(
      [
        'c) Tổ chức khảo sát độc lập sự hài lòng của người dân, tổ chức tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp huyện, cấp xã.',
        '- Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tài chính.',
        '- Thời gian thực hiện: Năm 2024 và những năm tiếp theo.',
        '- Sản phẩm: Báo cáo kết quả khảo sát.',
      ],
      {
        no: '2c',
        content:
          'Tổ chức khảo sát độc lập sự hài lòng của người dân, tổ chức tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp huyện, cấp xã',
        lead: tn('Sở Nội vụ'),
        support: tn('Sở Tài chính'),
        deadline: every('Năm 2024 và những năm tiếp theo.', { every: 'year', fromYear: 2024 }),
        product: 'Báo cáo kết quả khảo sát',
      },
    )
    .heading('IV', 'TỔ CHỨC THỰC HIỆN')
    .add(
      'Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm triển khai thực hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh xem xét, chỉ đạo./.',
    );
  const front: Front = {
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH PHƯỚC'],
    numberLine: 'Số: 214/KH-UBND',
    placeDate: 'Bình Phước, ngày 18 tháng 7 năm 2023',
    heading: 'KẾ HOẠCH',
    title: [BP_TITLE],
  };
  const sign: Sign = {
    recipients: [
      '- Bộ Nội vụ;',
      '- TT.TU, TT.HĐND tỉnh;',
      '- CT, các PCT UBND tỉnh;',
      '- Như mục IV;',
      '- LĐVP, Phòng NC;',
      '- Lưu: VT.',
    ],
    lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signer: 'Huỳnh Anh Khoa',
  };
  return {
    front,
    body: d,
    sign,
    expected: {
      plan: {
        number: '214/KH-UBND',
        docType: 'KH',
        issuedOn: '2023-07-18',
        place: 'Bình Phước',
        title: BP_TITLE,
        signer: sign.signer,
      },
      sections: d.sections(),
      tasks: d.tasks.map(expectedTask),
    },
  };
}

// ── 2. a Chỉ thị of a provincial Chairman, tasks addressed "1. Sở Y tế: …" (Bình Định, 2023) → .pdf ──

const BD_TITLE = 'Về tăng cường công tác phòng, chống dịch bệnh sốt xuất huyết trên địa bàn tỉnh năm 2023';

function binhDinh(): { front: Front; body: Prose; sign: Sign; expected: ExpectedFixture } {
  const d = new Prose();
  d.add(
    'Thời gian qua, tình hình bệnh sốt xuất huyết trên địa bàn tỉnh diễn biến phức tạp, số ca mắc tăng cao so với cùng kỳ năm trước, đã ghi nhận ổ dịch tại nhiều xã, phường. Nguyên nhân chủ yếu là công tác diệt lăng quăng, bọ gậy tại hộ gia đình chưa được thực hiện thường xuyên; sự phối hợp giữa các ngành, địa phương có lúc chưa chặt chẽ.',
  )
    .add(
      'Để chủ động kiểm soát dịch bệnh, không để dịch lây lan rộng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố tập trung thực hiện các nội dung sau:',
    )
    .task(
      [
        '1. Sở Y tế: Chủ trì, phối hợp với Sở Tài chính rà soát nhu cầu hóa chất, vật tư, trang thiết bị phòng, chống dịch, tham mưu UBND tỉnh bổ sung kinh phí, hoàn thành trước ngày 15/10/2023.',
      ],
      {
        no: '1',
        content:
          'Rà soát nhu cầu hóa chất, vật tư, trang thiết bị phòng, chống dịch, tham mưu UBND tỉnh bổ sung kinh phí',
        lead: tn('Sở Y tế'),
        support: tn('Sở Tài chính'),
        deadline: on('trước ngày 15/10/2023', '2023-10-15'),
      },
    )
    .task(
      [
        '2. Sở Giáo dục và Đào tạo: Chỉ đạo các trường học tổ chức vệ sinh môi trường, diệt lăng quăng trong khuôn viên trường và lồng ghép nội dung phòng bệnh sốt xuất huyết vào hoạt động ngoại khóa, thực hiện thường xuyên.',
      ],
      {
        no: '2',
        content:
          'Chỉ đạo các trường học tổ chức vệ sinh môi trường, diệt lăng quăng trong khuôn viên trường và lồng ghép nội dung phòng bệnh sốt xuất huyết vào hoạt động ngoại khóa',
        lead: tn('Sở Giáo dục và Đào tạo'),
        support: [],
        deadline: ongoing('thường xuyên'),
      },
    )
    .task(
      [
        '3. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Sở Y tế, Báo Bình Định, Đài Phát thanh và Truyền hình Bình Định đẩy mạnh tuyên truyền về các biện pháp phòng bệnh, hoàn thành trong tháng 9/2023.',
      ],
      {
        no: '3',
        content: 'Đẩy mạnh tuyên truyền về các biện pháp phòng bệnh',
        lead: tn('Sở Thông tin và Truyền thông'),
        support: tn('Sở Y tế', 'Báo Bình Định', 'Đài Phát thanh và Truyền hình Bình Định'),
        deadline: on('trong tháng 9/2023', '2023-09-30'),
      },
    )
    .task(
      [
        '4. Sở Tài chính: Tham mưu UBND tỉnh bố trí kinh phí phòng, chống dịch từ nguồn dự phòng ngân sách tỉnh năm 2023, hoàn thành trước ngày 31/10/2023.',
      ],
      {
        no: '4',
        content:
          'Tham mưu UBND tỉnh bố trí kinh phí phòng, chống dịch từ nguồn dự phòng ngân sách tỉnh năm 2023',
        lead: tn('Sở Tài chính'),
        support: [],
        deadline: on('trước ngày 31/10/2023', '2023-10-31'),
      },
    )
    .task(
      [
        '5. Sở Tài nguyên và Môi trường: Chủ trì, phối hợp với Sở Xây dựng hướng dẫn các địa phương thu gom, xử lý rác thải, phế liệu có khả năng chứa nước đọng tại khu dân cư, công trình xây dựng, hoàn thành trong quý IV/2023.',
      ],
      {
        no: '5',
        content:
          'Hướng dẫn các địa phương thu gom, xử lý rác thải, phế liệu có khả năng chứa nước đọng tại khu dân cư, công trình xây dựng',
        lead: tn('Sở Tài nguyên và Môi trường'),
        support: tn('Sở Xây dựng'),
        deadline: on('trong quý IV/2023', '2023-12-31'),
      },
    )
    .task(
      [
        '6. UBND các huyện, thị xã, thành phố: Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại tất cả các xã, phường, thị trấn; báo cáo kết quả về Sở Y tế trước ngày 25 hằng tháng.',
      ],
      {
        no: '6',
        content:
          'Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại tất cả các xã, phường, thị trấn; báo cáo kết quả về Sở Y tế',
        lead: tn('UBND các huyện, thị xã, thành phố'),
        support: [],
        deadline: every('trước ngày 25 hằng tháng', { every: 'month', day: 25 }),
      },
    )
    .task(
      [
        '7. Văn phòng UBND tỉnh: Theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp tình hình, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2023.',
      ],
      {
        no: '7',
        content:
          'Theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp tình hình, báo cáo Chủ tịch UBND tỉnh',
        lead: tn('Văn phòng UBND tỉnh'),
        support: [],
        deadline: on('trước ngày 15/12/2023', '2023-12-15'),
      },
    )
    .add(
      'Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các huyện, thị xã, thành phố nghiêm túc triển khai thực hiện Chỉ thị này./.',
    );
  const front: Front = {
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH ĐỊNH'],
    numberLine: 'Số: 11/CT-UBND',
    placeDate: 'Bình Định, ngày 29 tháng 8 năm 2023',
    heading: 'CHỈ THỊ',
    title: [BD_TITLE],
  };
  const sign: Sign = {
    recipients: [
      '- Bộ Y tế;',
      '- TT Tỉnh ủy, TT HĐND tỉnh;',
      '- CT, các PCT UBND tỉnh;',
      '- Các sở, ban, ngành;',
      '- UBND các huyện, TX, TP;',
      '- Lưu: VT, K14.',
    ],
    lines: ['CHỦ TỊCH'],
    signer: 'Phạm Quang Vinh',
  };
  return {
    front,
    body: d,
    sign,
    expected: {
      plan: {
        number: '11/CT-UBND',
        docType: 'CT',
        issuedOn: '2023-08-29',
        place: 'Bình Định',
        title: BD_TITLE,
        signer: sign.signer,
      },
      sections: d.sections(),
      tasks: d.tasks.map(expectedTask),
    },
  };
}

function proseHtml(front: Front, body: Block[], sign: Sign): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
${PRINT_CSS}</style></head><body>
${frontHtml(front)}
${body.map(blockHtml).join('\n')}
${signHtml(sign)}
</body></html>`;
}

// ── 3. a Prime Minister's Quyết định with a task appendix table (2023) → .pdf, `government` ─────

interface TableRowSpec extends Omit<Truth, 'section'> {
  leadWritten: string;
  supportWritten: string;
}
interface TableSection {
  code: string;
  title: string;
  rows: TableRowSpec[];
}
const tr = (
  no: string,
  content: string,
  leadWritten: string,
  lead: string[],
  supportWritten: string,
  support: string[],
  product: string,
  deadline: Deadline,
): TableRowSpec => ({ no, content, leadWritten, lead, supportWritten, support, product, deadline });
const tableTasks = (sections: TableSection[]): ExpectedTask[] =>
  sections.flatMap((s) =>
    s.rows.map((r) =>
      expectedTask({
        section: s.code,
        no: r.no,
        content: r.content,
        lead: r.lead,
        support: r.support,
        deadline: r.deadline,
        product: r.product || undefined,
      }),
    ),
  );

const TTG_TITLE =
  'BAN HÀNH KẾ HOẠCH TRIỂN KHAI THANH TOÁN KHÔNG DÙNG TIỀN MẶT TRONG CUNG CẤP DỊCH VỤ CÔNG GIAI ĐOẠN 2023 - 2025';
const TTG_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH',
    rows: [
      tr(
        '1',
        'Xây dựng Nghị định sửa đổi, bổ sung một số điều của Nghị định về thanh toán không dùng tiền mặt, bổ sung quy định về thanh toán phí, lệ phí, nghĩa vụ tài chính trong giải quyết thủ tục hành chính',
        'Ngân hàng Nhà nước Việt Nam',
        gov('Ngân hàng Nhà nước Việt Nam'),
        'Bộ Tài chính, Bộ Tư pháp, VPCP',
        gov('Bộ Tài chính', 'Bộ Tư pháp', 'VPCP'),
        'Nghị định của Chính phủ',
        on('Quý IV năm 2023', '2023-12-31'),
      ),
      tr(
        '2',
        'Sửa đổi các Thông tư quy định mức thu, chế độ thu, nộp phí, lệ phí để áp dụng mức thu thấp hơn đối với hồ sơ nộp và thanh toán trực tuyến',
        'Bộ Tài chính',
        gov('Bộ Tài chính'),
        'Các bộ, ngành',
        gov('Các bộ, ngành'),
        'Thông tư',
        on('Năm 2024', '2024-12-31'),
      ),
      tr(
        '3',
        'Hướng dẫn việc lưu trữ, sử dụng chứng từ điện tử, biên lai điện tử trong thanh toán trực tuyến dịch vụ công',
        'Bộ Nội vụ',
        gov('Bộ Nội vụ'),
        'Bộ KH&CN, Bộ TT&TT',
        gov('Bộ KH&CN', 'Bộ TT&TT'),
        'Văn bản hướng dẫn',
        on('Tháng 12/2023', '2023-12-31'),
      ),
    ],
  },
  {
    code: 'II',
    title: 'PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG THANH TOÁN',
    rows: [
      tr(
        '4',
        'Nâng cấp Nền tảng thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia, kết nối với các ngân hàng và tổ chức cung ứng dịch vụ trung gian thanh toán',
        'Văn phòng Chính phủ',
        gov('Văn phòng Chính phủ'),
        'NHNN; các ngân hàng thương mại; các tổ chức cung ứng dịch vụ trung gian thanh toán',
        [...gov('NHNN'), 'các ngân hàng thương mại', 'các tổ chức cung ứng dịch vụ trung gian thanh toán'],
        'Nền tảng thanh toán được nâng cấp',
        on('Quý II/2024', '2024-06-30'),
      ),
      tr(
        '5',
        'Triển khai thanh toán viện phí, chi phí khám bệnh, chữa bệnh không dùng tiền mặt tại các bệnh viện tuyến trung ương và tuyến tỉnh',
        'Bộ Y tế',
        gov('Bộ Y tế'),
        'Bảo hiểm xã hội Việt Nam, Ngân hàng Nhà nước Việt Nam',
        gov('Bảo hiểm xã hội Việt Nam', 'Ngân hàng Nhà nước Việt Nam'),
        'Báo cáo kết quả triển khai',
        on('Năm 2023 - 2025', '2025-12-31'),
      ),
      tr(
        '6',
        'Thu học phí, các khoản thu dịch vụ giáo dục không dùng tiền mặt tại các cơ sở giáo dục công lập',
        'Bộ GD&ĐT',
        gov('Bộ GD&ĐT'),
        'UBND các tỉnh, thành phố trực thuộc trung ương',
        gov('UBND các tỉnh, thành phố trực thuộc trung ương'),
        'Báo cáo',
        on('Trước 31/3/2024', '2024-03-31'),
      ),
      tr(
        '7',
        'Chi trả trợ cấp ưu đãi người có công, trợ cấp xã hội qua tài khoản thanh toán của người thụ hưởng',
        'Bộ LĐTBXH',
        gov('Bộ LĐTBXH'),
        'Các Bộ: Tài chính, Công an',
        ['Bộ Tài chính', 'Bộ Công an'],
        '',
        on('Năm 2024', '2024-12-31'),
      ),
      tr(
        '8',
        'Kết nối, xác thực thông tin tài khoản định danh điện tử với tài khoản thanh toán của công dân',
        'Bộ Công an',
        gov('Bộ Công an'),
        'NHNN',
        gov('NHNN'),
        'Hệ thống kết nối, xác thực',
        on('Quý I/2024', '2024-03-31'),
      ),
    ],
  },
  {
    code: 'III',
    title: 'TRUYỀN THÔNG, ĐÀO TẠO VÀ ĐÁNH GIÁ',
    rows: [
      tr(
        '9',
        'Tuyên truyền về lợi ích, cách thức thanh toán trực tuyến dịch vụ công trên các phương tiện thông tin đại chúng',
        'Bộ TT&TT',
        gov('Bộ TT&TT'),
        'Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam',
        ['Đài Truyền hình Việt Nam', 'Đài Tiếng nói Việt Nam', 'Thông tấn xã Việt Nam'],
        'Chương trình, chuyên mục',
        every('Hằng năm', { every: 'year' }),
      ),
      tr(
        '10',
        'Bồi dưỡng kỹ năng hướng dẫn người dân thanh toán trực tuyến cho công chức tại Bộ phận Một cửa các cấp',
        'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; UBND các tỉnh, thành phố trực thuộc trung ương',
        gov(
          'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
          'UBND các tỉnh, thành phố trực thuộc trung ương',
        ),
        'Ngân hàng Nhà nước Việt Nam',
        gov('Ngân hàng Nhà nước Việt Nam'),
        '',
        ongoing('Thường xuyên'),
      ),
      tr(
        '11',
        'Sơ kết việc thực hiện Kế hoạch, đề xuất nhiệm vụ giai đoạn tiếp theo',
        'Ngân hàng Nhà nước Việt Nam',
        gov('Ngân hàng Nhà nước Việt Nam'),
        'Các bộ, ngành liên quan',
        gov('các bộ, ngành liên quan'),
        'Báo cáo sơ kết',
        on('Quý IV/2025', '2025-12-31'),
      ),
      tr(
        '12',
        'Tổng hợp tình hình thực hiện, báo cáo Thủ tướng Chính phủ',
        'NHNN',
        gov('NHNN'),
        'Bộ KH&ĐT',
        gov('Bộ KH&ĐT'),
        'Báo cáo Thủ tướng Chính phủ',
        every('Trước ngày 15/12 hằng năm', { every: 'year', month: 12, day: 15 }),
      ),
    ],
  },
];
const TTG_FRONT: Front = {
  issuer: ['THỦ TƯỚNG CHÍNH PHỦ'],
  numberLine: 'Số: 1085/QĐ-TTg',
  placeDate: 'Hà Nội, ngày 14 tháng 9 năm 2023',
  heading: 'QUYẾT ĐỊNH',
  title: [TTG_TITLE],
};
const TTG_SIGN: Sign = {
  recipients: [
    '- Ban Bí thư Trung ương Đảng;',
    '- Thủ tướng, các Phó Thủ tướng Chính phủ;',
    '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
    '- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;',
    '- VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục;',
    '- Lưu: VT, KTTH (2b).',
  ],
  lines: ['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG'],
  signer: 'Nguyễn Minh Tâm',
};
const TTG_DECISION: Block[] = [
  { text: 'THỦ TƯỚNG CHÍNH PHỦ', style: 'center-bold' },
  {
    text: 'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    style: 'italic',
  },
  {
    text: 'Căn cứ Nghị quyết số 131/NQ-CP ngày 06 tháng 10 năm 2022 của Chính phủ về đẩy mạnh cải cách thủ tục hành chính và hiện đại hóa phương thức chỉ đạo, điều hành phục vụ người dân, doanh nghiệp;',
    style: 'italic',
  },
  { text: 'Theo đề nghị của Thống đốc Ngân hàng Nhà nước Việt Nam.', style: 'italic' },
  { text: 'QUYẾT ĐỊNH:', style: 'center-bold' },
  {
    text: 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thanh toán không dùng tiền mặt trong cung cấp dịch vụ công giai đoạn 2023 - 2025 (Phụ lục kèm theo).',
    style: 'body',
  },
  { text: 'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.', style: 'body' },
  {
    text: 'Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành Quyết định này./.',
    style: 'body',
  },
];
const TTG_EXPECTED: ExpectedFixture = {
  directory: 'government',
  plan: {
    number: '1085/QĐ-TTg',
    docType: 'QĐ',
    issuedOn: '2023-09-14',
    place: 'Hà Nội',
    title: TTG_TITLE,
    signer: TTG_SIGN.signer,
  },
  sections: TTG_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(TTG_SECTIONS),
};
const TTG_COLUMNS = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Sản phẩm',
  'Thời gian hoàn thành',
];

function ttgHtml(): string {
  const rows: string[] = [];
  for (const s of TTG_SECTIONS) {
    rows.push(`<tr class="sec"><td class="mid">${s.code}</td><td colspan="5">${esc(s.title)}</td></tr>`);
    for (const r of s.rows) {
      rows.push(
        `<tr><td class="mid">${r.no}</td><td>${esc(r.content)}</td><td>${esc(r.leadWritten)}</td><td>${esc(
          r.supportWritten,
        )}</td><td>${esc(r.product ?? '')}</td><td class="mid">${esc(r.deadline.text)}</td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 18mm 25mm; @bottom-center { content: counter(page); font: 10pt 'Liberation Serif', serif; } }
${PRINT_CSS}
table.tasks { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.2; margin: 6pt 0; }
.tasks th, .tasks td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
.tasks th { text-align: center; vertical-align: middle; } .tasks td.mid { vertical-align: middle; text-align: center; }
.tasks tr.sec td { font-weight: bold; } .tasks tr { break-inside: avoid; }
.appendix { break-before: page; }
</style></head><body>
${frontHtml(TTG_FRONT)}
${TTG_DECISION.map(blockHtml).join('\n')}
${signHtml(TTG_SIGN)}
<div class="appendix"><p class="center-bold">Phụ lục</p>
<p class="center-bold">DANH MỤC NHIỆM VỤ TRIỂN KHAI THANH TOÁN KHÔNG DÙNG TIỀN MẶT TRONG CUNG CẤP DỊCH VỤ CÔNG GIAI ĐOẠN 2023 - 2025</p>
<p class="center-italic">(Kèm theo Quyết định số 1085/QĐ-TTg ngày 14 tháng 9 năm 2023 của Thủ tướng Chính phủ)</p>
<table class="tasks"><colgroup><col style="width:6%"><col style="width:32%"><col style="width:15%"><col style="width:19%"><col style="width:15%"><col style="width:13%"></colgroup>
<thead><tr>${TTG_COLUMNS.map((t) => `<th>${t}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
</body></html>`;
}

// ── 4. a table plan copied from a legal-document website, cells split by " | " (Hậu Giang, 2022) ──

const HG_TITLE = 'Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh Hậu Giang năm 2022';
const SKHDT = 'Sở Kế hoạch và Đầu tư';
const HUYEN_WRITTEN = 'UBND các huyện, thị xã, thành phố';
const HG_SECTIONS: TableSection[] = [
  {
    code: 'I',
    title: 'NHÓM GIẢI PHÁP VỀ GIA NHẬP THỊ TRƯỜNG VÀ TIẾP CẬN ĐẤT ĐAI',
    rows: [
      tr(
        '1',
        'Rút ngắn thời gian cấp Giấy chứng nhận đăng ký doanh nghiệp, tăng tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng',
        'Sở KH&ĐT',
        tn('Sở KH&ĐT'),
        'Cục Thuế tỉnh, Công an tỉnh',
        tn('Cục Thuế tỉnh', 'Công an tỉnh'),
        'Báo cáo kết quả',
        on('Quý II/2022', '2022-06-30'),
      ),
      tr(
        '2',
        'Công khai quy hoạch, kế hoạch sử dụng đất hằng năm của cấp huyện trên Cổng thông tin điện tử tỉnh',
        'Sở TN&MT',
        tn('Sở TN&MT'),
        HUYEN_WRITTEN,
        tn(HUYEN_WRITTEN),
        'Danh mục công khai',
        on('Tháng 6/2022', '2022-06-30'),
      ),
      tr(
        '3',
        'Rà soát, công bố danh mục dự án kêu gọi đầu tư của tỉnh năm 2022',
        SKHDT,
        tn(SKHDT),
        'Các sở, ngành tỉnh; Ban Quản lý các khu công nghiệp tỉnh',
        tn('Các sở, ngành tỉnh', 'Ban Quản lý các khu công nghiệp tỉnh'),
        'Danh mục dự án',
        on('Trước 30/6/2022', '2022-06-30'),
      ),
    ],
  },
  {
    code: 'II',
    title: 'NHÓM GIẢI PHÁP VỀ TÍNH MINH BẠCH VÀ CHI PHÍ KHÔNG CHÍNH THỨC',
    rows: [
      tr(
        '1',
        'Tổ chức Hội nghị đối thoại giữa lãnh đạo tỉnh với cộng đồng doanh nghiệp',
        SKHDT,
        tn(SKHDT),
        'Hiệp hội Doanh nghiệp tỉnh; Văn phòng UBND tỉnh',
        tn('Hiệp hội Doanh nghiệp tỉnh', 'Văn phòng UBND tỉnh'),
        'Hội nghị',
        on('6 tháng đầu năm 2022', '2022-06-30'),
      ),
      tr(
        '2',
        'Thanh tra, kiểm tra việc chấp hành pháp luật về phòng, chống tham nhũng trong giải quyết thủ tục hành chính',
        'Thanh tra tỉnh',
        tn('Thanh tra tỉnh'),
        'Sở Nội vụ',
        tn('Sở Nội vụ'),
        'Kết luận thanh tra',
        on('Quý III năm 2022', '2022-09-30'),
      ),
      tr(
        '3',
        'Xử lý nghiêm cán bộ, công chức có hành vi nhũng nhiễu, gây phiền hà cho doanh nghiệp',
        'Sở Nội vụ, Thanh tra tỉnh',
        tn('Sở Nội vụ', 'Thanh tra tỉnh'),
        '',
        [],
        '',
        ongoing('Thường xuyên'),
      ),
    ],
  },
  {
    code: 'III',
    title: 'NHÓM GIẢI PHÁP VỀ HỖ TRỢ DOANH NGHIỆP',
    rows: [
      tr(
        '1',
        'Hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận nguồn vốn vay ưu đãi, tháo gỡ khó khăn về tín dụng',
        'Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang',
        ['Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang'],
        'Sở Tài chính; Sở Kế hoạch và Đầu tư',
        tn('Sở Tài chính', SKHDT),
        'Báo cáo',
        on('Năm 2022', '2022-12-31'),
      ),
      tr(
        '2',
        'Đào tạo nghề cho lao động làm việc tại các khu công nghiệp theo đặt hàng của doanh nghiệp',
        'Sở LĐTBXH',
        tn('Sở LĐTBXH'),
        'Sở Giáo dục và Đào tạo',
        tn('Sở Giáo dục và Đào tạo'),
        'Lớp đào tạo',
        on('Năm 2022 – 2023', '2023-12-31'),
      ),
      tr(
        '3',
        'Xúc tiến thương mại, quảng bá sản phẩm chủ lực và sản phẩm OCOP của tỉnh',
        'Sở Công Thương',
        tn('Sở Công Thương'),
        'Sở NN&PTNT',
        tn('Sở NN&PTNT'),
        'Báo cáo',
        every('Hằng quý', { every: 'quarter' }),
      ),
      tr(
        '4',
        'Báo cáo kết quả thực hiện Kế hoạch về Sở Kế hoạch và Đầu tư để tổng hợp',
        `Các sở, ban, ngành tỉnh; ${HUYEN_WRITTEN}`,
        tn('Các sở, ban, ngành tỉnh', HUYEN_WRITTEN),
        SKHDT,
        tn(SKHDT),
        'Báo cáo',
        on('Trước ngày 15/11/2022', '2022-11-15'),
      ),
    ],
  },
];
const HG_SIGNER = 'Trương Văn Hiếu';
const HG_EXPECTED: ExpectedFixture = {
  plan: {
    number: '84/KH-UBND',
    docType: 'KH',
    issuedOn: '2022-04-12',
    place: 'Hậu Giang',
    title: HG_TITLE,
    signer: HG_SIGNER,
  },
  sections: HG_SECTIONS.map(({ code, title }) => ({ code, title })),
  tasks: tableTasks(HG_SECTIONS),
};

function webText(): string {
  const lines = [
    'ỦY BAN NHÂN DÂN TỈNH HẬU GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |',
    'Số: 84/KH-UBND | Hậu Giang, ngày 12 tháng 4 năm 2022 |',
    '',
    'KẾ HOẠCH',
    HG_TITLE,
    '',
    'Căn cứ Nghị quyết số 02/NQ-CP ngày 10 tháng 01 năm 2022 của Chính phủ về những nhiệm vụ, giải pháp chủ yếu cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh quốc gia năm 2022;',
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh năm 2022 như sau:',
    'I. MỤC TIÊU',
    'Phấn đấu năm 2022 Chỉ số PCI của tỉnh tăng ít nhất 03 bậc so với năm 2021; cải thiện các chỉ số thành phần có điểm số thấp.',
    'II. NHIỆM VỤ, GIẢI PHÁP CỤ THỂ',
    '(Chi tiết tại Phụ lục kèm theo)',
    '',
    'PHỤ LỤC',
    'PHÂN CÔNG NHIỆM VỤ CẢI THIỆN CHỈ SỐ PCI NĂM 2022',
    '(Kèm theo Kế hoạch số 84/KH-UBND ngày 12/4/2022 của UBND tỉnh Hậu Giang)',
    '',
    ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', 'Sản phẩm'].join(' | '),
  ];
  for (const s of HG_SECTIONS) {
    lines.push(`${s.code} | ${s.title} | | | |`);
    for (const r of s.rows) {
      lines.push(
        [r.no, r.content, r.leadWritten, r.supportWritten, r.deadline.text, r.product ?? ''].join(' | '),
      );
    }
  }
  lines.push(
    '',
    'III. TỔ CHỨC THỰC HIỆN',
    'Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố triển khai thực hiện Kế hoạch này; định kỳ báo cáo kết quả về Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo UBND tỉnh./.',
    '',
    'Nơi nhận:',
    '- VPCP, Bộ KH&ĐT;',
    '- TT: TU, HĐND tỉnh;',
    '- Như mục III;',
    '- Lưu: VT, NCTH. | TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    '',
    HG_SIGNER,
    '',
  );
  return lines.join('\n');
}

// ── 5. a scan: one printed page of a prose plan (Lâm Đồng, 2024), 200 dpi, 0.5°, light noise ──────

const LD_TITLE = 'Triển khai Tháng hành động vì an toàn thực phẩm năm 2024';

function lamDong(): { front: Front; body: Prose; sign: Sign; expected: ExpectedFixture } {
  const d = new Prose();
  d.add(
    'Thực hiện Kế hoạch số 245/KH-BCĐTWATTP của Ban Chỉ đạo liên ngành Trung ương về vệ sinh an toàn thực phẩm, UBND tỉnh ban hành Kế hoạch như sau:',
  )
    .heading('I', 'MỤC ĐÍCH, YÊU CẦU')
    .add(
      'Nâng cao nhận thức, trách nhiệm của người sản xuất, kinh doanh và người tiêu dùng về bảo đảm an toàn thực phẩm.',
    )
    .heading('II', 'NỘI DUNG HOẠT ĐỘNG')
    .task(
      [
        '1. Ban hành văn bản chỉ đạo triển khai Tháng hành động vì an toàn thực phẩm trên địa bàn tỉnh.',
        '- Đơn vị thực hiện: Sở Y tế chủ trì, phối hợp với Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn.',
        '- Thời gian: Trước ngày 15/4/2024.',
      ],
      {
        no: '1',
        content: 'Ban hành văn bản chỉ đạo triển khai Tháng hành động vì an toàn thực phẩm trên địa bàn tỉnh',
        lead: tn('Sở Y tế'),
        support: tn('Sở Công Thương', 'Sở Nông nghiệp và Phát triển nông thôn'),
        deadline: on('Trước ngày 15/4/2024.', '2024-04-15'),
      },
    )
    .task(
      [
        '2. Tổ chức Lễ phát động Tháng hành động vì an toàn thực phẩm cấp tỉnh.',
        '- Đơn vị thực hiện: Sở Y tế.',
        '- Thời gian: Tháng 4/2024.',
      ],
      {
        no: '2',
        content: 'Tổ chức Lễ phát động Tháng hành động vì an toàn thực phẩm cấp tỉnh',
        lead: tn('Sở Y tế'),
        support: [],
        deadline: on('Tháng 4/2024.', '2024-04-30'),
      },
    )
    .task(
      [
        '3. Tuyên truyền về an toàn thực phẩm trên Báo Lâm Đồng, Đài Phát thanh - Truyền hình tỉnh và hệ thống truyền thanh cơ sở.',
        '- Đơn vị thực hiện: Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Y tế.',
        '- Thời gian: Từ ngày 15/4 đến ngày 15/5/2024.',
      ],
      {
        no: '3',
        content:
          'Tuyên truyền về an toàn thực phẩm trên Báo Lâm Đồng, Đài Phát thanh - Truyền hình tỉnh và hệ thống truyền thanh cơ sở',
        lead: tn('Sở Thông tin và Truyền thông'),
        support: tn('Sở Y tế'),
        deadline: on('Từ ngày 15/4 đến ngày 15/5/2024.', '2024-05-15'),
      },
    )
    .task(
      [
        '4. Thanh tra, kiểm tra liên ngành về an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm, bếp ăn tập thể.',
        '- Đơn vị thực hiện: Sở Y tế chủ trì, phối hợp với Công an tỉnh, Sở Công Thương.',
        '- Thời gian: Quý II năm 2024.',
      ],
      {
        no: '4',
        content:
          'Thanh tra, kiểm tra liên ngành về an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm, bếp ăn tập thể',
        lead: tn('Sở Y tế'),
        support: tn('Công an tỉnh', 'Sở Công Thương'),
        deadline: on('Quý II năm 2024.', '2024-06-30'),
      },
    )
    .task(
      [
        '5. Báo cáo kết quả triển khai Tháng hành động về Sở Y tế để tổng hợp, báo cáo UBND tỉnh.',
        '- Đơn vị thực hiện: UBND các huyện, thành phố.',
        '- Thời gian: Trước ngày 31/5/2024.',
      ],
      {
        no: '5',
        content: 'Báo cáo kết quả triển khai Tháng hành động về Sở Y tế để tổng hợp, báo cáo UBND tỉnh',
        lead: ['UBND các huyện, thành phố'],
        support: [],
        deadline: on('Trước ngày 31/5/2024.', '2024-05-31'),
      },
    );
  const front: Front = {
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG'],
    numberLine: 'Số: 58/KH-UBND',
    placeDate: 'Lâm Đồng, ngày 02 tháng 4 năm 2024',
    heading: 'KẾ HOẠCH',
    title: [LD_TITLE],
  };
  const sign: Sign = {
    recipients: ['- Bộ Y tế;', '- CT, các PCT UBND tỉnh;', '- Như mục II;', '- Lưu: VT, VX.'],
    lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signer: 'Đinh Văn Tuấn',
  };
  return {
    front,
    body: d,
    sign,
    expected: {
      ocr: true,
      plan: {
        number: '58/KH-UBND',
        docType: 'KH',
        issuedOn: '2024-04-02',
        place: 'Lâm Đồng',
        title: LD_TITLE,
        // Only the plan's first page is scanned; the signature block is printed on its second page.
        signer: null,
      },
      sections: d.sections(),
      tasks: d.tasks.map(expectedTask),
    },
  };
}

/** Rotates by `degrees` about the centre (bilinear, white outside), then adds grain and a few specks. */
function scanLook(img: Grey, degrees: number, seed: number): Grey {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  const a = (degrees * Math.PI) / 180;
  const [cos, sin, cx, cy] = [Math.cos(a), Math.sin(a), width / 2, height / 2];
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 255 : (data[y * width + x] ?? 255);
  const random = mulberry32(seed);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let v =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
      v = v * 0.94 + 8; // paper is not pure white, ink not pure black
      if (random() < 0.08) v += (random() - 0.5) * 70;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  const specks = Math.round((width * height) / 30_000);
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(random() * (width - 3));
    const y = Math.floor(random() * (height - 3));
    const size = 1 + Math.floor(random() * 3);
    for (let dy = 0; dy < size; dy++)
      for (let dx = 0; dx < size; dx++) out[(y + dy) * width + x + dx] = 50 + Math.floor(random() * 60);
  }
  return { width, height, data: out };
}

/**
 * Prints `html`, rasterises its first page at 200 dpi (pdftoppm), tilts it and adds seeded noise,
 * and wraps the image in a PDF with no text layer, as a scanner writes it. (ImageMagick is not
 * available on this machine — `convert` is a stand-in — so the tilt and the noise are done here.)
 */
function scanOfFirstPage(html: string, degrees: number, seed: number): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-holdout-scan-'));
  try {
    const printed = join(dir, 'printed.pdf');
    printToPdf(html, printed);
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-gray',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      printed,
      join(dir, 'page'),
    ]);
    return scannedPdf([pngBytes(scanLook(readPgm(join(dir, 'page.pgm')), degrees, seed), 'none')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  const expectedFiles: string[] = [];
  const write = (name: string, ext: string, bytes: Buffer | string | null, expected: ExpectedFixture) => {
    const file = join(OUT, `${name}.${ext}`);
    if (bytes !== null) writeFileSync(file, bytes);
    const json = join(OUT, `${name}.expected.json`);
    writeFileSync(json, `${JSON.stringify(expected, null, 2)}\n`);
    written.push(file, json);
    expectedFiles.push(json);
  };

  const bp = binhPhuoc();
  write('holdout-prose-binh-phuoc', 'docx', await proseDocx(bp.front, bp.body.blocks, bp.sign), bp.expected);

  const bd = binhDinh();
  printToPdf(proseHtml(bd.front, bd.body.blocks, bd.sign), join(OUT, 'holdout-chi-thi-binh-dinh.pdf'));
  write('holdout-chi-thi-binh-dinh', 'pdf', null, bd.expected);

  printToPdf(ttgHtml(), join(OUT, 'holdout-qd-ttg-appendix.pdf'));
  write('holdout-qd-ttg-appendix', 'pdf', null, TTG_EXPECTED);

  write('holdout-web-hau-giang', 'txt', webText(), HG_EXPECTED);

  const ld = lamDong();
  const ldHtml = proseHtml(ld.front, ld.body.blocks, ld.sign).replace('font: 13pt/1.35', 'font: 12pt/1.3');
  write('holdout-scan-lam-dong', 'pdf', await scanOfFirstPage(ldHtml, 0.5, 1307), ld.expected);

  // biome formats the JSON of test/**: format the expected files the same way, so a rerun is a no-op.
  execFileSync('npx', ['biome', 'format', '--write', ...expectedFiles], { cwd: ROOT, stdio: 'ignore' });
  console.log(`${written.length} files written:\n  ${written.join('\n  ')}`);
}

await main();
