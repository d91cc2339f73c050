/**
 * The annexes of the report to the Chairman (docs/domain-rules.md §8), after the signature as Offices
 * attach them: Phụ lục I the result of every lead agency, one row each, the most overdue first;
 * Phụ lục II the overdue tasks; Phụ lục III the written reminders per agency. Only the annexes with
 * rows are attached, numbered in that order.
 */
import type { LocalDate } from '../../domain/dates.ts';
import {
  type Annex,
  type Block,
  categoryCells,
  categoryColumns,
  centre,
  d,
  left,
  num,
  numberedTable,
} from './report-blocks.ts';
import type { ReportData } from './report-data.ts';

/** The Word and PDF list at most this many overdue tasks (the longest overdue); Excel lists every assignment. */
export const OVERDUE_LIMIT = 300;

export const AGENCY_ANNEX = 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN CHỦ TRÌ';
export const OVERDUE_ANNEX = 'DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH ĐÃ QUÁ HẠN';
export const REMINDER_ANNEX = 'NHẮC NHỞ BẰNG VĂN BẢN THEO CƠ QUAN';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** The annexes with rows, labelled Phụ lục I, II …; `report`: 'Báo cáo số 15/BC-VP ngày 15/02/2021'. */
export function reportAnnexes(data: ReportData, report: string): Annex[] {
  const parts: [string, Block[]][] = [];
  if (data.agencies.length > 0)
    parts.push([
      AGENCY_ANNEX,
      [
        numberedTable(
          6,
          categoryColumns('Cơ quan chủ trì', 20),
          data.agencies.map((g) => [g.name, ...categoryCells(g)]),
          ['Tổng cộng', ...categoryCells(data.totals)],
        ),
      ],
    ]);
  const tasks = overdueByTask(data);
  if (tasks.length > 0)
    parts.push([
      OVERDUE_ANNEX,
      [
        ...(tasks.length > OVERDUE_LIMIT
          ? [
              {
                kind: 'para' as const,
                text: `Liệt kê ${num(OVERDUE_LIMIT)} nhiệm vụ quá hạn lâu nhất; danh sách đầy đủ tại tệp Excel kèm theo (trang "Quá hạn").`,
              },
            ]
          : []),
        numberedTable(
          7,
          [
            left('Nhiệm vụ', 42),
            centre('Thời hạn', 14),
            centre('Số ngày quá hạn', 11),
            left('Cơ quan chủ trì chưa hoàn thành', 30),
          ],
          tasks
            .slice(0, OVERDUE_LIMIT)
            .map((g) => [g.task, g.dueOn ? d(g.dueOn) : '', num(g.daysOverdue), g.agencies.join('; ')]),
        ),
      ],
    ]);
  const reminded = remindersByAgency(data);
  if (reminded.length > 0)
    parts.push([
      REMINDER_ANNEX,
      [
        numberedTable(
          5,
          [left('Cơ quan', 30), centre('Số lượt', 10), left('Nhiệm vụ bị nhắc nhở', 55)],
          reminded.map((r) => [r.name, num(r.count), r.tasks]),
          ['Tổng cộng', num(data.reminders.length), ''],
        ),
      ],
    ]);
  return parts.map(([title, blocks], i) => ({
    label: `Phụ lục ${ROMAN[i] ?? String(i + 1)}`,
    title,
    note: `(Kèm theo ${report} của Văn phòng UBND tỉnh)`,
    blocks,
  }));
}

/**
 * The overdue assignments by task and deadline (an occurrence of a recurring task is its own row):
 * the task once, then every lead agency that has not finished it — longest overdue first.
 */
export function overdueByTask(data: ReportData) {
  const groups = new Map<
    string,
    { task: string; dueOn: LocalDate | null; daysOverdue: number; agencies: string[] }
  >();
  for (const o of data.overdue) {
    const key = `${o.plan.id}|${o.task.ref}|${o.dueOn}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        task:
          `${o.task.ref} (${o.plan.number})${o.periodLabel ? `, ${o.periodLabel}` : ''}: ` +
          o.task.content.trim().replace(/[.;]+$/u, ''),
        dueOn: o.dueOn,
        daysOverdue: o.daysOverdue,
        agencies: [],
      };
      groups.set(key, group);
    }
    group.agencies.push(o.agency.name);
  }
  return [...groups.values()].sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** Per agency: the number of written reminders and the tasks behind them ('87/KH-UBND: I.2, I.3'). */
export function remindersByAgency(data: ReportData) {
  const byAgency = new Map<number, { name: string; count: number; tasks: Map<string, string[]> }>();
  for (const r of data.reminders) {
    let entry = byAgency.get(r.agency.id);
    if (!entry) {
      entry = { name: r.agency.name, count: 0, tasks: new Map() };
      byAgency.set(r.agency.id, entry);
    }
    entry.count++;
    const list = entry.tasks.get(r.plan.number) ?? [];
    list.push(r.periodLabel ? `${r.task.ref} (${r.periodLabel})` : r.task.ref);
    entry.tasks.set(r.plan.number, list);
  }
  return [...byAgency.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'))
    .map((e) => ({
      name: e.name,
      count: e.count,
      tasks: [...e.tasks].map(([plan, refs]) => `${plan}: ${refs.join(', ')}`).join('; '),
    }));
}
