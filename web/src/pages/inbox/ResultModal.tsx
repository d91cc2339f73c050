import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import { DOCUMENT_NUMBER_MAX, NOTE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { DATE_FORMAT, toDay } from './form-values.ts';
import { refreshWork } from './refresh.ts';

/** accepted by the server (checked by content there): PDF, Word, Excel, images, text */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.txt';
const MAX_FILES = 5;

interface ResultValues {
  documentNumber: string;
  note?: string;
  submittedOn?: Dayjs;
  accept?: boolean;
  /** kỳ báo cáo of a Thường xuyên task (a month) */
  period?: Dayjs;
}

/** Báo cáo kết quả: document number, note, up to five files (multipart); the Office may record a receipt date and accept at once. */
export function SubmitResultModal({
  detail,
  open,
  onClose,
  onBehalf,
}: {
  detail: AssignmentDetail;
  open: boolean;
  onClose: () => void;
  /** the Office records a result it received (receipt date, accept at once) */
  onBehalf: boolean;
}) {
  const t = useT();
  const [form] = Form.useForm<ResultValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // a Thường xuyên task (no deadline) reports each month: báo cáo định kỳ (docs/domain-rules.md §5)
  const ongoing = detail.assignment.currentDueOn === null;
  const submit = useApiMutation({
    mutationFn: (values: ResultValues) => {
      const body = new FormData();
      body.set('documentNumber', values.documentNumber.trim());
      body.set('note', (values.note ?? '').trim());
      if (onBehalf && values.submittedOn) body.set('submittedOn', toDay(values.submittedOn));
      if (onBehalf && values.accept) body.set('accept', 'true');
      if (ongoing && values.period) body.set('period', values.period.format('YYYY-MM'));
      for (const file of files) {
        if (file.originFileObj) body.append('files', file.originFileObj, file.name);
      }
      return api.upload(`/assignments/${detail.assignment.id}/results`, body);
    },
    success: t('Đã gửi báo cáo kết quả.', 'Result submitted.'),
    onSuccess: () => {
      setFiles([]);
      onClose();
    },
    invalidate: refreshWork,
  });
  return (
    <FormModal
      form={form}
      open={open}
      title={
        onBehalf
          ? t('Ghi nhận kết quả của cơ quan', "Record the agency's result")
          : t('Báo cáo kết quả', 'Submit a result')
      }
      okText={t('Gửi báo cáo', 'Submit')}
      okButtonProps={{ icon: <SendOutlined /> }}
      submit={submit}
      onCancel={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          {detail.task.ref}. {detail.task.content}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="documentNumber"
        label={t('Số văn bản báo cáo', 'Report document number')}
        rules={[requiredText(t('Nhập số văn bản báo cáo.', 'Enter the document number.'))]}
      >
        <Input
          maxLength={DOCUMENT_NUMBER_MAX}
          placeholder={t('Ví dụ: 15/BC-STP', 'e.g. 15/BC-STP')}
          autoFocus
        />
      </Form.Item>
      {ongoing && (
        <Form.Item
          name="period"
          label={t('Kỳ báo cáo định kỳ', 'Reporting period')}
          initialValue={dayjs()}
          extra={t(
            'Nhiệm vụ thực hiện thường xuyên: báo cáo kết quả của từng tháng. Để trống: báo cáo hoàn thành nhiệm vụ.',
            'An ongoing task reports each month. Empty: the result that completes the task.',
          )}
        >
          <DatePicker picker="month" format="MM/YYYY" allowClear />
        </Form.Item>
      )}
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
    </FormModal>
  );
}
