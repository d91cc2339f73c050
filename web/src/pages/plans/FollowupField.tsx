import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanHeader } from '../../../../src/shared/schemas/plan.ts';
import { api } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS, formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';

/**
 * Theo dõi từ ngày (docs/domain-rules.md §6, issue #14 §4): reminders, scores and days overdue count from
 * it. The Office changes it here (PATCH /plans/:id, audited); cleared, the plan is followed from its
 * issue date. Others read it.
 */
export function FollowupField({ plan, writable }: { plan: PlanHeader; writable: boolean }) {
  const t = useT();
  const save = useApiMutation({
    mutationFn: (followupFrom: string | null) =>
      api.patch<PlanHeader>(`/plans/${plan.id}`, { version: plan.version, followupFrom }),
    success: (after) =>
      after.followupFrom
        ? t(
            `Theo dõi từ ngày ${formatDate(after.followupFrom)}.`,
            `Followed up from ${formatDate(after.followupFrom)}.`,
          )
        : t('Theo dõi từ ngày ban hành kế hoạch.', 'Followed up from the issue date.'),
    invalidate: [['plans']],
  });
  const shown = plan.followupFrom
    ? formatDate(plan.followupFrom)
    : t('Từ ngày ban hành', 'From the issue date');
  if (!writable) return <Typography.Text>{shown}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      <DatePicker
        aria-label={t('Theo dõi từ ngày', 'Follow up from')}
        format={DATE_INPUT_FORMATS}
        placeholder={t('Từ ngày ban hành', 'From the issue date')}
        value={plan.followupFrom ? dayjs(plan.followupFrom) : null}
        disabled={save.isPending}
        disabledDate={(day) => day.format('YYYY-MM-DD') < plan.issuedOn}
        onChange={(day) => save.mutate(day ? day.format('YYYY-MM-DD') : null)}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          'Nhắc nhở, chấm điểm và số ngày quá hạn không tính những ngày trước ngày này.',
          'Reminders, scores and days overdue do not count the days before it.',
        )}
      </Typography.Text>
    </Space>
  );
}
