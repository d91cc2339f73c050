/**
 * The report as .xlsx for the clerks: sheets Tổng hợp, Theo cơ quan, Theo kế hoạch, Quá hạn, Nhắc nhở.
 * Figures are numbers, days are Excel dates, rates are fractions formatted as percentages; every sheet
 * has a frozen header row, column widths and an autofilter. Lists are complete (no cap).
 */
import { formatVietnameseDate } from '../../domain/dates.ts';
import { AGEING_BUCKETS, AGEING_LABELS, STATE_LABELS } from '../../domain/state.ts';
import type { AgencyGroup, PlanGroup, ReportData } from './report-data.ts';
import { periodPhrase, scopePhrase } from './report-text.ts';
import { DATE_FORMAT, excelDate, type SheetColumn, StreamedWorkbook } from './xlsx-style.ts';

const FIGURES: SheetColumn[] = [
  { header: 'Được giao', width: 11, kind: 'int' },
  { header: 'Đến hạn', width: 10, kind: 'int' },
  { header: 'Đúng hạn', width: 10, kind: 'int' },
  { header: 'Trễ hạn', width: 10, kind: 'int' },
  { header: 'Trong hạn', width: 10, kind: 'int' },
  // docs/domain-rules.md §8: of those on time, due after the period
  { header: 'Chưa đến hạn', width: 10, kind: 'int' },
  { header: 'Quá hạn', width: 10, kind: 'int' },
  { header: 'Thường xuyên', width: 11, kind: 'int' },
  { header: 'Đã hủy', width: 9, kind: 'int' },
  { header: 'Nhắc nhở', width: 10, kind: 'int' },
  { header: 'Tỷ lệ đúng hạn', width: 12, kind: 'percent' },
  ...AGEING_BUCKETS.map(
    (b): SheetColumn => ({
      header: `Quá hạn ${AGEING_LABELS[b].toLocaleLowerCase('vi')}`,
      width: 13,
      kind: 'int',
    }),
  ),
];

function figures(g: Pick<AgencyGroup, 'counts' | 'onTimeRate' | 'categories'>): unknown[] {
  const c = g.counts;
  return [
    c.total,
    c.due,
    c.done_on_time,
    c.done_late,
    c.open_on_time,
    g.categories.not_yet_due,
    c.open_overdue,
    c.ongoing,
    c.cancelled,
    c.reminders,
    g.onTimeRate,
    ...AGEING_BUCKETS.map((b) => c[b]),
  ];
}

export async function renderReportXlsx(data: ReportData): Promise<Uint8Array> {
  const workbook = new StreamedWorkbook({
    creator: `${data.issuer.parent} - ${data.issuer.name}`,
    created: excelDate(data.asOf) ?? new Date(0),
  });
  const title = [
    `BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ — ${data.issuer.parent} - ${data.issuer.name}`,
    `Nhiệm vụ được giao tại ${scopePhrase(data)} (được giao, đến hạn hoặc còn đang thực hiện ${periodPhrase(data)}); số liệu tính đến ngày ${formatVietnameseDate(data.asOf)}.`,
  ];

  const c = data.totals.counts;
  const summaryRows: unknown[][] = [
    ['Kỳ báo cáo: từ ngày', excelDate(data.from), null],
    ['Kỳ báo cáo: đến ngày', excelDate(data.to), null],
    ['Số liệu tính đến ngày', excelDate(data.asOf), null],
    ['Kế hoạch', data.plan ? data.plan.number : 'Tất cả kế hoạch', null],
    ['Số lượt nhiệm vụ được giao (cơ quan chủ trì)', c.total, null],
    ['Số lượt đã đến hạn', c.due, null],
    ...(['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'ongoing', 'cancelled'] as const).map(
      (s) => [STATE_LABELS[s], c[s], c.total === 0 ? null : c[s] / c.total],
    ),
    ['Trong đó chưa đến hạn (thời hạn sau kỳ báo cáo)', data.totals.categories.not_yet_due, null],
    ['Tỷ lệ hoàn thành đúng hạn (đúng hạn / đến hạn)', c.due_on_time, data.totals.onTimeRate],
    ['Số lượt nhắc nhở bằng văn bản', c.reminders, null],
    ...AGEING_BUCKETS.map((b) => [`Quá hạn ${AGEING_LABELS[b].toLocaleLowerCase('vi')}`, c[b], null]),
    ['Khó khăn, vướng mắc phản ánh trong kỳ', data.obstacles.length, null],
    ['Đề nghị gia hạn đã quyết định trong kỳ', data.extensions.length, null],
    ['Cơ quan đề xuất biểu dương', data.commendations.commended.length, null],
    ['Cơ quan đề xuất phê bình', data.commendations.criticised.length, null],
  ];
  // the period's three days are dates in the figures column
  const dateCell = {
    font: { name: 'Times New Roman', size: 12 },
    alignment: { vertical: 'top' as const, horizontal: 'right' as const, wrapText: false },
    numFmt: DATE_FORMAT,
  };
  workbook.addTable(
    'Tổng hợp',
    title,
    [
      { header: 'Chỉ tiêu', width: 52, kind: 'wrap' },
      { header: 'Số liệu', width: 16, kind: 'int' },
      { header: 'Tỷ lệ', width: 12, kind: 'percent' },
    ],
    summaryRows,
    (row, column) => (row < 3 && column === 1 ? dateCell : undefined),
  );

  const groupRows = (groups: AgencyGroup[] | PlanGroup[]) =>
    groups.map((g, i) => [i + 1, g.code, g.name, ...figures(g)]);
  workbook.addTable(
    'Theo cơ quan',
    title,
    groupColumns({ header: 'Mã', width: 10 }, { header: 'Cơ quan', width: 40 }),
    groupRows(data.agencies),
  );
  workbook.addTable(
    'Theo kế hoạch',
    title,
    groupColumns({ header: 'Số, ký hiệu', width: 16 }, { header: 'Trích yếu', width: 50 }),
    groupRows(data.plans),
  );

  workbook.addTable(
    'Quá hạn',
    title,
    [
      ...assignmentColumns('Cơ quan chủ trì'),
      { header: 'Thời hạn ban đầu', width: 12, kind: 'date' },
      { header: 'Thời hạn', width: 12, kind: 'date' },
      { header: 'Số ngày quá hạn', width: 10, kind: 'int' },
      { header: 'Nhóm quá hạn', width: 18 },
      { header: 'Ngày tính nhắc nhở', width: 12, kind: 'date' },
    ],
    data.overdue.map((o, i) => [
      ...assignmentCells(i, o),
      excelDate(o.originalDueOn),
      excelDate(o.dueOn),
      o.daysOverdue,
      AGEING_LABELS[o.age],
      excelDate(o.remindedOn),
    ]),
  );

  workbook.addTable(
    'Nhắc nhở',
    title,
    [
      ...assignmentColumns('Cơ quan'),
      { header: 'Thời hạn', width: 12, kind: 'date' },
      { header: 'Ngày tính nhắc nhở', width: 12, kind: 'date' },
      { header: 'Năm chấm điểm', width: 10 },
      { header: 'Ngày nhận kết quả', width: 12, kind: 'date' },
      { header: 'Trạng thái', width: 28, kind: 'wrap' },
    ],
    data.reminders.map((r, i) => [
      ...assignmentCells(i, r),
      excelDate(r.dueOn),
      excelDate(r.remindedOn),
      r.dueOn ? Number(r.dueOn.slice(0, 4)) : null,
      excelDate(r.doneOn),
      STATE_LABELS[r.state],
    ]),
  );

  return workbook.finish();
}

/** The columns of a sheet of groups (agencies, plans): number, code, name, then the figures. */
function groupColumns(code: SheetColumn, name: SheetColumn): SheetColumn[] {
  return [{ header: 'STT', width: 6, kind: 'int' }, code, { ...name, kind: 'wrap' }, ...FIGURES];
}

/** The first columns of a sheet of assignments: number, lead agency, plan, task, period, content. */
function assignmentColumns(agencyHeader: string): SheetColumn[] {
  return [
    { header: 'STT', width: 6, kind: 'int' },
    { header: 'Mã CQ', width: 9 },
    { header: agencyHeader, width: 30, kind: 'wrap' },
    { header: 'Kế hoạch', width: 14 },
    { header: 'Nhiệm vụ', width: 9 },
    { header: 'Kỳ', width: 10 },
    { header: 'Nội dung', width: 60, kind: 'wrap' },
  ];
}

/** The cells of those columns for the `i`-th row. */
function assignmentCells(
  i: number,
  row: Pick<ReportData['overdue'][number], 'agency' | 'plan' | 'task' | 'periodLabel'>,
): unknown[] {
  return [
    i + 1,
    row.agency.code,
    row.agency.name,
    row.plan.number,
    row.task.ref,
    row.periodLabel,
    row.task.content,
  ];
}
