/** What the reviewer should look at in the tasks read: no content, no lead, no deadline, numbering slips. */
import type { ParsedTask } from './parsed-plan.ts';

export function checkTasks(
  tasks: ParsedTask[],
  warn: (line: number, code: string, message: string) => void,
  options: { gaps: boolean },
): void {
  const seen = new Set<string>();
  const last = new Map<string, number>();
  for (const task of tasks) {
    const label = task.sectionCode ? `${task.sectionCode}.${task.no}` : task.no;
    if (!task.content) warn(task.line, 'missing_content', `Nhiệm vụ ${label} không có nội dung công việc.`);
    if (!task.leadText) warn(task.line, 'missing_lead', `Nhiệm vụ ${label} không ghi cơ quan chủ trì.`);
    if (!task.deadlineText)
      warn(task.line, 'missing_deadline', `Nhiệm vụ ${label} không ghi thời gian hoàn thành.`);
    if (!task.no) continue;
    const key = `${task.sectionCode}|${task.no}`;
    if (seen.has(key)) warn(task.line, 'duplicate_number', `Số thứ tự ${label} bị lặp.`);
    seen.add(key);
    if (!options.gaps || !/^\d+$/u.test(task.no)) continue;
    const value = Number(task.no);
    const previous = last.get(task.sectionCode);
    if (previous !== undefined && value !== previous && value !== previous + 1) {
      warn(task.line, 'number_gap', `Số thứ tự nhảy từ ${previous} sang ${value}: có thể thiếu dòng.`);
    }
    last.set(task.sectionCode, value);
  }
}
