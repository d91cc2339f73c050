/**
 * The three tables of the reminder letter: the borderless header (issuer, number, trích yếu |
 * Quốc hiệu, Tiêu ngữ, place and date), the bordered table of overdue tasks, and the borderless
 * foot (Nơi nhận | signature block).
 */
import { AlignmentType, type Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { formatVietnameseDate } from '../../domain/dates.ts';
import { line, para, type RunStyle, rule, run, SIZE, TEXT_WIDTH, tableFrame } from './docx-style.ts';
import type { ReminderLetterInput } from './letter-input.ts';
import type { LetterParts } from './letter-text.ts';

const CENTER = AlignmentType.CENTER;

function cell(children: Paragraph[], width: number, center = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(center ? { verticalAlign: VerticalAlign.CENTER } : {}),
  });
}

// Header: the issuer column is 6.35 cm, Quốc hiệu's column the remaining 10.15 cm.
const ISSUER_WIDTH = 3600;
const NATION_WIDTH = TEXT_WIDTH - ISSUER_WIDTH;
/** NĐ 30: the rule under the issuer is 1/3 to 1/2 of the name line; under the Tiêu ngữ, as long as it. */
const ISSUER_RULE = 1100;
const MOTTO_RULE = 3350;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Also the header of the Office's reports (src/modules/reports): a báo cáo has no trích yếu here (abstract ''). */
export function headerTable(
  input: { issuer: Pick<ReminderLetterInput['issuer'], 'parent' | 'name'> },
  parts: Pick<LetterParts, 'numberLine' | 'abstract' | 'placeAndDate'>,
): Table {
  const h: RunStyle = { size: SIZE.header };
  // NĐ 30: the parent body (cơ quan chủ quản) in regular type, the issuer's own name in bold
  const upper = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim().toLocaleUpperCase('vi'))
      .filter((l) => l !== '');
  const issuer = cell(
    [
      ...upper(input.issuer.parent).map((l) => line(l, h, { align: CENTER })),
      ...upper(input.issuer.name).map((l) => line(l, { ...h, bold: true }, { align: CENTER })),
      rule(ISSUER_RULE, ISSUER_WIDTH),
    ],
    ISSUER_WIDTH,
  );
  const nation = cell(
    [
      line(NATIONAL_TITLE, { size: SIZE.national, bold: true }, { align: CENTER }),
      line(MOTTO, { size: SIZE.header, bold: true }, { align: CENTER }),
      rule(MOTTO_RULE, NATION_WIDTH),
    ],
    NATION_WIDTH,
  );
  const number = cell(
    [
      line(parts.numberLine, h, { align: CENTER, before: 100 }),
      ...(parts.abstract === ''
        ? []
        : [line(parts.abstract, { size: SIZE.abstract }, { align: CENTER, before: 60 })]),
    ],
    ISSUER_WIDTH,
  );
  const date = cell(
    [line(parts.placeAndDate, { size: SIZE.body, italics: true }, { align: CENTER, before: 100 })],
    NATION_WIDTH,
  );
  return new Table({
    ...tableFrame([ISSUER_WIDTH, NATION_WIDTH], false),
    rows: [new TableRow({ children: [issuer, nation] }), new TableRow({ children: [number, date] })],
  });
}

// Overdue table: STT 1.5 cm · Nhiệm vụ · Thời hạn 2.75 cm · Số ngày quá hạn 2.75 cm.
const COLUMNS = [850, TEXT_WIDTH - 850 - 1560 - 1560, 1560, 1560];
export const OVERDUE_HEADINGS = ['STT', 'Nhiệm vụ', 'Thời hạn', 'Số ngày quá hạn'];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** I, II, … XXXIX: the STT of an agency's heading row in a letter to several agencies. */
export function romanNumeral(n: number): string {
  const tens = ['', 'X', 'XX', 'XXX'][Math.floor(n / 10)] ?? String(n);
  return n % 10 === 0 ? tens : tens + ROMAN[(n % 10) - 1];
}

/** The overdue tasks; in a letter to several agencies, grouped under a bold row per agency (I, II, …). */
export function overdueTable(input: Pick<ReminderLetterInput, 'items' | 'addressees'>): Table {
  const t: RunStyle = { size: SIZE.table };
  const cellPara = { before: 40, after: 40 };
  const centred = (text: string, width: number, style: RunStyle = t) =>
    cell([line(text, style, { ...cellPara, align: CENTER })], width, true);
  const widthAt = (i: number) => COLUMNS[i] ?? 0;

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: OVERDUE_HEADINGS.map((h, i) => centred(h, widthAt(i), { ...t, bold: true })),
  });
  const taskRow = (item: ReminderLetterInput['items'][number], stt: number) =>
    new TableRow({
      cantSplit: true,
      children: [
        centred(String(stt), widthAt(0)),
        cell(
          [
            para(
              [
                run(`Kế hoạch số ${item.plan}, nhiệm vụ ${item.task}: `, { ...t, italics: true }),
                run(item.content.trim(), t),
              ],
              { ...cellPara, align: AlignmentType.JUSTIFIED },
            ),
          ],
          widthAt(1),
          true,
        ),
        centred(formatVietnameseDate(item.dueOn), widthAt(2)),
        centred(String(item.daysOverdue), widthAt(3)),
      ],
    });
  if (input.addressees.length <= 1) {
    return new Table({
      ...tableFrame(COLUMNS, true),
      rows: [header, ...input.items.map((item, i) => taskRow(item, i + 1))],
    });
  }
  const groups = new Map<string, ReminderLetterInput['items']>();
  for (const item of input.items) groups.set(item.agency, [...(groups.get(item.agency) ?? []), item]);
  const rows = [...groups].flatMap(([agency, items], g) => [
    new TableRow({
      cantSplit: true,
      children: [
        cell(
          [line(romanNumeral(g + 1), { ...t, bold: true }, { ...cellPara, align: CENTER, keepNext: true })],
          widthAt(0),
          true,
        ),
        new TableCell({
          // kept with its first task on the page
          children: [line(agency, { ...t, bold: true }, { ...cellPara, keepNext: true })],
          columnSpan: 3,
          width: { size: widthAt(1) + widthAt(2) + widthAt(3), type: WidthType.DXA },
        }),
      ],
    }),
    ...items.map((item, i) => taskRow(item, i + 1)),
  ]);
  return new Table({ ...tableFrame(COLUMNS, true), rows: [header, ...rows] });
}

/** Body paragraphs: justified 14 pt, first line indented 1.27 cm, 6 pt after, line spacing 1.15. */
export function bodyParagraph(text: string, keepNext = false): Paragraph {
  return line(
    text,
    { size: SIZE.body },
    { align: AlignmentType.JUSTIFIED, firstLine: 720, before: 0, after: 120, line: 276, keepNext },
  );
}

/** Kính gửi: one addressee centred on its line; several listed under it, each on its own line. */
export function salutation(lines: string[]): Paragraph[] {
  const body = { size: SIZE.body };
  if (lines.length === 1) {
    return [line(lines[0] ?? '', body, { align: AlignmentType.CENTER, before: 360, after: 240 })];
  }
  return lines.map((text, i) =>
    i === 0
      ? line(text, body, { indent: SALUTATION_INDENT, before: 360, keepNext: true })
      : line(text, body, {
          indent: LIST_INDENT,
          after: i === lines.length - 1 ? 240 : 0,
          keepNext: true,
        }),
  );
}

/** 'Kính gửi:' 2.5 cm in, the addressees under it 4.5 cm in. */
const SALUTATION_INDENT = 1418;
const LIST_INDENT = 2552;

// Foot: Nơi nhận 7.6 cm on the left, the signature block centred in the rest.
const RECIPIENTS_WIDTH = 4300;
const SIGNATURE_WIDTH = TEXT_WIDTH - RECIPIENTS_WIDTH;
/** Room for the handwritten signature and the seal, about 3 cm. */
const SIGNATURE_SPACE = 1700;

export function footTable(
  input: Pick<ReminderLetterInput, 'signer'>,
  parts: Pick<LetterParts, 'recipientLines'>,
): Table {
  const recipients = cell(
    [
      line('Nơi nhận:', { size: SIZE.label, bold: true, italics: true }),
      ...parts.recipientLines.map((r) => line(r, { size: SIZE.recipients })),
    ],
    RECIPIENTS_WIDTH,
  );
  const s: RunStyle = { size: SIZE.body, bold: true };
  const titles = [...input.signer.authority.split('\n'), ...input.signer.title.split('\n')]
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const signature = cell(
    [
      ...titles.map((l) => line(l.toLocaleUpperCase('vi'), s, { align: CENTER, keepNext: true })),
      line(input.signer.name, s, { align: CENTER, before: SIGNATURE_SPACE }),
    ],
    SIGNATURE_WIDTH,
  );
  return new Table({
    ...tableFrame([RECIPIENTS_WIDTH, SIGNATURE_WIDTH], false),
    rows: [new TableRow({ cantSplit: true, children: [recipients, signature] })],
  });
}
