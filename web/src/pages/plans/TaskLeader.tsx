import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import type { PlanTaskView as PlanTask } from '../../../../src/shared/plan-assignments.ts';
import type { LeaderList } from '../../../../src/shared/schemas/plan.ts';
import { api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * Lãnh đạo phụ trách of a task (docs/domain-rules.md §10): shown to every reader of the plan; the
 * Office (plan.write) chooses it among the leader accounts, or clears it.
 */
export function TaskLeader({ task }: { task: PlanTask }) {
  const t = useT();
  const { can } = useSession();
  const editable = can('plan.write') && !task.cancelledOn;
  const leaders = useQuery({
    queryKey: ['leaders'],
    queryFn: () => api.get<LeaderList>('/leaders'),
    enabled: editable,
  });
  const save = useApiMutation({
    mutationFn: (leaderUserId: number | null) =>
      api.patch(`/tasks/${task.id}`, { version: task.version, leaderUserId }),
    success: t('Đã cập nhật lãnh đạo phụ trách.', 'Leader in charge updated.'),
    invalidate: [['plans']],
  });
  const label = t('Lãnh đạo phụ trách', 'Leader in charge');
  if (!editable) {
    return task.leader ? (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {label}: {task.leader.name}
      </Typography.Text>
    ) : null;
  }
  return (
    <Select<number | 0>
      size="small"
      value={task.leader?.id ?? 0}
      loading={leaders.isLoading || save.isPending}
      aria-label={t(`Lãnh đạo phụ trách nhiệm vụ ${task.ref}`, `Leader in charge of task ${task.ref}`)}
      style={{ marginTop: 4, minWidth: 200 }}
      onChange={(value) => save.mutate(value === 0 ? null : value)}
      options={[
        { value: 0, label: t('Chưa giao lãnh đạo phụ trách', 'No leader in charge') },
        ...(
          leaders.data?.items ?? (task.leader ? [{ id: task.leader.id, displayName: task.leader.name }] : [])
        ).map((l) => ({ value: l.id, label: l.displayName })),
      ]}
    />
  );
}
