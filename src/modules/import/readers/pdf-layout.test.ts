import { describe, expect, it } from 'vitest';
import { lineText, pageLines } from './pdf-lines.ts';
import { type PositionedText, positionedPagesToPlanText } from './pdf-reader.ts';

const SIZE = 10;
/** A word box at (x, baseline y); glyphs half an em wide, as OCR or a text layer gives them. */
const word = (str: string, x: number, y: number): PositionedText => ({
  str,
  x,
  y,
  width: [...str].length * SIZE * 0.5,
  height: SIZE,
});
/** The words of `text` from x, one space (0.3 em) apart. */
function words(text: string, x: number, y: number): PositionedText[] {
  const out: PositionedText[] = [];
  let at = x;
  for (const w of text.split(' ')) {
    out.push(word(w, at, y));
    at += [...w].length * SIZE * 0.5 + 0.3 * SIZE;
  }
  return out;
}

/** A table page: header at y 700, rows of (no, content lines, lead, deadline), STT and deadline centred. */
function tablePage(rows: Array<[string, string[], string, string]>, top = 700): PositionedText[] {
  const page = [
    ...words('STT', 50, top),
    ...words('Nội dung công việc', 90, top),
    ...words('Cơ quan chủ trì', 300, top),
    ...words('Thời hạn', 420, top),
  ];
  let y = top - 20;
  for (const [no, content, lead, deadline] of rows) {
    const middle = y - ((content.length - 1) * 12) / 2;
    page.push(...words(no, 55, middle), ...words(deadline, 420, middle));
    for (const [k, line] of content.entries()) page.push(...words(line, 90, y - k * 12));
    page.push(...words(lead, 300, y));
    y -= content.length * 12 + 8;
  }
  return page;
}

const ROWS: Array<[string, string[], string, string]> = [
  [
    '1',
    ['Rà soát thủ tục hành chính', 'thuộc thẩm quyền của tỉnh', 'và đề xuất đơn giản hóa'],
    'Sở Tư pháp',
    'Quý II/2024',
  ],
  ['2', ['Số hóa hồ sơ, kết quả', 'giải quyết thủ tục'], 'Sở Nội vụ', 'Tháng 6/2024'],
  [
    '3',
    ['Tổ chức tập huấn', 'nghiệp vụ một cửa', 'cho công chức cấp xã', 'trên địa bàn tỉnh', 'năm 2024'],
    'Văn phòng UBND tỉnh',
    'Thường xuyên',
  ],
  ['4', ['Báo cáo kết quả'], 'Sở Tài chính', 'Trước ngày 15/12/2024'],
];
const rowLines = (text: string) => text.split('\n').filter((line) => /^\d\t/u.test(line));

describe('PDF layout rules on positioned text', () => {
  it('keeps lines above a vertically centred STT with its row, without drawn borders', () => {
    expect(rowLines(positionedPagesToPlanText([tablePage(ROWS)]))).toEqual(
      ROWS.map(([no, content, lead, deadline]) => [no, content.join(' '), lead, deadline].join('\t')),
    );
  });

  it('finds the rows from drawn rules, and repeats a vertically merged cell on each row it covers', () => {
    const rows = ROWS.map(([no, content, lead, deadline], i): [string, string[], string, string] => [
      no,
      content,
      i === 2 ? '' : lead,
      deadline,
    ]);
    // rules under the header and under each row; under row 2 the lead column (x 295–410) is open
    const cut = (y: number, x = 45, end = 500) => ({ y, x, end });
    const bottoms = [693, 649, 617, 549, 529];
    const rules = bottoms.flatMap((y, k) => (k === 2 ? [cut(y, 45, 295), cut(y, 410, 500)] : [cut(y)]));
    const text = positionedPagesToPlanText([tablePage(rows)], [rules]);
    expect(rowLines(text).map((line) => line.split('\t')[2])).toEqual([
      'Sở Tư pháp',
      'Sở Nội vụ',
      'Sở Nội vụ',
      'Sở Tài chính',
    ]);
  });

  it('falls back to the positions when the rules do not part the rows (a table ruled around its header only)', () => {
    const rules = [693, 712, 529].map((y) => ({ y, x: 45, end: 500 }));
    expect(rowLines(positionedPagesToPlanText([tablePage(ROWS)], [rules]))).toEqual(
      ROWS.map(([no, content, lead, deadline]) => [no, content.join(' '), lead, deadline].join('\t')),
    );
  });

  it('drops running headers and footers and page numbers, and a table continues across them', () => {
    const pages = [0, 1, 2].map((p) => [
      ...words(
        p % 2 ? `CÔNG BÁO/Số 259/Ngày 30-04-2026 ${59 + p}` : `${59 + p} CÔNG BÁO/Số 259/Ngày 30-04-2026`,
        50,
        800,
      ),
      ...tablePage(ROWS.slice(p, p + 2)),
      ...words(`Trang ${p + 1}/3`, 250, 40),
    ]);
    const text = positionedPagesToPlanText(pages);
    expect(text).not.toMatch(/CÔNG BÁO|Trang/u);
    expect(text.split('\n').filter((line) => line.startsWith('STT\t'))).toHaveLength(1);
    expect(rowLines(text).map((line) => line.split('\t')[0])).toEqual(['1', '2', '2', '3', '3', '4']);
  });

  it('keeps a line repeated on pages that hold nothing else (no body, so no running header)', () => {
    const pages = [1, 2, 3].map(() => words('Kế hoạch số 1/KH-UBND - trang', 72, 720));
    expect(positionedPagesToPlanText(pages).trim().split('\n')).toEqual(
      Array(3).fill('Kế hoạch số 1/KH-UBND - trang'),
    );
  });

  it('reads "Nơi nhận" beside the signature column by column, and joins a wrapped paragraph', () => {
    const page = [
      ...words('Các cơ quan, đơn vị báo cáo kết quả về Sở Nội vụ', 50, 700),
      ...words('trước ngày 15/12/2024./.', 50, 688),
      ...words('Nơi nhận:', 50, 660),
      ...words('TM. ỦY BAN NHÂN DÂN', 330, 660),
      ...words('- Bộ Nội vụ;', 50, 648),
      ...words('CHỦ TỊCH', 350, 648),
      ...words('- Lưu: VT.', 50, 636),
      ...words('Nguyễn Văn An', 335, 636),
    ];
    expect(positionedPagesToPlanText([page]).trim().split('\n')).toEqual([
      'Các cơ quan, đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2024./.',
      '',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
    ]);
  });
});

describe('pageLines', () => {
  /** pdfjs' items of one line: pieces cut where the fallback font takes over, `gap` em apart */
  const pieces = (gap: number) => {
    const items: object[] = [];
    let x = 50;
    for (const [text, after] of [
      ['Hà N', gap],
      ['ội', 0.25],
      ['NHI', gap],
      ['ỆM', 0.25],
      ['V', gap],
      ['Ụ', 0],
    ] as const) {
      const width = [...text].length * 6;
      items.push({ str: text, transform: [12, 0, 0, 12, x, 700], width, height: 12 });
      // pdfjs marks a gap over 0.1 em with a space item
      if (after > 0.1)
        items.push({ str: ' ', transform: [12, 0, 0, 12, x + width, 700], width: after * 12, height: 12 });
      x += width + after * 12;
    }
    return items;
  };
  const text = (items: object[]) => pageLines(items, 1).map((line) => lineText(line.tokens));

  it('joins the pieces of a word printed in two fonts, even where pdfjs marked a space', () => {
    expect(text(pieces(0.05))).toEqual(['Hà Nội NHIỆM VỤ']);
    expect(text(pieces(0.12))).toEqual(['Hà Nội NHIỆM VỤ']);
  });

  it('keeps words apart when every gap is a space', () => {
    expect(text(pieces(0.25))).toEqual(['Hà N ội NHI ỆM V Ụ']);
  });
});
