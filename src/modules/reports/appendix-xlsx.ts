/**
 * The plan's appendix (phụ lục) as .xlsx in the document's own columns — STT, Nội dung công việc,
 * Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Ghi chú — as written, plus state columns
 * as of a date. The rows above the table cite the plan ('Kèm theo Kế hoạch số … ngày …'), so the file
 * imports back through the importer (sheet-reader.ts) into the same plan and tasks. The state
 * columns' titles avoid every word the importer reads as a column of its own (chủ trì, hoàn thành,
 * kết quả, nội dung, thời hạn …): they come back as `extra` columns and change no task.
 */
import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../domain/dates.ts';
import { citePlans } from '../letters/letter-text.ts';
import type { getPlanDetail } from '../plans/plans-read.service.ts';
import { excelDate, type SheetColumn, writeTable } from './xlsx-style.ts';

export type PlanDetail = Awaited<ReturnType<typeof getPlanDetail>>;

export const APPENDIX_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung công việc', width: 60, kind: 'wrap' },
  { header: 'Cơ quan chủ trì', width: 28, kind: 'wrap' },
  { header: 'Cơ quan phối hợp', width: 28, kind: 'wrap' },
  { header: 'Thời gian hoàn thành', width: 18, kind: 'wrap' },
  { header: 'Ghi chú', width: 16, kind: 'wrap' },
  // state columns (as of the date in the title)
  { header: 'Hạn (ngày)', width: 12, kind: 'date' },
  { header: 'Số lượt giao', width: 9, kind: 'int' },
  { header: 'Đúng hạn', width: 9, kind: 'int' },
  { header: 'Trễ hạn', width: 9, kind: 'int' },
  { header: 'Trong hạn', width: 9, kind: 'int' },
  { header: 'Quá hạn', width: 9, kind: 'int' },
  { header: 'Tình trạng', width: 24, kind: 'wrap' },
];

type Task = PlanDetail['tasks'][number];

/** One task's lead assignments (every occurrence) as of the date: counts and a short status. */
function stateOf(task: Task): unknown[] {
  const lead = task.assignmentGroups.filter((g) => g.role === 'lead');
  const size = (groups: typeof lead) => groups.reduce((n, g) => n + g.ids.length, 0);
  const count = (s: string) => size(lead.filter((g) => g.state === s));
  const leads = size(lead);
  const c = {
    done_on_time: count('done_on_time'),
    done_late: count('done_late'),
    open_on_time: count('open_on_time'),
    open_overdue: count('open_overdue'),
  };
  let status: string;
  if (task.cancelledOn !== null) status = `Đã hủy ngày ${formatVietnameseDate(task.cancelledOn)}`;
  else if (task.deadlineKind === 'ongoing') status = 'Thường xuyên';
  else if (leads === 0) status = 'Chưa giao cơ quan chủ trì';
  else if (c.open_overdue > 0) status = `Quá hạn: ${c.open_overdue}/${leads} lượt`;
  else if (c.open_on_time > 0) status = 'Đang thực hiện';
  else if (c.done_late > 0) status = 'Đã hoàn thành (có lượt trễ hạn)';
  else status = 'Đã hoàn thành đúng hạn';
  return [excelDate(task.dueOn), leads, c.done_on_time, c.done_late, c.open_on_time, c.open_overdue, status];
}

export async function renderAppendixXlsx(detail: PlanDetail, authorityName: string): Promise<Uint8Array> {
  const { plan } = detail;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = authorityName;
  const sheet = workbook.addWorksheet('Phụ lục');
  const rows: unknown[][] = [];
  const sections = new Map(detail.sections.map((s) => [s.code, s.title]));
  let section: string | null = null;
  for (const task of detail.tasks) {
    if (task.sectionCode !== '' && task.sectionCode !== section) {
      section = task.sectionCode;
      rows.push([task.sectionCode, sections.get(task.sectionCode) ?? '']);
    }
    rows.push([
      task.no,
      task.content,
      task.leadText,
      task.supportText,
      task.deadlineText,
      task.note,
      ...stateOf(task),
    ]);
  }
  const header = writeTable(
    sheet,
    [
      'PHỤ LỤC',
      `(Kèm theo ${citePlans([plan.number])} ngày ${formatVietnameseDate(plan.issuedOn)} của ${authorityName})`,
      `Tình hình thực hiện tính đến ngày ${formatVietnameseDate(detail.asOf)}`,
    ],
    APPENDIX_COLUMNS,
    rows,
  );
  // section rows in bold
  rows.forEach((row, i) => {
    if (row.length === 2)
      sheet.getRow(header + 1 + i).font = { name: 'Times New Roman', size: 12, bold: true };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
