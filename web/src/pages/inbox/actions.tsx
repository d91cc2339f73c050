import {
  ApartmentOutlined,
  ClockCircleOutlined,
  DeleteOutlined,
  ExclamationCircleOutlined,
  PlusOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import {
  DOCUMENT_NUMBER_MAX,
  NOTE_MAX,
  OBSTACLE_TEXT_MAX,
  PAGE_SIZE_MAX,
  SUBASSIGN_NOTE_MAX,
} from '../../../../src/shared/schemas/limits.ts';
import type { Unit } from '../../../../src/shared/schemas/subassign.ts';
import { api, type Page } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { refreshWork } from './refresh.ts';

const DATE_FORMAT = 'DD/MM/YYYY';
const toDay = (value: Dayjs) => value.format('YYYY-MM-DD');
/** accepted by the server (checked by content there): PDF, Word, Excel, images, text */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.txt';
const MAX_FILES = 5;

type Detail = AssignmentDetail;

/** Báo cáo kết quả: document number, note, up to five files (multipart); the Office may record a receipt date and accept at once. */
export function SubmitResultModal({
  detail,
  open,
  onClose,
  onBehalf,
}: {
  detail: Detail;
  open: boolean;
  onClose: () => void;
  /** the Office records a result it received (receipt date, accept at once) */
  onBehalf: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    documentNumber: string;
    note?: string;
    submittedOn?: Dayjs;
    accept?: boolean;
  }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const submit = useMutation({
    mutationFn: (values: {
      documentNumber: string;
      note?: string;
      submittedOn?: Dayjs;
      accept?: boolean;
    }) => {
      const body = new FormData();
      body.set('documentNumber', values.documentNumber.trim());
      body.set('note', (values.note ?? '').trim());
      if (onBehalf && values.submittedOn) body.set('submittedOn', toDay(values.submittedOn));
      if (onBehalf && values.accept) body.set('accept', 'true');
      for (const file of files) {
        if (file.originFileObj) body.append('files', file.originFileObj, file.name);
      }
      return api.upload(`/assignments/${detail.assignment.id}/results`, body);
    },
    onSuccess: async () => {
      message.success(t('Đã gửi báo cáo kết quả.', 'Result submitted.'));
      setFiles([]);
      onClose();
      await refreshWork(queryClient);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={
        onBehalf
          ? t('Ghi nhận kết quả của cơ quan', "Record the agency's result")
          : t('Báo cáo kết quả', 'Submit a result')
      }
      okText={t('Gửi báo cáo', 'Submit')}
      cancelText={t('Hủy', 'Cancel')}
      okButtonProps={{ loading: submit.isPending, icon: <SendOutlined /> }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {detail.task.ref}. {detail.task.content}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => submit.mutate(values)}>
        <Form.Item
          name="documentNumber"
          label={t('Số văn bản báo cáo', 'Report document number')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('Nhập số văn bản báo cáo.', 'Enter the document number.'),
            },
          ]}
        >
          <Input
            maxLength={DOCUMENT_NUMBER_MAX}
            placeholder={t('Ví dụ: 15/BC-STP', 'e.g. 15/BC-STP')}
            autoFocus
          />
        </Form.Item>
        <Form.Item name="note" label={t('Nội dung tóm tắt, ghi chú', 'Summary, note')}>
          <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
        </Form.Item>
        {onBehalf && (
          <Flex gap={16} wrap>
            <Form.Item
              name="submittedOn"
              label={t('Ngày nhận báo cáo', 'Received on')}
              extra={t('Để trống: hôm nay.', 'Empty: today.')}
            >
              <DatePicker format={DATE_FORMAT} allowClear />
            </Form.Item>
            <Form.Item name="accept" valuePropName="checked" label=" ">
              <Checkbox>{t('Tiếp nhận ngay', 'Accept at once')}</Checkbox>
            </Form.Item>
          </Flex>
        )}
        <Form.Item
          label={t('Tệp đính kèm', 'Attachments')}
          extra={t(
            `Tối đa ${MAX_FILES} tệp: PDF, Word, Excel, ảnh hoặc văn bản.`,
            `Up to ${MAX_FILES} files: PDF, Word, Excel, images or text.`,
          )}
        >
          <Upload
            multiple
            accept={ACCEPT}
            fileList={files}
            beforeUpload={() => false}
            maxCount={MAX_FILES}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
          >
            <Button icon={<UploadOutlined />}>{t('Chọn tệp', 'Choose files')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Đề nghị gia hạn: a later date and the reason, before the deadline passes. */
export function ExtensionModal({
  detail,
  open,
  onClose,
}: {
  detail: Detail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ requestedDueOn: Dayjs; reason: string }>();
  const due = detail.assignment.currentDueOn;
  const send = useMutation({
    mutationFn: (values: { requestedDueOn: Dayjs; reason: string }) =>
      api.post(`/assignments/${detail.assignment.id}/extensions`, {
        requestedDueOn: toDay(values.requestedDueOn),
        reason: values.reason.trim(),
      }),
    onSuccess: async () => {
      message.success(t('Đã gửi đề nghị gia hạn.', 'Extension requested.'));
      onClose();
      await refreshWork(queryClient);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={t('Đề nghị gia hạn', 'Ask for an extension')}
      okText={t('Gửi đề nghị', 'Send request')}
      cancelText={t('Hủy', 'Cancel')}
      okButtonProps={{ loading: send.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('Thời hạn hiện tại:', 'Current deadline:')} <strong>{formatDate(due)}</strong>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => send.mutate(values)}>
        <Form.Item
          name="requestedDueOn"
          label={t('Đề nghị gia hạn đến ngày', 'New deadline')}
          rules={[
            { required: true, message: t('Chọn ngày đề nghị.', 'Choose a date.') },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || !due || toDay(value) > due
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t('Ngày đề nghị phải sau thời hạn hiện tại.', 'Must be after the current deadline.'),
                      ),
                    ),
            },
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => (due ? toDay(d) <= due : false)}
            defaultPickerValue={due ? dayjs(due).add(1, 'month') : undefined}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('Lý do', 'Reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('Nêu lý do đề nghị gia hạn.', 'Give the reason.'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Báo cáo khó khăn, vướng mắc: what blocks the work and what the agency proposes. */
export function ObstacleModal({
  detail,
  open,
  onClose,
}: {
  detail: Detail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ description: string; proposal?: string }>();
  const send = useMutation({
    mutationFn: (values: { description: string; proposal?: string }) =>
      api.post(`/assignments/${detail.assignment.id}/obstacles`, {
        description: values.description.trim(),
        proposal: values.proposal?.trim() || undefined,
      }),
    onSuccess: async () => {
      message.success(t('Đã gửi báo cáo khó khăn, vướng mắc.', 'Obstacle reported.'));
      onClose();
      await refreshWork(queryClient);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={t('Báo cáo khó khăn, vướng mắc', 'Report an obstacle')}
      okText={t('Gửi', 'Send')}
      cancelText={t('Hủy', 'Cancel')}
      okButtonProps={{ loading: send.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => send.mutate(values)}>
        <Form.Item
          name="description"
          label={t('Khó khăn, vướng mắc', 'Obstacle')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('Mô tả khó khăn, vướng mắc.', 'Describe the obstacle.'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={OBSTACLE_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="proposal" label={t('Đề xuất, kiến nghị', 'Proposal')}>
          <Input.TextArea rows={3} maxLength={OBSTACLE_TEXT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

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
  detail: Detail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ items: SubItem[] }>();
  const [adding, setAdding] = useState(false);
  const due = detail.assignment.currentDueOn;
  const units = useQuery({
    queryKey: ['units', detail.assignment.agencyId],
    queryFn: () =>
      api.get<Page<Unit>>('/units', { parentId: detail.assignment.agencyId, pageSize: PAGE_SIZE_MAX }),
    enabled: open,
  });
  const send = useMutation({
    mutationFn: (values: { items: SubItem[] }) =>
      api.post(`/assignments/${detail.assignment.id}/subassignments`, {
        items: values.items.map((item) => ({
          agencyId: item.agencyId,
          dueOn: item.dueOn ? toDay(item.dueOn) : undefined,
          note: item.note?.trim() ?? '',
        })),
      }),
    onSuccess: async () => {
      message.success(t('Đã phân công lại cho đơn vị.', 'Sub-assigned.'));
      onClose();
      await refreshWork(queryClient);
    },
    onError: (error) => message.error(error.message),
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open={open}
      title={t('Phân công lại cho đơn vị trực thuộc', 'Sub-assign to own units')}
      okText={t('Phân công', 'Assign')}
      cancelText={t('Hủy', 'Cancel')}
      okButtonProps={{ loading: send.isPending, disabled: options.length === 0 }}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={640}
      destroyOnHidden
    >
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
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ items: [{}] }}
        onFinish={(values) => send.mutate(values)}
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
      </Form>
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
    </Modal>
  );
}

/** POST /api/units: a sub-unit of the agency (name and code). */
function NewUnitForm({ parentId, onDone }: { parentId: number; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const create = useMutation({
    mutationFn: (values: { name: string; code: string }) =>
      api.post('/units', { name: values.name.trim(), code: values.code.trim(), parentId }),
    onSuccess: async () => {
      message.success(t('Đã thêm đơn vị.', 'Unit added.'));
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      onDone();
    },
    onError: (error) => message.error(error.message),
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

export const ACTION_ICONS = {
  result: <SendOutlined />,
  extension: <ClockCircleOutlined />,
  obstacle: <ExclamationCircleOutlined />,
  subassign: <ApartmentOutlined />,
};
