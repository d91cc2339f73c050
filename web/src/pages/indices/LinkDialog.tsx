import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { PlanDetail, PlanList } from '../../../../src/shared/schemas/plan.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageQuerySelect } from '../../components/PageQuerySelect.tsx';
import { api } from '../../lib/api.ts';
import { matchesOptionLabel } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { ComponentField, useConfigDialog } from './ConfigCard.tsx';
import type { IndexInfo } from './index-info.ts';

/** Gắn nhiệm vụ với chỉ số: choose a plan, then one of its tasks (or the whole plan), and the component served. */
export function LinkDialog({ info, onClose }: { info: IndexInfo; onClose: () => void }) {
  const { t } = useLang();
  const dialog = useConfigDialog(
    (v: { component: string; planId: number; taskId: number | 0 }) =>
      api.post('/indices/links', {
        index: info.code,
        component: v.component || null,
        ...(v.taskId ? { taskId: v.taskId } : { planId: v.planId }),
      }),
    t('Đã gắn nhiệm vụ với chỉ số.', 'Task linked.'),
    onClose,
  );
  const { form } = dialog;
  const planId = Form.useWatch('planId', form);
  const plans = useQuery({
    queryKey: ['indices', 'plans'],
    queryFn: () => api.get<PlanList>('/plans', { pageSize: 200 }),
  });
  const plan = useQuery({
    queryKey: ['indices', 'plan', planId],
    queryFn: () => api.get<PlanDetail>(`/plans/${planId}`),
    enabled: typeof planId === 'number',
  });
  return (
    <FormModal
      {...dialog}
      title={t(`Gắn nhiệm vụ với ${info.shortName}`, `Link a task to ${info.shortName}`)}
      okText={t('Gắn', 'Link')}
      width={640}
      initialValues={{ component: '' }}
      onValuesChange={(changed) => {
        if ('planId' in changed) form.setFieldsValue({ taskId: undefined });
      }}
    >
      <ComponentField info={info} label={t('Phục vụ', 'Serves')} />
      <Form.Item
        name="planId"
        label={t('Kế hoạch', 'Plan')}
        rules={[{ required: true, message: t('Hãy chọn kế hoạch.', 'Choose a plan.') }]}
      >
        <PageQuerySelect query={plans} option={(p) => ({ value: p.id, label: `${p.number} — ${p.title}` })} />
      </Form.Item>
      <Form.Item
        name="taskId"
        label={t('Nhiệm vụ', 'Task')}
        rules={[{ required: true, message: t('Hãy chọn nhiệm vụ.', 'Choose a task.') }]}
      >
        <Select
          showSearch
          disabled={typeof planId !== 'number'}
          loading={plan.isFetching}
          placeholder={
            typeof planId === 'number' ? undefined : t('Chọn kế hoạch trước', 'Choose a plan first')
          }
          filterOption={matchesOptionLabel}
          options={[
            { value: 0, label: t('Cả kế hoạch', 'The whole plan') },
            ...(plan.data?.tasks ?? []).map((task) => ({
              value: task.id,
              label: `${task.ref} — ${task.content}`,
            })),
          ]}
          notFoundContent={plan.isError ? plan.error.message : undefined}
        />
      </Form.Item>
    </FormModal>
  );
}
