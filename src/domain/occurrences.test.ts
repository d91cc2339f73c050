import { describe, expect, it } from 'vitest';
import { parseDeadline, type Recurrence } from './deadline.ts';
import { defaultOccurrencesEnd, listOccurrences, planHorizon } from './occurrences.ts';

/** [label, opensOn, dueOn] per occurrence, index implied by position. */
type Row = [string, string, string];

function rows(r: Recurrence, from: string, to: string): Row[] {
  return listOccurrences(r, from, to).map((o, i) => {
    expect(o.index).toBe(i + 1);
    return [o.label, o.opensOn, o.dueOn];
  });
}

describe('listOccurrences', () => {
  it.each<[string, Recurrence, string, string, Row[]]>([
    [
      'yearly, end of year',
      { period: 'year' },
      '2021-01-13',
      '2023-12-31',
      [
        ['Năm 2021', '2021-01-13', '2021-12-31'],
        ['Năm 2022', '2022-01-01', '2022-12-31'],
        ['Năm 2023', '2023-01-01', '2023-12-31'],
      ],
    ],
    [
      'yearly on 15/12',
      { period: 'year', month: 12, day: 15 },
      '2021-01-13',
      '2022-12-31',
      [
        ['Năm 2021', '2021-01-13', '2021-12-15'],
        ['Năm 2022', '2022-01-01', '2022-12-15'],
      ],
    ],
    [
      'yearly in a given month',
      { period: 'year', month: 6 },
      '2021-01-01',
      '2021-12-31',
      [['Năm 2021', '2021-01-01', '2021-06-30']],
    ],
    [
      'yearly 29/2 clamps in common years',
      { period: 'year', month: 2, day: 29 },
      '2023-01-01',
      '2024-12-31',
      [
        ['Năm 2023', '2023-01-01', '2023-02-28'],
        ['Năm 2024', '2024-01-01', '2024-02-29'],
      ],
    ],
    [
      'half-yearly',
      { period: 'half_year' },
      '2021-01-13',
      '2021-12-31',
      [
        ['6 tháng đầu năm 2021', '2021-01-13', '2021-06-30'],
        ['6 tháng cuối năm 2021', '2021-07-01', '2021-12-31'],
      ],
    ],
    [
      'half-yearly on the 15th of June and December',
      { period: 'half_year', day: 15 },
      '2021-01-01',
      '2022-06-30',
      [
        ['6 tháng đầu năm 2021', '2021-01-01', '2021-06-15'],
        ['6 tháng cuối năm 2021', '2021-07-01', '2021-12-15'],
        ['6 tháng đầu năm 2022', '2022-01-01', '2022-06-15'],
      ],
    ],
    [
      'quarterly',
      { period: 'quarter' },
      '2021-01-13',
      '2021-12-31',
      [
        ['Quý I/2021', '2021-01-13', '2021-03-31'],
        ['Quý II/2021', '2021-04-01', '2021-06-30'],
        ['Quý III/2021', '2021-07-01', '2021-09-30'],
        ['Quý IV/2021', '2021-10-01', '2021-12-31'],
      ],
    ],
    [
      'quarterly on the 15th of the last month, across a year end',
      { period: 'quarter', day: 15 },
      '2021-10-01',
      '2022-06-30',
      [
        ['Quý IV/2021', '2021-10-01', '2021-12-15'],
        ['Quý I/2022', '2022-01-01', '2022-03-15'],
        ['Quý II/2022', '2022-04-01', '2022-06-15'],
      ],
    ],
    [
      'monthly',
      { period: 'month' },
      '2024-01-13',
      '2024-04-30',
      [
        ['Tháng 1/2024', '2024-01-13', '2024-01-31'],
        ['Tháng 2/2024', '2024-02-01', '2024-02-29'],
        ['Tháng 3/2024', '2024-03-01', '2024-03-31'],
        ['Tháng 4/2024', '2024-04-01', '2024-04-30'],
      ],
    ],
    [
      'monthly on the 31st clamps to short months',
      { period: 'month', day: 31 },
      '2021-01-01',
      '2021-04-30',
      [
        ['Tháng 1/2021', '2021-01-01', '2021-01-31'],
        ['Tháng 2/2021', '2021-02-01', '2021-02-28'],
        ['Tháng 3/2021', '2021-03-01', '2021-03-31'],
        ['Tháng 4/2021', '2021-04-01', '2021-04-30'],
      ],
    ],
    [
      'monthly on the 20th',
      { period: 'month', day: 20 },
      '2021-01-13',
      '2021-03-31',
      [
        ['Tháng 1/2021', '2021-01-13', '2021-01-20'],
        ['Tháng 2/2021', '2021-02-01', '2021-02-20'],
        ['Tháng 3/2021', '2021-03-01', '2021-03-20'],
      ],
    ],
  ])('%s', (_name, r, from, to, expected) => {
    expect(rows(r, from, to)).toEqual(expected);
  });

  it.each<[string, Recurrence, string, string, string[]]>([
    // a due date before `from` drops that period: its occurrence is gone
    [
      'monthly on the 20th from the 21st',
      { period: 'month', day: 20 },
      '2021-01-21',
      '2021-03-31',
      ['2021-02-20', '2021-03-20'],
    ],
    [
      'yearly 15/12 from 16/12',
      { period: 'year', month: 12, day: 15 },
      '2021-12-16',
      '2023-01-01',
      ['2022-12-15'],
    ],
    // a due date after `to` drops that period too
    [
      'quarterly up to mid-quarter',
      { period: 'quarter' },
      '2021-01-01',
      '2021-08-15',
      ['2021-03-31', '2021-06-30'],
    ],
    [
      'quarterly, both bounds on due dates',
      { period: 'quarter' },
      '2021-03-31',
      '2021-06-30',
      ['2021-03-31', '2021-06-30'],
    ],
    ['yearly within a single year, before the due date', { period: 'year' }, '2021-01-01', '2021-12-30', []],
    ['half-yearly on one day', { period: 'half_year' }, '2021-06-30', '2021-06-30', ['2021-06-30']],
    ['empty range', { period: 'month' }, '2021-03-01', '2021-02-01', []],
  ])('%s', (_name, r, from, to, dues) => {
    expect(listOccurrences(r, from, to).map((o) => o.dueOn)).toEqual(dues);
  });

  it('opens on `from` when it is later than the period start, else on the first day of the period', () => {
    const [first, second] = listOccurrences({ period: 'quarter' }, '2021-02-10', '2021-06-30');
    expect(first).toEqual({ index: 1, label: 'Quý I/2021', opensOn: '2021-02-10', dueOn: '2021-03-31' });
    expect(second).toEqual({ index: 2, label: 'Quý II/2021', opensOn: '2021-04-01', dueOn: '2021-06-30' });
  });

  it('yields one occurrence per period over a 5-year plan', () => {
    const from = '2021-01-01';
    const to = '2025-12-31';
    expect(listOccurrences({ period: 'year', month: 12, day: 15 }, from, to)).toHaveLength(5);
    expect(listOccurrences({ period: 'half_year' }, from, to)).toHaveLength(10);
    expect(listOccurrences({ period: 'quarter' }, from, to)).toHaveLength(20);
    expect(listOccurrences({ period: 'month' }, from, to)).toHaveLength(60);
  });

  it('works on what parseDeadline returns', () => {
    const parsed = parseDeadline('Trước ngày 15/12 hằng năm', { referenceDate: '2021-01-13' });
    if (parsed.kind !== 'recurring') throw new Error('expected a recurrence');
    expect(rows(parsed.recurrence, '2021-01-13', '2022-12-31')).toEqual([
      ['Năm 2021', '2021-01-13', '2021-12-15'],
      ['Năm 2022', '2022-01-01', '2022-12-15'],
    ]);
  });
});

describe('listed dates and yearly runs (issue #13)', () => {
  it('"Trong năm 2023, 2024": one occurrence per date, each opening after the previous one', () => {
    expect(
      rows({ period: 'dates', dates: ['2023-12-31', '2024-12-31'] }, '2023-03-15', '2024-12-31'),
    ).toEqual([
      ['Đợt 1, hạn 31/12/2023', '2023-03-15', '2023-12-31'],
      ['Đợt 2, hạn 31/12/2024', '2024-01-01', '2024-12-31'],
    ]);
  });

  it('keeps only the dates in [from, to], numbered from the first kept', () => {
    const r: Recurrence = { period: 'dates', dates: ['2021-06-30', '2021-12-31', '2022-06-30'] };
    expect(rows(r, '2021-07-01', '2021-12-31')).toEqual([
      ['Đợt 1, hạn 31/12/2021', '2021-07-01', '2021-12-31'],
    ]);
    expect(listOccurrences(r, '2021-01-01', '2020-12-31')).toEqual([]);
  });

  it('"Năm 2025 và các năm tiếp theo": none before 2025, then every year', () => {
    expect(rows({ period: 'year', fromYear: 2025 }, '2024-05-10', '2026-12-31')).toEqual([
      ['Năm 2025', '2025-01-01', '2025-12-31'],
      ['Năm 2026', '2026-01-01', '2026-12-31'],
    ]);
    expect(rows({ period: 'quarter', fromYear: 2021 }, '2021-02-10', '2021-06-30')[0]).toEqual([
      'Quý I/2021',
      '2021-02-10',
      '2021-03-31',
    ]);
  });

  it.each<[string, Recurrence, string, string]>([
    ['a plain recurrence: the end of the issue year', { period: 'quarter' }, '2021-01-13', '2021-12-31'],
    [
      'listed dates: the last one',
      { period: 'dates', dates: ['2024-12-31', '2023-12-31'] },
      '2023-02-01',
      '2024-12-31',
    ],
    [
      'listed dates inside the issue year',
      { period: 'dates', dates: ['2021-06-30'] },
      '2021-01-13',
      '2021-12-31',
    ],
    [
      'from a later year: the end of that year',
      { period: 'year', fromYear: 2025 },
      '2024-05-10',
      '2025-12-31',
    ],
    [
      'from an earlier year: the end of the issue year',
      { period: 'year', fromYear: 2020 },
      '2021-01-13',
      '2021-12-31',
    ],
  ])('default end of occurrences, %s', (_name, r, issuedOn, end) => {
    expect(defaultOccurrencesEnd(r, issuedOn)).toBe(end);
  });
});

describe("planHorizon — the period in a plan's title (docs/domain-rules.md §4)", () => {
  it.each([
    ['Kế hoạch cải cách hành chính giai đoạn 2021-2025', '2025-12-31'],
    ['Chương trình chuyển đổi số tỉnh Tây Ninh giai đoạn 2021 – 2025, định hướng đến 2030', '2025-12-31'],
    ['Kế hoạch thực hiện Đề án giai đoạn 2022 đến năm 2026', '2026-12-31'],
    ['KE HOACH GIAI DOAN 2023-2024', '2024-12-31'],
    ['Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020-2025', null],
    ['Kế hoạch kiểm tra công tác CCHC năm 2021', null],
    ['giai đoạn 2025-2021', null],
  ])('%s → %s', (title, horizon) => {
    expect(planHorizon(title)).toBe(horizon);
  });
});
