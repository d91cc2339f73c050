import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import { PAGE_SIZE_MAX, SUBASSIGN_NOTE_MAX } from '../../../../src/shared/schemas/limits.ts';
import type { Unit } from '../../../../src/shared/schemas/subassign.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { api, type Page } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { DATE_FORMAT, toDay } from './form-values.ts';
import { refreshWork } from './refresh.ts';

interface SubItem {
  agencyId?: number;
  dueOn?: Dayjs;
  note?: string;
}

/** Phân công lại: split the assignment to own units, each with an internal deadline within the parent's. */
export function SubassignModal({
  detail,
  open,
  onClose,
}: {
  detail: AssignmentDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ items: SubItem[] }>();
  const [adding, setAdding] = useState(false);
  const due = detail.assignment.currentDueOn;
  const units = useQuery({
    queryKey: ['units', detail.assignment.agencyId],
    queryFn: () =>
      api.get<Page<Unit>>('/units', { parentId: detail.assignment.agencyId, pageSize: PAGE_SIZE_MAX }),
    enabled: open,
  });
  const send = useApiMutation({
    mutationFn: (values: { items: SubItem[] }) =>
      api.post(`/assignments/${detail.assignment.id}/subassignments`, {
        items: values.items.map((item) => ({
          agencyId: item.agencyId,
          dueOn: item.dueOn ? toDay(item.dueOn) : undefined,
          note: item.note?.trim() ?? '',
        })),
      }),
    success: t('Đã phân công lại cho đơn vị.', 'Sub-assigned.'),
    onSuccess: onClose,
    invalidate: refreshWork,
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <FormModal
      form={form}
      open={open}
      title={t('Phân công lại cho đơn vị trực thuộc', 'Sub-assign to own units')}
      okText={t('Phân công', 'Assign')}
      okButtonProps={{ disabled: options.length === 0 }}
      submit={send}
      onCancel={onClose}
      initialValues={{ items: [{}] }}
      width={640}
      intro={
        <>
          {due && (
            <Typography.Paragraph type="secondary">
              {t(
                `Hạn của đơn vị không được sau ${formatDate(due)}.`,
                `Unit deadlines must be on or before ${formatDate(due)}.`,
              )}
            </Typography.Paragraph>
          )}
          {units.isError && (
            <Alert type="error" showIcon title={units.error.message} style={{ marginBottom: 12 }} />
          )}
          {units.isSuccess && options.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('Cơ quan chưa có đơn vị trực thuộc.', 'Your agency has no units yet.')}
              description={t(
                'Thêm đơn vị trực thuộc trước khi phân công lại.',
                'Add a unit before sub-assigning.',
              )}
            />
          )}
        </>
      }
      footnote={
        <div style={{ marginTop: 16 }}>
          {adding ? (
            <NewUnitForm parentId={detail.assignment.agencyId} onDone={() => setAdding(false)} />
          ) : (
            <Button
              type="link"
              icon={<ApartmentOutlined />}
              onClick={() => setAdding(true)}
              style={{ padding: 0 }}
            >
              {t('Thêm đơn vị trực thuộc mới', 'Add a new unit')}
            </Button>
          )}
        </div>
      }
    >
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} wrap align="flex-start">
                <Form.Item
                  name={[field.name, 'agencyId']}
                  label={index === 0 ? t('Đơn vị', 'Unit') : undefined}
                  style={{ flex: '1 1 200px' }}
                  rules={[{ required: true, message: t('Chọn đơn vị.', 'Choose a unit.') }]}
                >
                  <Select
                    options={options}
                    loading={units.isPending}
                    aria-label={t('Đơn vị', 'Unit')}
                    showSearch
                    optionFilterProp="label"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  label={index === 0 ? t('Hạn nội bộ', 'Internal deadline') : undefined}
                  style={{ flex: '0 1 150px' }}
                  rules={[{ required: true, message: t('Chọn hạn.', 'Choose a date.') }]}
                >
                  <DatePicker
                    format={DATE_FORMAT}
                    aria-label={t('Hạn nội bộ', 'Internal deadline')}
                    disabledDate={(d) => (due ? toDay(d) > due : false)}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'note']}
                  label={index === 0 ? t('Ghi chú', 'Note') : undefined}
                  style={{ flex: '1 1 160px' }}
                >
                  <Input maxLength={SUBASSIGN_NOTE_MAX} aria-label={t('Ghi chú', 'Note')} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('Bỏ dòng này', 'Remove this row')}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                  />
                )}
              </Flex>
            ))}
            {options.length > 1 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('Thêm đơn vị', 'Add a unit')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** POST /api/units: a sub-unit of the agency (name and code). */
function NewUnitForm({ parentId, onDone }: { parentId: number; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const create = useApiMutation({
    mutationFn: (values: { name: string; code: string }) =>
      api.post('/units', { name: values.name.trim(), code: values.code.trim(), parentId }),
    success: t('Đã thêm đơn vị.', 'Unit added.'),
    invalidate: [['units']],
    onSuccess: onDone,
  });
  return (
    <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
      <Flex gap={8} wrap align="flex-end">
        <Form.Item
          name="name"
          label={t('Tên đơn vị', 'Unit name')}
          style={{ flex: '1 1 220px', marginBottom: 8 }}
          rules={[
            { required: true, min: 3, message: t('Tên đơn vị ít nhất 3 ký tự.', 'At least 3 characters.') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('Mã', 'Code')}
          style={{ flex: '0 1 140px', marginBottom: 8 }}
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/,
              message: t('2–40 ký tự chữ, số, dấu chấm, gạch ngang.', '2–40 letters, digits, dots, dashes.'),
            },
          ]}
        >
          <Input maxLength={40} placeholder="STP.PHC" />
        </Form.Item>
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <Button htmlType="submit" type="primary" ghost loading={create.isPending}>
            {t('Thêm', 'Add')}
          </Button>
          <Button onClick={onDone}>{t('Đóng', 'Close')}</Button>
        </Flex>
      </Flex>
    </Form>
  );
}
