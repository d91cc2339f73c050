import { describe, expect, it } from 'vitest';
import { progressOf, taskStateOf } from './public-progress.ts';

describe('taskStateOf', () => {
  it('shows what needs attention first', () => {
    expect(taskStateOf(['done_on_time', 'open_overdue', 'open_on_time'])).toBe('open_overdue');
    expect(taskStateOf(['done_on_time', 'open_on_time'])).toBe('open_on_time');
    expect(taskStateOf(['done_on_time', 'ongoing'])).toBe('ongoing');
    expect(taskStateOf(['done_on_time', 'done_late', 'cancelled'])).toBe('done_late');
    expect(taskStateOf(['done_on_time', 'cancelled'])).toBe('done_on_time');
  });
  it('is cancelled only when every lead assignment is, and null before any starts', () => {
    expect(taskStateOf(['cancelled', 'cancelled'])).toBe('cancelled');
    expect(taskStateOf([])).toBeNull();
  });
});

describe('progressOf', () => {
  it('counts states and the on-time rate among items due', () => {
    const progress = progressOf(
      [
        { dueOn: '2021-01-20', doneOn: '2021-01-19', cancelledOn: null },
        { dueOn: '2021-01-20', doneOn: null, cancelledOn: null },
        { dueOn: '2021-03-01', doneOn: '2021-02-01', cancelledOn: null },
        { dueOn: null, doneOn: null, cancelledOn: null },
      ],
      '2021-02-15',
    );
    expect(progress.counts).toMatchObject({ total: 4, done_on_time: 2, open_overdue: 1, ongoing: 1 });
    expect(progress.onTimeRate).toBe(0.5);
  });
});
