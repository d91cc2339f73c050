/**
 * The report as .docx in the layout of a báo cáo under Nghị định 30/2020/NĐ-CP (Phụ lục I): the
 * reminder letter's header and foot tables and typography (src/modules/letters), then the title
 * BÁO CÁO with its trích yếu and the rule under it (a báo cáo has no Kính gửi), numbered sections with
 * tables, the closing, the signature block and Nơi nhận, then each phụ lục on a new page. Pure: a
 * ReportDocument in, bytes out.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  CELL_PADDING,
  line,
  renderOfficialDocx,
  rule,
  SIZE,
  TEXT_WIDTH,
  tableFrame,
} from '../letters/docx-style.ts';
import { footTable, headerTable } from '../letters/letter-blocks.ts';
import type { Align, Block, ReportDocument } from './report-text.ts';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
/** Tables in 12 pt; 11 pt for the wide ones (the per-agency table has ten columns across 16.5 cm). */
const tableSize = (columns: number) => (columns >= 8 ? 22 : 24);
/**
 * Cell padding 1 mm left and right (Word's default is 1.9 mm): narrow figure columns keep their words.
 * Set once on the table (tblCellMar), not on each of a 1,000-row table's cells.
 */
const CELL_MARGINS = { left: 57, right: 57, top: 0, bottom: 0 };

function bodyParagraph(text: string, italics = false, keepNext = false): Paragraph {
  return line(
    text,
    { size: SIZE.body, ...(italics ? { italics: true } : {}) },
    { align: AlignmentType.JUSTIFIED, firstLine: 720, after: 120, line: 276, keepNext },
  );
}

function heading(text: string, bold: boolean): Paragraph {
  return line(
    text,
    { size: SIZE.body, bold },
    { align: AlignmentType.JUSTIFIED, firstLine: 720, before: 120, after: 120, keepNext: true },
  );
}

/**
 * A table cell: one paragraph a line, in the document's default font (Times New Roman, set in the
 * styles) — a run without its own font is the cheapest thing to lay out for the thousands of cells.
 */
function cellOf(text: string, width: number, align: Align, bold: boolean, size: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: text.split('\n').map(
      (l) =>
        new Paragraph({
          alignment: ALIGN[align],
          spacing: { before: 30, after: 30, line: 240, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: l, size, ...(bold ? { bold: true } : {}) })],
        }),
    ),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  widths[1] = (widths[1] ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const row = (cells: string[], bold: boolean, header = false) =>
    new TableRow({
      cantSplit: true,
      ...(header ? { tableHeader: true } : {}),
      children: cells.map((text, i) =>
        cellOf(
          text,
          widths[i] ?? 0,
          header ? 'center' : (block.columns[i]?.align ?? 'left'),
          bold,
          tableSize(block.columns.length),
        ),
      ),
    });
  return new Table({
    ...tableFrame(widths, true),
    margins: CELL_MARGINS,
    rows: [
      row(
        block.columns.map((c) => c.title),
        true,
        true,
      ),
      ...block.rows.map((r) => row(r, false)),
      ...(block.totalRow ? [row(block.totalRow, true)] : []),
    ],
  });
}

function blockChildren(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') out.push(heading(block.text, true));
    else if (block.kind === 'subheading') out.push(heading(block.text, true));
    else if (block.kind === 'para') out.push(bodyParagraph(block.text, block.italics));
    else out.push(table(block), line('', { size: 8 }, { after: 120 }));
  }
  return out;
}

/** The short solid rule under a trích yếu (NĐ 30/2020, Phụ lục I): about a third of the line, centred. */
const SUMMARY_RULE = 2200;

/** A centred title with its trích yếu lines in bold, an optional note in italics, and the rule under them. */
function titleBlock(title: string, lines: string[], before: number, note?: string): Paragraph[] {
  return [
    line(title, { size: SIZE.body, bold: true }, { align: AlignmentType.CENTER, before }),
    ...lines.map((s) => line(s, { size: SIZE.body, bold: true }, { align: AlignmentType.CENTER })),
    ...(note ? [line(note, { size: SIZE.body, italics: true }, { align: AlignmentType.CENTER })] : []),
    rule(SUMMARY_RULE, TEXT_WIDTH + 2 * CELL_PADDING),
    line('', { size: SIZE.body }, { after: 120 }),
  ];
}

/** A phụ lục on its own page: 'PHỤ LỤC I', its title, '(Kèm theo Báo cáo số …)', its tables. */
function annexChildren(annex: ReportDocument['annexes'][number]): (Paragraph | Table)[] {
  return [
    new Paragraph({ pageBreakBefore: true, children: [] }),
    ...titleBlock(annex.label.toLocaleUpperCase('vi'), [annex.title], 0, annex.note),
    ...blockChildren(annex.blocks),
  ];
}

/** NĐ 30: pages numbered from the second, centred in the top margin; none on the first. */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  return renderOfficialDocx({
    creator: `${doc.issuer.parent} ${doc.issuer.name}`,
    title: doc.documentTitle,
    children: [
      headerTable(
        { issuer: doc.issuer },
        { numberLine: doc.numberLine, abstract: '', placeAndDate: doc.placeAndDate },
      ),
      ...titleBlock(doc.title, doc.subtitle, 360),
      ...blockChildren(doc.blocks),
      line('', { size: SIZE.body }, { keepNext: true }),
      footTable({ signer: doc.signer }, { recipientLines: doc.recipientLines }),
      ...doc.annexes.flatMap(annexChildren),
    ],
  });
}
