/**
 * Typography of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait,
 * Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm. Sizes are in half-points
 * (docx `size`), lengths in twips (1 mm ≈ 56.7 twips).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  type Table,
  TableBorders,
  TableLayoutType,
  TextRun,
  WidthType,
} from 'docx';

export const FONT = 'Times New Roman';

export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  margin: { top: 1134, bottom: 1134, left: 1701, right: 850 }, // 20, 20, 30, 15 mm
  headerDistance: 567, // the page number sits 10 mm from the top edge
} as const;

/** Text width between the margins: 165 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Default cell padding left and right (Word's 0.19 cm). */
export const CELL_PADDING = 108;

export const SIZE = {
  body: 28,
  header: 26,
  table: 26,
  national: 24,
  abstract: 24,
  recipients: 22,
  label: 24,
};

export interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
  });
}

export interface ParaStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  /** Line spacing in 240ths of a line (240 = single, 276 = 1.15). */
  line?: number;
  firstLine?: number;
  indent?: number;
  keepNext?: boolean;
}

export function para(children: ParagraphChild[], style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: style.align ?? AlignmentType.LEFT,
    spacing: {
      before: style.before ?? 0,
      after: style.after ?? 0,
      line: style.line ?? 240,
      lineRule: LineRuleType.AUTO,
    },
    ...(style.firstLine || style.indent
      ? {
          indent: {
            ...(style.firstLine ? { firstLine: style.firstLine } : {}),
            ...(style.indent ? { left: style.indent, right: style.indent } : {}),
          },
        }
      : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
  });
}

/** One line of text in a single style. */
export function line(text: string, run_: RunStyle, style: ParaStyle = {}): Paragraph {
  return para([run(text, run_)], style);
}

/**
 * A short centred horizontal rule (solid, 0.5 pt) of `length` twips in a column `columnWidth` wide:
 * an empty paragraph, 1 pt high and 2 pt below the text, with a top border narrowed by equal indents.
 */
export function rule(length: number, columnWidth: number): Paragraph {
  const indent = Math.max(0, Math.round((columnWidth - 2 * CELL_PADDING - length) / 2));
  return new Paragraph({
    children: [run('', { size: 2 })],
    spacing: { before: 40, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: indent, right: indent },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THIN_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

/** Properties shared by the letter's tables: fixed layout over the text width. */
export function tableFrame(columnWidths: number[], bordered: boolean) {
  return {
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: bordered ? THIN_BORDERS : TableBorders.NONE,
  };
}

/**
 * The .docx of an administrative document on the page above: the page number centred at the top
 * from the second page on (none on the first), `children` the body from the national heading to the
 * recipients.
 */
export async function renderOfficialDocx(meta: {
  creator: string;
  title: string;
  children: (Paragraph | Table)[];
}): Promise<Uint8Array> {
  const pageNumber = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body });
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.headerDistance },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumber] })],
          }),
          first: new Header({ children: [] }),
        },
        children: meta.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
