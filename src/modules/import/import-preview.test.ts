import { describe, expect, it } from 'vitest';
import type { Directory } from '../../domain/directory.ts';
import { buildImportPreview } from './import-preview.ts';
import { parsePlanText } from './plan-text.ts';

const directory: Directory = {
  agencies: [
    { code: 'STP', name: 'Sở Tư pháp', aliases: [], kind: 'province' },
    { code: 'SNV', name: 'Sở Nội vụ', aliases: [], kind: 'province' },
  ],
  groups: [],
  place: 'Tây Ninh',
};

/** A table plan of 2022 whose rows carry the given deadline phrases, led by Sở Tư pháp. */
function previewOf(deadlines: string[]) {
  const text = [
    'Số: 12/KH-UBND',
    'Tây Ninh, ngày 01 tháng 03 năm 2022',
    'KẾ HOẠCH',
    'Thử thời hạn',
    'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
    ...deadlines.map((d, i) => `${i + 1}\tViệc ${i + 1}\tSở Tư pháp, Nội vụ\t\t${d}\t`),
  ].join('\n');
  return buildImportPreview(parsePlanText(text), directory, '2022-03-01');
}

describe('buildImportPreview — deadlines of real plans (issue #13)', () => {
  it('shows listed dates and yearly runs as recurrences, milestones and "Cả năm" as dates', () => {
    const preview = previewOf([
      'Trong năm 2023, 2024',
      'Năm 2025 và các năm tiếp theo',
      'Quý I/2024 (trình Chính phủ)',
      'Cả năm',
      'Thực hiện thường xuyên, riêng việc rà soát hoàn thành trong quý II/2022',
    ]);
    expect(preview.tasks.map((t) => [t.dueOn, t.recurrence])).toEqual([
      [null, { every: 'dates', dates: ['2023-12-31', '2024-12-31'] }],
      [null, { every: 'year', fromYear: 2025 }],
      ['2024-03-31', null],
      ['2022-12-31', null],
      ['2022-06-30', null],
    ]);
    expect(preview.tasks.every((t) => t.lead.join() === 'Sở Tư pháp,Sở Nội vụ')).toBe(true);
  });

  it('says when listed dates or "Cả năm" took the plan\'s year', () => {
    const preview = previewOf(['Tháng 6 và tháng 12', 'Cả năm', 'Tháng 6/2022 và tháng 12/2022']);
    expect(preview.tasks[0]?.recurrence).toEqual({ every: 'dates', dates: ['2022-06-30', '2022-12-31'] });
    expect(preview.warnings.filter((w) => w.code === 'year_inferred')).toEqual([
      expect.objectContaining({
        task: '1',
        message: 'Thời hạn "Tháng 6 và tháng 12" không ghi năm: hiểu là năm 2022.',
      }),
      expect.objectContaining({ task: '2', message: 'Thời hạn "Cả năm" không ghi năm: hiểu là năm 2022.' }),
    ]);
  });

  it("flags a deadline on or before the plan's issue date (docs/domain-rules.md §4, seed I.1)", () => {
    const preview = previewOf(['Trước ngày 01/3/2022', 'Trong tháng 2/2022', 'Trước ngày 02/3/2022']);
    expect(preview.warnings.filter((w) => w.code === 'deadline_not_after_issue')).toEqual([
      expect.objectContaining({
        task: '1',
        field: 'deadline',
        message:
          'Thời hạn "Trước ngày 01/3/2022" (01/03/2022) không sau ngày ban hành kế hoạch (01/03/2022): ' +
          'nhiệm vụ quá hạn ngay khi giao, hãy kiểm tra.',
      }),
      expect.objectContaining({ task: '2' }),
    ]);
  });
});
