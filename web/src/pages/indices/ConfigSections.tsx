import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import type { PlanDetail, PlanList } from '../../../../src/shared/schemas/plan.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { matchesSearch, todayInVietnam } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { componentName, targetText } from './labels.tsx';
import type { ComponentDef, IndexUnit, Owner, Target } from './types.ts';

/** What the configuration sections know of the index they configure. */
export interface IndexInfo {
  code: string;
  shortName: string;
  unit: IndexUnit;
  scaleMax: number;
  groups: string[];
  /** every component any method version of the index has (by code, latest name) */
  components: ComponentDef[];
}

function componentOptions(info: IndexInfo, lang: 'vi' | 'en') {
  return [
    { value: '', label: lang === 'en' ? 'The whole index' : 'Toàn chỉ số' },
    ...info.components.map((c) => ({ value: c.code, label: componentName(c, c.code, lang) })),
  ];
}

function useComponentLabel(info: IndexInfo) {
  const { lang } = useLang();
  return (code: string | null) =>
    code === null
      ? lang === 'en'
        ? 'The whole index'
        : 'Toàn chỉ số'
      : componentName(
          info.components.find((c) => c.code === code),
          code,
          lang,
        );
}

/* ------------------------------------------------------------------ targets */

interface TargetForm {
  component: string;
  fromYear: number;
  toYear: number;
  score: number | null;
  rank: number | null;
  group: string | null;
  sourceNote: string;
}

/** Mục tiêu: the targets of the index and its components, per range of years; add, edit, delete. */
export function TargetsCard({ info }: { info: IndexInfo }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = useComponentLabel(info);
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const query = useQuery({
    queryKey: ['indices', 'targets', info.code],
    queryFn: () => api.get<Target[]>('/indices/targets', { index: info.code }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/indices/targets/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã xóa mục tiêu.', 'Target deleted.'));
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Card
      title={t('Mục tiêu', 'Targets')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('Thêm mục tiêu', 'Add a target')}
        </Button>
      }
    >
      <QueryState
        query={query}
        isEmpty={(rows) => rows.length === 0}
        empty={t('Chưa đặt mục tiêu nào.', 'No target set.')}
      >
        {(rows) => (
          <Table<Target>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('Áp dụng cho', 'For'), key: 'component', render: (_, r) => label(r.component) },
              {
                title: t('Giai đoạn', 'Years'),
                key: 'years',
                render: (_, r) => (r.fromYear === r.toYear ? r.fromYear : `${r.fromYear}–${r.toYear}`),
              },
              {
                title: t('Mục tiêu', 'Target'),
                key: 'target',
                render: (_, r) =>
                  targetText(
                    r,
                    info.unit,
                    r.component === null
                      ? info.scaleMax
                      : (info.components.find((c) => c.code === r.component)?.max ?? info.scaleMax),
                    lang,
                    false,
                  ),
              },
              { title: t('Căn cứ', 'Source'), dataIndex: 'sourceNote' },
              {
                title: t('Thao tác', 'Actions'),
                key: 'actions',
                render: (_, r) => (
                  <Space size={4}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t(
                        `Sửa mục tiêu ${label(r.component)}`,
                        `Edit target ${label(r.component)}`,
                      )}
                      onClick={() => setEditing(r)}
                    />
                    <Popconfirm
                      title={t('Xóa mục tiêu này?', 'Delete this target?')}
                      okText={t('Xóa', 'Delete')}
                      cancelText={t('Hủy', 'Cancel')}
                      onConfirm={() => remove.mutate(r.id)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t(
                          `Xóa mục tiêu ${label(r.component)}`,
                          `Delete target ${label(r.component)}`,
                        )}
                      />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <TargetDialog
          info={info}
          target={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function TargetDialog({
  info,
  target,
  onClose,
}: {
  info: IndexInfo;
  target: Target | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TargetForm>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: TargetForm) => {
      const body = {
        index: info.code,
        component: v.component || null,
        fromYear: v.fromYear,
        toYear: v.toYear,
        score: v.score ?? null,
        rank: v.rank ?? null,
        group: v.group?.trim() ? v.group.trim() : null,
        sourceNote: v.sourceNote?.trim() ?? '',
      };
      return target ? api.put(`/indices/targets/${target.id}`, body) : api.post('/indices/targets', body);
    },
    onMutate: () => setError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã lưu mục tiêu.', 'Target saved.'));
      onClose();
    },
    onError: (e) => setError(e.message),
  });
  const thisYear = Number(todayInVietnam().slice(0, 4));
  return (
    <Modal
      open
      title={target ? t('Sửa mục tiêu', 'Edit the target') : t('Thêm mục tiêu', 'Add a target')}
      okText={t('Lưu', 'Save')}
      cancelText={t('Hủy', 'Cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<TargetForm>
        form={form}
        layout="vertical"
        initialValues={{
          component: target?.component ?? '',
          fromYear: target?.fromYear ?? thisYear,
          toYear: target?.toYear ?? thisYear,
          score: target?.score ?? null,
          rank: target?.rank ?? null,
          group: target?.group ?? null,
          sourceNote: target?.sourceNote ?? '',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="component" label={t('Áp dụng cho', 'For')}>
          <Select options={componentOptions(info, lang)} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="fromYear"
            label={t('Từ năm', 'From')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber<number> style={{ width: '100%' }} precision={0} />
          </Form.Item>
          <Form.Item
            name="toYear"
            label={t('Đến năm', 'To')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber<number> style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="score" label={t('Điểm tối thiểu', 'Minimum score')} style={{ flex: '1 1 120px' }}>
            <InputNumber<number> style={{ width: '100%' }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
          </Form.Item>
          <Form.Item name="rank" label={t('Nằm trong top', 'Within the top')} style={{ flex: '1 1 120px' }}>
            <InputNumber<number> style={{ width: '100%' }} precision={0} />
          </Form.Item>
          <Form.Item name="group" label={t('Nhóm xếp loại', 'Group')} style={{ flex: '1 1 160px' }}>
            {info.groups.length > 0 ? (
              <Select allowClear options={info.groups.map((g) => ({ value: g, label: g }))} />
            ) : (
              <Input />
            )}
          </Form.Item>
        </div>
        <Form.Item name="sourceNote" label={t('Căn cứ', 'Source')}>
          <Input placeholder={t('ví dụ: QĐ 1364/QĐ-UBND', 'e.g. QĐ 1364/QĐ-UBND')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/* ------------------------------------------------------------------- owners */

interface AgencyOption {
  id: number;
  code: string;
  name: string;
}

/** Cơ quan chủ trì: the owner agency of the index and of each component, and whether it may enter figures. */
export function OwnersCard({ info }: { info: IndexInfo }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = useComponentLabel(info);
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: ['indices', 'owners', info.code],
    queryFn: () => api.get<Owner[]>('/indices/owners', { index: info.code }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/indices/owners/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã bỏ cơ quan chủ trì.', 'Owner removed.'));
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Card
      title={t('Cơ quan chủ trì theo dõi', 'Owner agencies')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('Giao cơ quan chủ trì', 'Assign an owner')}
        </Button>
      }
    >
      <QueryState
        query={query}
        isEmpty={(rows) => rows.length === 0}
        empty={t('Chưa giao cơ quan chủ trì.', 'No owner assigned.')}
      >
        {(rows) => (
          <Table<Owner>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('Áp dụng cho', 'For'), key: 'component', render: (_, r) => label(r.component) },
              { title: t('Cơ quan', 'Agency'), key: 'agency', render: (_, r) => r.agency.name },
              {
                title: t('Được tự nhập số liệu', 'May enter figures'),
                key: 'edit',
                render: (_, r) =>
                  r.ownerCanEdit ? <Tag color="blue">{t('Có', 'Yes')}</Tag> : <Tag>{t('Không', 'No')}</Tag>,
              },
              {
                title: t('Thao tác', 'Actions'),
                key: 'actions',
                render: (_, r) => (
                  <Popconfirm
                    title={t('Bỏ cơ quan chủ trì này?', 'Remove this owner?')}
                    okText={t('Bỏ', 'Remove')}
                    cancelText={t('Hủy', 'Cancel')}
                    onConfirm={() => remove.mutate(r.id)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t(`Bỏ ${r.agency.name}`, `Remove ${r.agency.name}`)}
                    />
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {open && <OwnerDialog info={info} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function OwnerDialog({ info, onClose }: { info: IndexInfo; onClose: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ component: string; agencyId: number; ownerCanEdit: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const agencies = useQuery({
    queryKey: ['indices', 'agencies'],
    queryFn: () =>
      api.get<Page<AgencyOption>>('/directory/agencies', { pageSize: 200, validOn: todayInVietnam() }),
  });
  const save = useMutation({
    mutationFn: (v: { component: string; agencyId: number; ownerCanEdit: boolean }) =>
      api.put('/indices/owners', {
        index: info.code,
        component: v.component || null,
        agencyId: v.agencyId,
        ownerCanEdit: v.ownerCanEdit ?? false,
      }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã giao cơ quan chủ trì.', 'Owner assigned.'));
      onClose();
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Modal
      open
      title={t('Giao cơ quan chủ trì', 'Assign an owner agency')}
      okText={t('Lưu', 'Save')}
      cancelText={t('Hủy', 'Cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ component: '', ownerCanEdit: false }}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="component" label={t('Áp dụng cho', 'For')}>
          <Select options={componentOptions(info, lang)} />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label={t('Cơ quan', 'Agency')}
          rules={[{ required: true, message: t('Hãy chọn cơ quan.', 'Choose an agency.') }]}
        >
          <Select
            showSearch
            loading={agencies.isPending}
            placeholder={t('Gõ để tìm, ví dụ: so noi vu', 'Type to search, e.g. so noi vu')}
            filterOption={(input, option) => matchesSearch(String(option?.label ?? ''), input)}
            options={(agencies.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.code})`,
            }))}
            notFoundContent={agencies.isError ? agencies.error.message : undefined}
          />
        </Form.Item>
        <Form.Item
          name="ownerCanEdit"
          label={t(
            'Cho phép cơ quan tự nhập số liệu và mục tiêu',
            'Let the agency enter figures and targets',
          )}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/* -------------------------------------------------------------------- links */

/** Gắn nhiệm vụ với chỉ số: choose a plan, then one of its tasks (or the whole plan), and the component served. */
export function LinkDialog({ info, onClose }: { info: IndexInfo; onClose: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ component: string; planId: number; taskId: number | 0 }>();
  const [error, setError] = useState<string | null>(null);
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
  const save = useMutation({
    mutationFn: (v: { component: string; planId: number; taskId: number | 0 }) =>
      api.post('/indices/links', {
        index: info.code,
        component: v.component || null,
        ...(v.taskId ? { taskId: v.taskId } : { planId: v.planId }),
      }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(t('Đã gắn nhiệm vụ với chỉ số.', 'Task linked.'));
      onClose();
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Modal
      open
      title={t(`Gắn nhiệm vụ với ${info.shortName}`, `Link a task to ${info.shortName}`)}
      okText={t('Gắn', 'Link')}
      cancelText={t('Hủy', 'Cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ component: '' }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => {
          if ('planId' in changed) form.setFieldsValue({ taskId: undefined });
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="component" label={t('Phục vụ', 'Serves')}>
          <Select options={componentOptions(info, lang)} />
        </Form.Item>
        <Form.Item
          name="planId"
          label={t('Kế hoạch', 'Plan')}
          rules={[{ required: true, message: t('Hãy chọn kế hoạch.', 'Choose a plan.') }]}
        >
          <Select
            showSearch
            loading={plans.isPending}
            filterOption={(input, option) => matchesSearch(String(option?.label ?? ''), input)}
            options={(plans.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.number} — ${p.title}`,
            }))}
            notFoundContent={plans.isError ? plans.error.message : undefined}
          />
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
            filterOption={(input, option) => matchesSearch(String(option?.label ?? ''), input)}
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
      </Form>
    </Modal>
  );
}
