import { describe, expect, it } from 'vitest';
import { type DeadlineContext, describeRecurrence, parseDeadline, type Recurrence } from './deadline.ts';

const ctx: DeadlineContext = { referenceDate: '2021-01-13' };
const strict: DeadlineContext = { ...ctx, beforeIsStrict: true };

function dueOf(text: string, c: DeadlineContext = ctx): string {
  const parsed = parseDeadline(text, c);
  if (parsed.kind !== 'once') throw new Error(`${text}: ${JSON.stringify(parsed)}`);
  return parsed.dueOn;
}

describe('docs/domain-rules.md §4 table', () => {
  it.each([
    ['Trước ngày 13/1/2021', { kind: 'once', dueOn: '2021-01-13', yearInferred: false }],
    ['Trong tháng 1/2021', { kind: 'once', dueOn: '2021-01-31', yearInferred: false }],
    ['Quý I/2021', { kind: 'once', dueOn: '2021-03-31', yearInferred: false }],
    ['Quý IV/2021', { kind: 'once', dueOn: '2021-12-31', yearInferred: false }],
    ['6 tháng đầu năm 2021', { kind: 'once', dueOn: '2021-06-30', yearInferred: false }],
    ['6 tháng cuối năm 2021', { kind: 'once', dueOn: '2021-12-31', yearInferred: false }],
    ['Năm 2021', { kind: 'once', dueOn: '2021-12-31', yearInferred: false }],
    ['Giai đoạn 2021-2025', { kind: 'once', dueOn: '2025-12-31', yearInferred: false }],
    ['Trước ngày 15/12 hằng năm', { kind: 'recurring', recurrence: { period: 'year', month: 12, day: 15 } }],
    ['Trước ngày 15/12 hàng năm', { kind: 'recurring', recurrence: { period: 'year', month: 12, day: 15 } }],
    ['Hằng quý', { kind: 'recurring', recurrence: { period: 'quarter' } }],
    ['Định kỳ hằng tháng', { kind: 'recurring', recurrence: { period: 'month' } }],
    ['6 tháng', { kind: 'recurring', recurrence: { period: 'half_year' } }],
    ['Thường xuyên', { kind: 'ongoing' }],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, ctx)).toEqual(expected);
  });

  it('a strict setting makes "Trước ngày 13/1/2021" due the day before', () => {
    expect(dueOf('Trước ngày 13/1/2021', strict)).toBe('2021-01-12');
  });
});

describe('one-off dates', () => {
  it.each([
    ['Trước ngày 13/1/2021', '2021-01-13'],
    ['trước ngày 13/01/2021.', '2021-01-13'],
    ['Chậm nhất ngày 13/1/2021', '2021-01-13'],
    ['Hạn chót 13/1/2021', '2021-01-13'],
    ['đến ngày 13/1/2021', '2021-01-13'],
    ['Ngày 13 tháng 1 năm 2021', '2021-01-13'],
    ['13/1/2021', '2021-01-13'],
    ['trước 13/01/2021', '2021-01-13'],
    ['TRUOC NGAY 13/1/2021', '2021-01-13'],
    ['  Trước   ngày\n13/1/2021 ;', '2021-01-13'],
    ['Trước ngày 13 / 1 / 2021*', '2021-01-13'],
    ['Trước ngày 13-1-2021,', '2021-01-13'],
    ['Trước ngày 13.01.2021', '2021-01-13'],
    ['Trước ngày 13/01/21', '2021-01-13'],
    ['Trước ngày 29/2/2024', '2024-02-29'],
    ['Trong tháng 1/2021', '2021-01-31'],
    ['Tháng 01/2021', '2021-01-31'],
    ['trong tháng 1 năm 2021', '2021-01-31'],
    ['Tháng 2/2024', '2024-02-29'],
    ['01/2021', '2021-01-31'],
    ['Quý I/2021', '2021-03-31'],
    ['Quý II/2021', '2021-06-30'],
    ['Quý III/2021', '2021-09-30'],
    ['Quý IV/2021', '2021-12-31'],
    ['Quý 1/2021', '2021-03-31'],
    ['Quý 4/2021', '2021-12-31'],
    ['Quý II năm 2021', '2021-06-30'],
    ['trong quý III/2021', '2021-09-30'],
    ['6 tháng đầu năm 2021', '2021-06-30'],
    ['6 tháng cuối năm 2021', '2021-12-31'],
    ['Năm 2021', '2021-12-31'],
    ['Trong năm 2021', '2021-12-31'],
    ['Cuối năm 2021.', '2021-12-31'],
    ['Giai đoạn 2021-2025', '2025-12-31'],
    ['giai đoạn 2021 - 2025', '2025-12-31'],
    ['Giai đoạn 2021 – 2025', '2025-12-31'],
    ['2021-2025', '2025-12-31'],
    ['Từ năm 2021 đến năm 2025', '2025-12-31'],
  ])('%s → %s', (text, due) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: 'once', dueOn: due, yearInferred: false });
  });
});

describe('"Trước" is inclusive by default, strict on request', () => {
  it.each([
    ['Trước ngày 13/1/2021', '2021-01-13', '2021-01-12'],
    ['trước 13/01/2021', '2021-01-13', '2021-01-12'],
    ['Trước ngày 1/3/2021', '2021-03-01', '2021-02-28'],
    ['Trước ngày 1/1/2022', '2022-01-01', '2021-12-31'],
    ['Trước tháng 6/2021', '2021-06-30', '2021-05-31'],
    ['Chậm nhất ngày 13/1/2021', '2021-01-13', '2021-01-13'],
    ['Hạn chót 13/1/2021', '2021-01-13', '2021-01-13'],
    ['đến ngày 13/1/2021', '2021-01-13', '2021-01-13'],
    ['Trong tháng 1/2021', '2021-01-31', '2021-01-31'],
  ])('%s → %s, strict %s', (text, inclusive, strictDue) => {
    expect(dueOf(text)).toBe(inclusive);
    expect(dueOf(text, strict)).toBe(strictDue);
  });
});

describe('a year left out comes from the reference date', () => {
  it.each([
    ['2021-01-13', 'Trước ngày 20/1', '2021-01-20'],
    ['2021-01-13', 'Tháng 3', '2021-03-31'],
    ['2021-01-13', 'Quý II', '2021-06-30'],
    ['2021-01-13', '6 tháng cuối năm', '2021-12-31'],
    ['2021-01-13', 'Trong năm', '2021-12-31'],
    ['2021-01-13', 'Trước ngày 20 tháng 1', '2021-01-20'],
    ['2021-01-13', 'Trước ngày 20/12', '2021-12-20'],
    ['2021-01-13', 'Trước ngày 31/12', '2021-12-31'],
    // up to a month late still reads as this year: the task was already due when the plan came out
    ['2021-02-15', 'Trước ngày 20/1', '2021-01-20'],
    ['2021-12-20', 'Trước ngày 15/12', '2021-12-15'],
    // more than a month before the reference date: next year
    ['2021-12-20', 'Trước ngày 10/1', '2022-01-10'],
    ['2021-12-20', 'Tháng 1', '2022-01-31'],
    ['2021-12-20', 'Quý I', '2022-03-31'],
    ['2021-12-20', '6 tháng đầu năm', '2022-06-30'],
  ])('issued %s: %s → %s', (referenceDate, text, due) => {
    expect(parseDeadline(text, { referenceDate })).toEqual({ kind: 'once', dueOn: due, yearInferred: true });
  });
});

describe('recurring deadlines', () => {
  it.each<[string, Recurrence]>([
    ['Trước ngày 15/12 hằng năm', { period: 'year', month: 12, day: 15 }],
    ['Trước ngày 15/12 hàng năm.', { period: 'year', month: 12, day: 15 }],
    ['Hằng năm, trước ngày 15/12', { period: 'year', month: 12, day: 15 }],
    ['hang nam truoc ngay 15 thang 12', { period: 'year', month: 12, day: 15 }],
    ['Trước ngày 6 tháng 12 hằng năm', { period: 'year', month: 12, day: 6 }],
    ['Hằng năm', { period: 'year' }],
    ['Định kỳ hằng năm', { period: 'year' }],
    ['Mỗi năm', { period: 'year' }],
    ['Tháng 12 hằng năm', { period: 'year', month: 12 }],
    ['Quý I hằng năm', { period: 'year', month: 3 }],
    ['6 tháng đầu năm, hằng năm', { period: 'year', month: 6 }],
    ['Hằng quý', { period: 'quarter' }],
    ['Định kỳ hằng quý', { period: 'quarter' }],
    ['Báo cáo hằng quý', { period: 'quarter' }],
    ['Báo cáo định kỳ hằng quý, 6 tháng, năm', { period: 'quarter' }],
    ['Hằng quý, trước ngày 15 tháng cuối quý', { period: 'quarter', day: 15 }],
    ['Định kỳ hằng tháng', { period: 'month' }],
    ['Hằng tháng', { period: 'month' }],
    ['Hàng tháng;', { period: 'month' }],
    ['Hằng tháng, trước ngày 20', { period: 'month', day: 20 }],
    ['Trước ngày 20 hằng tháng', { period: 'month', day: 20 }],
    ['6 tháng', { period: 'half_year' }],
    ['Định kỳ 6 tháng', { period: 'half_year' }],
    ['6 tháng một lần', { period: 'half_year' }],
    ['6 tháng/lần', { period: 'half_year' }],
    ['Hằng 6 tháng', { period: 'half_year' }],
  ])('%s', (text, recurrence) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: 'recurring', recurrence });
  });

  it.each<[string, Recurrence]>([
    ['Trước ngày 15/12 hằng năm', { period: 'year', month: 12, day: 14 }],
    ['Trước ngày 1/3 hằng năm', { period: 'year', month: 2, day: 29 }],
    ['Hằng tháng, trước ngày 20', { period: 'month', day: 19 }],
    ['Hằng quý, trước ngày 15 tháng cuối quý', { period: 'quarter', day: 14 }],
  ])('strict: %s', (text, recurrence) => {
    expect(parseDeadline(text, strict)).toEqual({ kind: 'recurring', recurrence });
  });

  it('"6 tháng đầu năm 2021" is a one-off period, not a half-yearly recurrence', () => {
    expect(parseDeadline('6 tháng đầu năm 2021', ctx).kind).toBe('once');
  });
});

describe('ongoing', () => {
  it.each(['Thường xuyên', 'Thường xuyên, liên tục', 'Liên tục', 'thuong xuyen.', 'Hằng ngày'])(
    '%s',
    (text) => {
      expect(parseDeadline(text, ctx)).toEqual({ kind: 'ongoing' });
    },
  );
});

describe('unparsed', () => {
  it.each([
    ['', 'Chưa có thời hạn'],
    ['  .; ', 'Chưa có thời hạn'],
    ['Theo chỉ đạo của UBND tỉnh', 'Không hiểu thời hạn "Theo chỉ đạo của UBND tỉnh"'],
    ['abc   xyz', 'Không hiểu thời hạn "abc xyz"'],
    ['31/2/2021', 'Ngày không hợp lệ "31/2/2021"'],
    ['Trước ngày 45/1/2021', 'Ngày không hợp lệ "45/1/2021"'],
    ['Trước ngày 29/2', 'Ngày không hợp lệ "29/2/2021"'],
    ['Tháng 13/2021', 'Tháng không hợp lệ "13/2021"'],
    ['Năm 1800', 'Năm không hợp lệ "1800"'],
    ['Quý V/2021', 'Không hiểu thời hạn "Quý V/2021"'],
    ['Giai đoạn 2025-2021', 'Giai đoạn không hợp lệ "2025-2021"'],
    ['Trong 6 tháng', 'Không hiểu thời hạn "Trong 6 tháng"'],
    ['Sau 30 ngày kể từ ngày 13/1/2021', 'Không hiểu thời hạn "Sau 30 ngày kể từ ngày 13/1/2021"'],
    ['Định kỳ', 'Không rõ chu kỳ của thời hạn "Định kỳ"'],
    ['Hằng năm, trước ngày 15', 'Thiếu tháng trong thời hạn hằng năm "Hằng năm, trước ngày 15"'],
    ['Trước ngày 31/2 hằng năm', 'Ngày không hợp lệ "31/2"'],
    ['Hằng tháng, trước ngày 40', 'Ngày không hợp lệ "40"'],
    ['Hằng quý, tháng 3', 'Không hiểu thời hạn "Hằng quý, tháng 3"'],
  ])('%j', (text, reason) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: 'unparsed', reason });
  });
});

describe('the 29 deadline cells of Kế hoạch 87/KH-UBND (13/01/2021)', () => {
  it.each([
    ['I.1', 'Trước ngày 13/1/2021.', '2021-01-13'],
    ['I.2', 'Trong tháng 1/2021.', '2021-01-31'],
    ['I.3', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.4', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.5', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.6', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.7', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.8', 'Trước ngày 20/1/2021.', '2021-01-20'],
    ['I.9', 'Trước ngày 25/1/2021.', '2021-01-25'],
    ['I.10', 'Trước ngày 29/1/2021.', '2021-01-29'],
    ['I.11', 'Trước ngày 4/2/2021.', '2021-02-04'],
    ['I.12', 'Trước ngày 10/2/2021.', '2021-02-10'],
    ['I.13', 'Trước ngày 12/2/2021.', '2021-02-12'],
    ['I.14', 'Trước ngày 18/2/2021.', '2021-02-18'],
    ['I.15', 'Trước ngày 25/2/2021.', '2021-02-25'],
    ['II.1', 'Trước ngày 01/4/2021.', '2021-04-01'],
    ['II.2', 'Trước ngày 12/4/2021.', '2021-04-12'],
    ['II.3', 'Trước ngày 12/4/2021.', '2021-04-12'],
    ['II.4', 'Trước ngày 12/4/2021.', '2021-04-12'],
    ['II.5', 'Trước ngày 12/4/2021.', '2021-04-12'],
    ['II.6', 'Trước ngày 12/4/2021.', '2021-04-12'],
    ['II.7', 'Trước ngày 16/4/2021.', '2021-04-16'],
    ['II.8', 'Trước ngày 20/4/2021.', '2021-04-20'],
    ['II.9', 'Trước ngày 23/4/2021.', '2021-04-23'],
    ['II.10', 'Trước ngày 29/4/2021.', '2021-04-29'],
    ['II.11', 'Trước ngày 4/5/2021.', '2021-05-04'],
    ['II.12', 'Trước ngày 12/5/2021.', '2021-05-12'],
    ['II.13', 'Trước ngày 20/5/2021.', '2021-05-20'],
    ['II.14', 'Trước ngày 25/5/2021.', '2021-05-25'],
  ])('task %s: %s → %s', (_task, text, due) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: 'once', dueOn: due, yearInferred: false });
  });
});

describe('describeRecurrence', () => {
  it.each<[Recurrence, string]>([
    [{ period: 'year' }, 'Hằng năm'],
    [{ period: 'year', month: 12, day: 15 }, 'Hằng năm, trước ngày 15/12'],
    [{ period: 'year', month: 4, day: 1 }, 'Hằng năm, trước ngày 01/04'],
    [{ period: 'year', month: 12 }, 'Hằng năm, trong tháng 12'],
    [{ period: 'half_year' }, '6 tháng một lần'],
    [{ period: 'half_year', day: 15 }, '6 tháng một lần, trước ngày 15 tháng 6 và tháng 12'],
    [{ period: 'quarter' }, 'Hằng quý'],
    [{ period: 'quarter', day: 15 }, 'Hằng quý, trước ngày 15 tháng cuối quý'],
    [{ period: 'month' }, 'Hằng tháng'],
    [{ period: 'month', day: 20 }, 'Hằng tháng, trước ngày 20'],
  ])('%j → %s', (r, label) => {
    expect(describeRecurrence(r)).toBe(label);
  });

  it.each([
    'Trước ngày 15/12 hằng năm',
    'Hằng quý, trước ngày 15 tháng cuối quý',
    'Hằng tháng, trước ngày 20',
    '6 tháng một lần, trước ngày 15 tháng 6 và tháng 12',
    'Tháng 12 hằng năm',
    'Hằng năm',
  ])('its label parses back to the same recurrence: %s', (text) => {
    const parsed = parseDeadline(text, ctx);
    if (parsed.kind !== 'recurring') throw new Error(text);
    expect(parseDeadline(describeRecurrence(parsed.recurrence), ctx)).toEqual(parsed);
  });
});

describe('phrases of real plans (issue #13)', () => {
  const plan2022: DeadlineContext = { referenceDate: '2022-03-01' };

  it.each<[string, Recurrence]>([
    ['Trong năm 2023, 2024', { period: 'dates', dates: ['2023-12-31', '2024-12-31'] }],
    ['Trong năm 2023, 2024.', { period: 'dates', dates: ['2023-12-31', '2024-12-31'] }],
    ['Tháng 6/2021 và tháng 12/2021', { period: 'dates', dates: ['2021-06-30', '2021-12-31'] }],
    ['Năm 2023, 2024 và 2025', { period: 'dates', dates: ['2023-12-31', '2024-12-31', '2025-12-31'] }],
    // a year written once at the end is every part's; a bare numeral takes the word before it
    ['Tháng 6 và tháng 12/2021', { period: 'dates', dates: ['2021-06-30', '2021-12-31'] }],
    ['Quý I, II/2022', { period: 'dates', dates: ['2022-03-31', '2022-06-30'] }],
    ['Trước ngày 30/6/2022; trước ngày 15/12/2022', { period: 'dates', dates: ['2022-06-30', '2022-12-15'] }],
    ['Năm 2025 và các năm tiếp theo', { period: 'year', fromYear: 2025 }],
    ['Từ năm 2025 trở đi', { period: 'year', fromYear: 2025 }],
    ['Hằng năm, từ năm 2025', { period: 'year', fromYear: 2025 }],
    ['Trước ngày 15/12 hằng năm, từ năm 2023', { period: 'year', month: 12, day: 15, fromYear: 2023 }],
  ])('%s → recurring', (text, recurrence) => {
    expect(parseDeadline(text, plan2022)).toEqual({ kind: 'recurring', recurrence });
  });

  it.each([
    ['Quý I/2024 (trình Chính phủ)', '2024-03-31', false],
    ['Trước ngày 30/6/2022 (báo cáo UBND tỉnh)', '2022-06-30', false],
    ['Cả năm', '2022-12-31', true],
    ['Cả năm 2023', '2023-12-31', false],
    ['Theo lộ trình, từng bước chuyển đổi, hoàn thành trong năm 2025', '2025-12-31', false],
    ['Theo lộ trình của Chính phủ, hoàn thành trong năm 2025.', '2025-12-31', false],
    // ongoing work with a dated milestone: the milestone is what is chased
    ['Thực hiện thường xuyên, riêng việc rà soát hoàn thành trong quý II/2020', '2020-06-30', false],
    ['Thường xuyên; riêng Đề án HOÀN THÀNH TRƯỚC NGÀY 30/9/2022', '2022-09-30', false],
    // a span is due at its end
    ['Từ ngày 15/4 đến ngày 15/5/2024.', '2024-05-15', false],
    ['Từ tháng 3 đến hết tháng 6/2024', '2024-06-30', false],
  ])('%s → once %s', (text, dueOn, yearInferred) => {
    expect(parseDeadline(text, plan2022)).toEqual({ kind: 'once', dueOn, yearInferred });
  });

  it('a list of one date after duplicates is a single deadline', () => {
    expect(parseDeadline('Tháng 6/2021 và tháng 6/2021', plan2022)).toEqual({
      kind: 'once',
      dueOn: '2021-06-30',
      yearInferred: false,
    });
  });

  it('strict "trước" applies to each listed date', () => {
    expect(
      parseDeadline('Trước ngày 30/6/2022 và trước ngày 15/12/2022', { ...plan2022, beforeIsStrict: true }),
    ).toEqual({
      kind: 'recurring',
      recurrence: { period: 'dates', dates: ['2022-06-29', '2022-12-14'] },
    });
  });

  it.each([
    ['Tháng 6/2021 và tháng 13/2021', 'Tháng không hợp lệ "13/2021"'],
    ['Trong năm 2023, sau đó tùy tình hình', 'Không hiểu thời hạn "Trong năm 2023, sau đó tùy tình hình"'],
    ['Năm 1800 và các năm tiếp theo', 'Năm không hợp lệ "1800"'],
    ['(trình Chính phủ)', 'Không hiểu thời hạn "(trình Chính phủ)"'],
    ['Theo lộ trình', 'Không hiểu thời hạn "Theo lộ trình"'],
    ['Từ ngày 15/4 đến ngày 45/5/2024', 'Ngày không hợp lệ "45/5/2024"'],
    ['Từ khi có ý kiến đến hết năm 2024', 'Không hiểu thời hạn "Từ khi có ý kiến đến hết năm 2024"'],
  ])('%j stays unparsed', (text, reason) => {
    expect(parseDeadline(text, plan2022)).toEqual({ kind: 'unparsed', reason });
  });

  it('ongoing work without a dated milestone stays ongoing', () => {
    expect(parseDeadline('Thực hiện thường xuyên, hoàn thành tốt nhiệm vụ được giao', plan2022)).toEqual({
      kind: 'ongoing',
    });
  });

  it.each<[Recurrence, string]>([
    [{ period: 'dates', dates: ['2023-12-31', '2024-12-31'] }, '31/12/2023 và 31/12/2024'],
    [
      { period: 'dates', dates: ['2021-06-30', '2021-09-30', '2021-12-31'] },
      '30/06/2021, 30/09/2021 và 31/12/2021',
    ],
    [{ period: 'year', fromYear: 2025 }, 'Hằng năm, từ năm 2025'],
    [{ period: 'quarter', day: 15, fromYear: 2023 }, 'Hằng quý, trước ngày 15 tháng cuối quý, từ năm 2023'],
  ])('label %j → %s, which parses back', (r, label) => {
    expect(describeRecurrence(r)).toBe(label);
    expect(parseDeadline(label, plan2022)).toEqual({ kind: 'recurring', recurrence: r });
  });
});

describe('N ngày làm việc kể từ … (docs/domain-rules.md §4, §4a)', () => {
  it.each([
    // 04/01/2021 is a Monday: the fifth working day after it is Monday 11/01
    ['Trong 5 ngày làm việc kể từ ngày 04/01/2021', '2021-01-11'],
    // Tết 10–16/02/2021 as announced is not counted
    ['Trong vòng 10 ngày làm việc, kể từ ngày 05/02/2021', '2021-02-26'],
    ['Chậm nhất 3 ngày làm việc sau ngày 9/2', '2021-02-19'],
    // from the plan's issue date (13/01/2021, a Wednesday)
    ['05 ngày làm việc kể từ ngày ký', '2021-01-20'],
    ['Trong thời hạn 15 ngày làm việc kể từ ngày Kế hoạch được ban hành', '2021-02-03'],
  ])('%j is due %s', (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it('counts on the calendar it is given (an authority’s own)', () => {
    const calendar = { daysOff: new Set(['2021-01-05']), workingDays: new Set(['2021-01-09']) };
    expect(dueOf('Trong 5 ngày làm việc kể từ ngày 04/01/2021', { ...ctx, calendar })).toBe('2021-01-11');
    expect(dueOf('Trong 6 ngày làm việc kể từ ngày 04/01/2021', { ...ctx, calendar })).toBe('2021-01-12');
  });

  it.each([
    [
      '3 ngày làm việc kể từ khi nhận được văn bản',
      'Không rõ mốc tính 3 ngày làm việc của thời hạn "3 ngày làm việc kể từ khi nhận được văn bản": cần một ngày, ví dụ "kể từ ngày 04/01/2021"',
    ],
    [
      '0 ngày làm việc kể từ ngày 04/01/2021',
      'Thời hạn "0 ngày làm việc kể từ ngày 04/01/2021": số ngày làm việc phải từ 1 trở lên',
    ],
  ])('%j stays unparsed, saying why', (text, reason) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: 'unparsed', reason });
  });
});
