import { Alert, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { DATE_INPUT_FORMATS, formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';

/**
 * Theo dõi từ ngày (docs/domain-rules.md §6, issue #14 §4): asked when some deadline of the plan has
 * already passed; today by default. Days before it count for no reminder, score or day late.
 */
export function FollowupStart({
  pastDeadlines,
  value,
  issuedOn,
  onChange,
}: {
  /** tasks whose deadline is before today */
  pastDeadlines: number;
  value: string;
  issuedOn: string | null;
  onChange: (date: string) => void;
}) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      title={t(
        `${pastDeadlines} nhiệm vụ có thời hạn đã qua: theo dõi kế hoạch từ ngày nào?`,
        `${pastDeadlines} tasks have deadlines already past: follow the plan from which date?`,
      )}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{t('Theo dõi từ ngày', 'Follow up from')}</Typography.Text>
            <DatePicker
              aria-label={t('Theo dõi từ ngày', 'Follow up from')}
              format={DATE_INPUT_FORMATS}
              allowClear={false}
              value={dayjs(value)}
              disabledDate={(day) => issuedOn !== null && day.format('YYYY-MM-DD') < issuedOn}
              onChange={(day) => day && onChange(day.format('YYYY-MM-DD'))}
            />
          </Space>
          <Typography.Text type="secondary">
            {t(
              `Mặc định là hôm nay. Những ngày trước ${formatDate(value)} không được tính: không phát sinh nhắc nhở bằng văn bản, không trừ điểm, không tính ngày quá hạn; nhiệm vụ quá hạn trước đó được tính như đến hạn vào ngày này. Có thể đổi sau trong thông tin kế hoạch.`,
              `Today by default. Days before ${formatDate(value)} are not counted: no written reminder, no points lost, no days overdue; tasks overdue before it are judged as due on it. It can be changed later in the plan's details.`,
            )}
          </Typography.Text>
        </Space>
      }
    />
  );
}
