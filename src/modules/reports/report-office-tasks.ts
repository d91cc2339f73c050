/**
 * The Office's own overdue tasks in the report to the Chairman (docs/domain-rules.md §6.1, §8; issue #14
 * §2): the Office does not write to itself, so the tasks it leads that are overdue are reported here,
 * internally — their own short part of section II, after the overdue summary. Pure: the report's data in,
 * format-free blocks out (report-docx.ts and report-pdf.ts lay them out).
 */
import { formatVietnameseDate as d, daysBetween, type LocalDate } from '../../domain/dates.ts';
import { citePlans } from '../letters/letter-text.ts';
import type { Block } from './report-blocks.ts';

export const OFFICE_OVERDUE_TITLE = 'Nhiệm vụ do Văn phòng UBND tỉnh chủ trì quá hạn (theo dõi nội bộ)';

interface OfficeOverdueInput {
  asOf: LocalDate;
  agencies: { code: string; name: string; isMonitor: boolean }[];
  overdue: {
    agency: { code: string };
    plan: { number: string };
    task: { ref: string; content: string };
    dueOn: LocalDate | null;
  }[];
}

/** The overdue lead assignments of the monitor (the Office), in the report's order (longest overdue first). */
export function officeOverdueItems(data: OfficeOverdueInput) {
  const monitors = new Set(data.agencies.filter((g) => g.isMonitor).map((g) => g.code));
  return data.overdue.filter((o) => monitors.has(o.agency.code));
}

/** The part's blocks: a subheading and one line per task, or the sentence saying there is none. */
export function officeOverdueBlocks(data: OfficeOverdueInput, number: string): Block[] {
  const items = officeOverdueItems(data);
  const heading: Block = { kind: 'subheading', text: `${number}. ${OFFICE_OVERDUE_TITLE}` };
  if (items.length === 0) {
    return [
      heading,
      { kind: 'para', text: `Đến ngày ${d(data.asOf)}, Văn phòng không có nhiệm vụ chủ trì nào quá hạn.` },
    ];
  }
  return [
    heading,
    {
      kind: 'para',
      text:
        `Đến ngày ${d(data.asOf)}, Văn phòng có ${items.length} lượt nhiệm vụ chủ trì quá hạn, được theo dõi ` +
        'nội bộ (không ban hành công văn đôn đốc cho chính mình):',
    },
    ...items.map(
      (o): Block => ({
        kind: 'para',
        text:
          `- Nhiệm vụ ${o.task.ref} tại ${citePlans([o.plan.number])}: ${o.task.content.trim()}` +
          (o.dueOn ? ` (thời hạn ${d(o.dueOn)}, quá hạn ${daysBetween(o.dueOn, data.asOf)} ngày).` : '.'),
      }),
    ),
  ];
}
