import { EditOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { Target } from '../../../../src/shared/schemas/indices.ts';
import { DeleteButton } from '../../components/ConfirmButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { api } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { ComponentField, ConfigCard, useConfigDialog, useConfigRows } from './ConfigCard.tsx';
import { type IndexInfo, useComponentLabel } from './index-info.ts';
import { targetText } from './labels.tsx';

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
  const label = useComponentLabel(info);
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const { query, remove } = useConfigRows<Target>(info, 'targets', t('Đã xóa mục tiêu.', 'Target deleted.'));
  return (
    <ConfigCard<Target>
      title={t('Mục tiêu', 'Targets')}
      addLabel={t('Thêm mục tiêu', 'Add a target')}
      onAdd={() => setEditing('new')}
      query={query}
      empty={t('Chưa đặt mục tiêu nào.', 'No target set.')}
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
                aria-label={t(`Sửa mục tiêu ${label(r.component)}`, `Edit target ${label(r.component)}`)}
                onClick={() => setEditing(r)}
              />
              <DeleteButton
                question={t('Xóa mục tiêu này?', 'Delete this target?')}
                okText={t('Xóa', 'Delete')}
                onConfirm={() => remove.mutate(r.id)}
                aria-label={t(`Xóa mục tiêu ${label(r.component)}`, `Delete target ${label(r.component)}`)}
              />
            </Space>
          ),
        },
      ]}
    >
      {editing && (
        <TargetDialog
          info={info}
          target={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </ConfigCard>
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
  const dialog = useConfigDialog(
    (v: TargetForm) => {
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
    t('Đã lưu mục tiêu.', 'Target saved.'),
    onClose,
  );
  const thisYear = Number(todayInVietnam().slice(0, 4));
  return (
    <FormModal<TargetForm>
      {...dialog}
      title={target ? t('Sửa mục tiêu', 'Edit the target') : t('Thêm mục tiêu', 'Add a target')}
      okText={t('Lưu', 'Save')}
      initialValues={{
        component: target?.component ?? '',
        fromYear: target?.fromYear ?? thisYear,
        toYear: target?.toYear ?? thisYear,
        score: target?.score ?? null,
        rank: target?.rank ?? null,
        group: target?.group ?? null,
        sourceNote: target?.sourceNote ?? '',
      }}
    >
      <ComponentField info={info} label={t('Áp dụng cho', 'For')} />
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <WholeNumberField name="fromYear" label={t('Từ năm', 'From')} required />
        <WholeNumberField name="toYear" label={t('Đến năm', 'To')} required />
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="score" label={t('Điểm tối thiểu', 'Minimum score')} style={{ flex: '1 1 120px' }}>
          <InputNumber<number> style={{ width: '100%' }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
        </Form.Item>
        <WholeNumberField name="rank" label={t('Nằm trong top', 'Within the top')} />
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
    </FormModal>
  );
}

/** A whole number of the target (a year, a rank), sharing its row with the others. */
function WholeNumberField({
  name,
  label,
  required = false,
}: {
  name: string;
  label: string;
  required?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={[{ required }]} style={{ flex: '1 1 120px' }}>
      <InputNumber<number> style={{ width: '100%' }} precision={0} />
    </Form.Item>
  );
}
