import { Typography } from 'antd';
import type { PreviewTask } from '../../../../src/shared/schemas/import.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';

/**
 * Beside a deadline as stated, the date the rules will judge by when the authority moves deadlines
 * off non-working days (docs/domain-rules.md §4a, setting dueOnNonWorkingDay): "31/01/2021 →
 * 01/02/2021 (ngày làm việc tiếp theo)". Nothing when the setting keeps it or the day is a working day.
 */
export function MovedDueDate({ task }: { task: Pick<PreviewTask, 'dueOn' | 'movedDueOn'> }) {
  const t = useT();
  if (!task.dueOn || !task.movedDueOn) return null;
  const moved = `${formatDate(task.dueOn)} → ${formatDate(task.movedDueOn)}`;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="moved-due-on">
      {t(`${moved} (ngày làm việc tiếp theo)`, `${moved} (next working day)`)}
    </Typography.Text>
  );
}
