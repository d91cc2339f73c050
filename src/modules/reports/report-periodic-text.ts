import { type Block, centre, left, num, numberedTable } from './report-blocks.ts';
import type { ReportData } from './report-data.ts';

/** '2021-03' → '03/2021' */
const month = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/**
 * Nhiệm vụ thực hiện thường xuyên — the report's paragraph and table on periodic results (docs/domain-rules.md
 * §8, issue #14 §4): per ongoing lead assignment, whether the periods of the report were reported
 * (đã báo cáo / chưa báo cáo kỳ này). Nothing when the report covers no ongoing assignment.
 */
export function periodicBlocks(data: Pick<ReportData, 'periodic'>): Block[] {
  const { items, reported, missing } = data.periodic;
  if (items.length === 0) return [];
  return [
    {
      kind: 'para',
      text:
        `Nhiệm vụ thực hiện thường xuyên (báo cáo định kỳ hằng tháng): ${num(items.length)} lượt giao chủ trì; ` +
        `${num(reported)} lượt đã báo cáo đủ các kỳ trong kỳ báo cáo, ${num(missing)} lượt chưa báo cáo kỳ này ` +
        '(không tính nhắc nhở bằng văn bản).',
    },
    numberedTable(
      6,
      [left('Cơ quan chủ trì', 24), left('Nhiệm vụ', 38), centre('Kỳ báo cáo', 14), left('Tình hình', 18)],
      items.map((i) => [
        i.agency.name,
        `${i.task.ref} (${i.plan}): ${i.task.content}`,
        i.owed.length === 0 ? '–' : i.owed.map(month).join(', '),
        i.missing.length === 0 ? 'Đã báo cáo' : `Chưa báo cáo: ${i.missing.map(month).join(', ')}`,
      ]),
    ),
  ];
}
