import { Space, Switch, Typography } from 'antd';
import type { PlanHeader } from '../../../../src/shared/schemas/plan.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';

/**
 * Công khai: the Office's switch that puts the plan on the public page or takes it off (audited;
 * docs/domain-rules.md §11). Others see whether it is public; a withdrawn plan is never public.
 */
export function PublishSwitch({ plan, writable }: { plan: PlanHeader; writable: boolean }) {
  const t = useT();
  const publish = useApiMutation({
    mutationFn: (published: boolean) =>
      api.post<PlanHeader>(`/plans/${plan.id}/publish`, { published, version: plan.version }),
    success: (after) =>
      after.publishedAt
        ? t('Đã công khai kế hoạch trên trang Công khai.', 'The plan is now on the public page.')
        : t('Đã thôi công khai kế hoạch.', 'The plan is no longer public.'),
    invalidate: [['plans'], ['public']],
  });
  const published = plan.publishedAt !== null && !plan.cancelledOn;
  return (
    <Space size={8} wrap>
      <Switch
        checked={published}
        disabled={!writable}
        loading={publish.isPending}
        onChange={(next) => publish.mutate(next)}
        aria-label={t('Công khai trên trang Công khai', 'Show on the public page')}
      />
      <Typography.Text type={published ? undefined : 'secondary'}>
        {published
          ? t(
              `Đang công khai (từ ${formatDateTime(plan.publishedAt)})`,
              `Public (since ${formatDateTime(plan.publishedAt)})`,
            )
          : t('Chưa công khai', 'Not public')}
      </Typography.Text>
    </Space>
  );
}
