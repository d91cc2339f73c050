/**
 * Plan PDFs laid out the way published ones are, made with pdfkit in memory for the PDF reader's
 * tests and the speed measure (no file, no browser): a task table whose long cells wrap while the STT
 * and deadline cells sit vertically centred in the row, drawn borders or none, a vertically merged
 * lead cell, rows split by a page break under a repeated header, and the gazette's running header
 * ('CÔNG BÁO/Số 259/Ngày 30-04-2026 59') and footer ('Trang 2/3') on every page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export interface LayoutTask {
  no: string;
  content: string;
  lead: string;
  support: string;
  deadline: string;
}

export interface TablePlanOptions {
  /** cell borders drawn (default true) */
  borders?: boolean;
  /** the lead of tasks 4 and 5 is one merged cell (default: as `borders`) */
  merged?: boolean;
  /** copies of the task list, for a long document (default 1) */
  repeat?: number;
  /** the body goes on right under the table: CLOSING_HEADING and a paragraph (default false) */
  closing?: boolean;
}

export const LAYOUT_PLAN_NUMBER = '45/KH-UBND';
export const LAYOUT_PLAN_TITLE = 'Thực hiện chuyển đổi số trong cơ quan nhà nước năm 2026';
export const GAZETTE_LINE = 'CÔNG BÁO/Số 259/Ngày 30-04-2026';
export const CLOSING_HEADING = 'III. TỔ CHỨC THỰC HIỆN';

const FONTS_DIR = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
const REGULAR = join(FONTS_DIR, '400Regular/Tinos_400Regular.ttf');
const BOLD = join(FONTS_DIR, '700Bold/Tinos_700Bold.ttf');

const CONTENTS = [
  'Xây dựng, cập nhật Kiến trúc chính quyền điện tử, chính quyền số của tỉnh phiên bản 3.0',
  'Rà soát, đánh giá mức độ sẵn sàng chuyển đổi số của các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố; đề xuất giải pháp khắc phục những tồn tại, hạn chế trong năm 2025',
  'Tập huấn kỹ năng số',
  'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia, Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành; bảo đảm an toàn thông tin theo cấp độ; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
  'Triển khai nền tảng họp trực tuyến cho cấp xã',
  'Tuyên truyền, phổ biến lợi ích của dịch vụ công trực tuyến toàn trình trên báo, đài và mạng xã hội',
  'Kiểm tra việc thực hiện',
];
const LEADS = ['Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Tài chính'];
const SUPPORTS = ['Các sở, ban, ngành tỉnh', 'UBND cấp xã', 'Công an tỉnh; Sở Tư pháp'];
const DEADLINES = ['Quý II/2026', 'Trước ngày 30/9/2026', 'Thường xuyên', 'Tháng 12/2026'];

/** The tasks of the table (`repeat` copies, numbered on), with a merged lead written once. */
export function layoutTasks(repeat = 1): LayoutTask[] {
  const lead = (i: number) => LEADS[(i % CONTENTS.length === 4 ? i - 1 : i) % LEADS.length] ?? '';
  return Array.from({ length: CONTENTS.length * repeat }, (_, i) => ({
    no: String(i + 1),
    content: CONTENTS[i % CONTENTS.length] ?? '',
    lead: lead(i),
    support: SUPPORTS[i % SUPPORTS.length] ?? '',
    deadline: DEADLINES[i % DEADLINES.length] ?? '',
  }));
}

const [LEFT, TOP, BOTTOM, SIZE, PAD] = [70, 790, 60, 11, 4];
const LINE = SIZE * 1.2;
const WIDTHS = [32, 210, 85, 90, 63];
const HEADER = ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành'];

type Doc = PDFKit.PDFDocument;

function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && doc.widthOfString(`${last} ${word}`) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A plan whose task table runs over several pages (see the module's comment). */
export async function tablePlanPdf(options: TablePlanOptions = {}): Promise<Uint8Array> {
  const { borders = true, repeat = 1, closing = false } = options;
  const merged = options.merged ?? borders;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    info: { CreationDate: new Date(0) },
  });
  doc.registerFont('regular', REGULAR).registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const put = (text: string, x: number, y: number, face = 'regular', size = SIZE) =>
    doc
      .font(face)
      .fontSize(size)
      .text(text, x, 842 - y - size * 0.8, { lineBreak: false });
  const line = (x: number, y: number, end: number) => {
    if (borders)
      doc
        .moveTo(x, 842 - y)
        .lineTo(end, 842 - y)
        .lineWidth(0.5)
        .stroke();
  };
  const columnX = WIDTHS.map((_, c) => LEFT + WIDTHS.slice(0, c).reduce((s, w) => s + w, 0));
  const right = LEFT + WIDTHS.reduce((s, w) => s + w, 0);
  const vertical = (top: number, bottom: number) => {
    if (borders)
      for (const x of [...columnX, right])
        doc
          .moveTo(x, 842 - top)
          .lineTo(x, 842 - bottom)
          .stroke();
  };
  const cellLines = (lines: string[], column: number, top: number, face: string) => {
    for (const [k, text] of lines.entries())
      put(text, (columnX[column] ?? 0) + 3, top - PAD - (k + 1) * LINE + 0.2 * LINE, face);
  };
  /** one row part: cells' lines, STT and deadline centred in the part's height */
  const part = (cells: string[][], top: number, heightLines: number, centred: boolean[]) => {
    const height = heightLines * LINE + 2 * PAD;
    for (const [c, lines] of cells.entries()) {
      const offset = centred[c] ? ((heightLines - lines.length) * LINE) / 2 : 0;
      cellLines(lines, c, top - offset, 'regular');
    }
    vertical(top, top - height);
    return top - height;
  };
  const header = (top: number) => {
    line(LEFT, top, right);
    doc.font('bold').fontSize(SIZE);
    const cells = HEADER.map((title, c) => wrap(doc, title, (WIDTHS[c] ?? 0) - 6));
    const rows = Math.max(...cells.map((c) => c.length));
    for (const [c, lines] of cells.entries()) cellLines(lines, c, top, 'bold');
    vertical(top, top - rows * LINE - 2 * PAD);
    const bottom = top - rows * LINE - 2 * PAD;
    line(LEFT, bottom, right);
    return bottom;
  };
  const tasks = layoutTasks(repeat);
  const opening: Array<[string, number, number, string, number]> = [
    ['ỦY BAN NHÂN DÂN', LEFT, 790, 'bold', 12],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 790, 'bold', 12],
    ['TỈNH BÌNH PHƯỚC', LEFT + 10, 774, 'bold', 12],
    ['Độc lập - Tự do - Hạnh phúc', 350, 774, 'bold', 12],
    [`Số: ${LAYOUT_PLAN_NUMBER}`, LEFT + 5, 752, 'regular', 12],
    ['Bình Phước, ngày 30 tháng 4 năm 2026', 330, 752, 'regular', 12],
    ['KẾ HOẠCH', 260, 712, 'bold', 14],
    [LAYOUT_PLAN_TITLE, 120, 694, 'bold', 12],
    ['Các nhiệm vụ, cơ quan thực hiện và thời hạn tại Phụ lục kèm theo./.', LEFT + 20, 666, 'regular', 12],
    ['TM. ỦY BAN NHÂN DÂN', 360, 645, 'bold', 12],
    ['CHỦ TỊCH', 390, 631, 'bold', 12],
    ['Trần Tuệ Hiền', 380, 598, 'bold', 12],
    ['PHỤ LỤC', 270, 570, 'bold', 12],
  ];
  for (const [text, x, at, face, size] of opening) put(text, x, at, face, size);
  let y = 570;
  y = header(y - 14);
  y = part([['I'], ['Chính quyền số'], [], [], []], y, 1, [false]);
  line(LEFT, y, right);
  doc.font('regular').fontSize(SIZE);
  tasks.forEach((task, i) => {
    const joinsNext = merged && i % CONTENTS.length === 3;
    const joinedAbove = merged && i % CONTENTS.length === 4;
    const lead = joinedAbove ? '' : task.lead;
    let cells = [[task.no], task.content, lead, task.support, task.deadline].map((text, c) =>
      Array.isArray(text) ? text : text === '' ? [] : wrap(doc, text, (WIDTHS[c] ?? 0) - 6),
    );
    const centred = [true, false, false, false, true];
    let rows = Math.max(...cells.map((c) => c.length));
    if (y - rows * LINE - 2 * PAD < BOTTOM) {
      const fits = Math.floor((y - BOTTOM - 2 * PAD) / LINE);
      if (fits >= 2) {
        // the row breaks across the page: its first lines here, the rest under the repeated header
        y = part(
          cells.map((c) => c.slice(0, fits)),
          y,
          fits,
          centred,
        );
        line(LEFT, y, right);
        cells = cells.map((c, k) => (centred[k] ? [] : c.slice(fits)));
        rows = Math.max(...cells.map((c) => c.length));
      }
      doc.addPage();
      y = header(TOP);
    }
    y = part(cells, y, rows, centred);
    if (joinsNext) {
      line(LEFT, y, columnX[2] ?? 0);
      line(columnX[3] ?? 0, y, right);
    } else line(LEFT, y, right);
  });
  if (closing) {
    if (y < BOTTOM + 60) {
      doc.addPage();
      y = TOP;
    }
    put(CLOSING_HEADING, LEFT, y - 18, 'bold', 12);
    put('Các sở, ban, ngành tỉnh tổ chức thực hiện Kế hoạch này./.', LEFT + 20, y - 34, 'regular', 12);
  }
  const pages = doc.bufferedPageRange().count;
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(p);
    const number = 58 + p;
    put(
      p % 2 === 0 ? `${number} ${GAZETTE_LINE}` : `${GAZETTE_LINE} ${number}`,
      p % 2 === 0 ? LEFT : 300,
      815,
      'regular',
      10,
    );
    put(`Trang ${p + 1}/${pages}`, 280, 30, 'regular', 10);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
