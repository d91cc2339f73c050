import { Typography } from 'antd';
import type { WorkItem } from '../../../../src/shared/schemas/assignment.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { dueHint } from './labels.tsx';

/** An assignment's deadline in the work list: the date, the first date if moved, how near, when done. */
export function DueCell({ item, asOf }: { item: WorkItem; asOf: string }) {
  const t = useT();
  if (!item.currentDueOn)
    return <Typography.Text type="secondary">{t('Thường xuyên', 'Ongoing')}</Typography.Text>;
  const open = item.state === 'open_on_time' || item.state === 'open_overdue';
  const hint = open && asOf ? dueHint(item.currentDueOn, asOf, t) : null;
  return (
    <div>
      <div>{formatDate(item.currentDueOn)}</div>
      {item.originalDueOn && item.originalDueOn !== item.currentDueOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('Hạn ban đầu', 'Originally')} {formatDate(item.originalDueOn)}
        </Typography.Text>
      )}
      {hint && (
        <div>
          <Typography.Text
            type={item.state === 'open_overdue' ? 'danger' : 'secondary'}
            style={{ fontSize: 12 }}
          >
            {hint}
          </Typography.Text>
        </div>
      )}
      {item.doneOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('Hoàn thành', 'Done')} {formatDate(item.doneOn)}
        </Typography.Text>
      )}
    </div>
  );
}
