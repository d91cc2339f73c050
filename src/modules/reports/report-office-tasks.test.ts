import { describe, expect, it } from 'vitest';
import { OFFICE_OVERDUE_TITLE, officeOverdueBlocks, officeOverdueItems } from './report-office-tasks.ts';

const item = (code: string, ref: string, dueOn: string) => ({
  agency: { code },
  plan: { number: '87/KH-UBND' },
  task: { ref, content: `Nội dung ${ref} ` },
  dueOn,
});
const data = {
  asOf: '2021-02-15',
  agencies: [
    { code: 'VP', name: 'Văn phòng UBND tỉnh', isMonitor: true },
    { code: 'STP', name: 'Sở Tư pháp', isMonitor: false },
  ],
  // longest overdue first, as the report lists them
  overdue: [
    item('VP', 'I.1', '2021-01-13'),
    item('STP', 'I.3', '2021-01-20'),
    item('VP', 'I.4', '2021-01-20'),
  ],
};

describe('the report’s part on the Office’s own overdue tasks (docs/domain-rules.md §6.1, §8)', () => {
  it('lists the monitor’s overdue tasks only, in the report’s order, as internal follow-up', () => {
    expect(officeOverdueItems(data).map((o) => o.task.ref)).toEqual(['I.1', 'I.4']);
    const blocks = officeOverdueBlocks(data, '2');
    expect(blocks[0]).toEqual({ kind: 'subheading', text: `2. ${OFFICE_OVERDUE_TITLE}` });
    expect(blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([
      '2. Nhiệm vụ do Văn phòng UBND tỉnh chủ trì quá hạn (theo dõi nội bộ)',
      'Đến ngày 15/02/2021, Văn phòng có 2 lượt nhiệm vụ chủ trì quá hạn, được theo dõi nội bộ (không ban hành công văn đôn đốc cho chính mình):',
      '- Nhiệm vụ I.1 tại Kế hoạch số 87/KH-UBND: Nội dung I.1 (thời hạn 13/01/2021, quá hạn 33 ngày).',
      '- Nhiệm vụ I.4 tại Kế hoạch số 87/KH-UBND: Nội dung I.4 (thời hạn 20/01/2021, quá hạn 26 ngày).',
    ]);
  });

  it('says so when the Office has none', () => {
    const none = officeOverdueBlocks({ ...data, overdue: [item('STP', 'I.3', '2021-01-20')] }, '2');
    expect(none[1]).toEqual({
      kind: 'para',
      text: 'Đến ngày 15/02/2021, Văn phòng không có nhiệm vụ chủ trì nào quá hạn.',
    });
  });
});
