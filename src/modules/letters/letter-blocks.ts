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
  const issuer = cell(
    [
      line(input.issuer.parent.toLocaleUpperCase('vi'), h, { align: CENTER }),
      line(input.issuer.name.toLocaleUpperCase('vi'), { ...h, bold: true }, { align: CENTER }),
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

export function overdueTable(input: ReminderLetterInput): Table {
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
  const rows = input.items.map(
    (item, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          centred(String(i + 1), widthAt(0)),
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
      }),
  );
  return new Table({ ...tableFrame(COLUMNS, true), rows: [header, ...rows] });
}

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
