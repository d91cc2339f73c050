import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssignmentDetail } from '../../../../src/shared/schemas/assignment.ts';
import { NOTE_MAX, OBSTACLE_TEXT_MAX } from '../../../../src/shared/schemas/limits.ts';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { DATE_FORMAT, toDay } from './form-values.ts';
import { refreshWork } from './refresh.ts';

interface RequestModalProps {
  detail: AssignmentDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * The dialog of a request on the assignment (an extension, an obstacle), POSTed: the inbox is
 * refreshed and the dialog closes. It stays mounted, so a new request starts from an empty form.
 */
function useAssignmentRequest<TValues>(
  { detail, open, onClose }: RequestModalProps,
  path: 'extensions' | 'obstacles',
  body: (values: TValues) => unknown,
  success: string,
) {
  const dialog = useFormDialog({
    mutationFn: (values: TValues) => api.post(`/assignments/${detail.assignment.id}/${path}`, body(values)),
    success,
    invalidate: refreshWork,
    onClose,
    preserve: false,
  });
  return { ...dialog, open };
}

interface ExtensionValues {
  requestedDueOn: Dayjs;
  reason: string;
}

/** Đề nghị gia hạn: a later date and the reason, before the deadline passes. */
export function ExtensionModal(props: RequestModalProps) {
  const t = useT();
  const due = props.detail.assignment.currentDueOn;
  const dialog = useAssignmentRequest<ExtensionValues>(
    props,
    'extensions',
    (values) => ({ requestedDueOn: toDay(values.requestedDueOn), reason: values.reason.trim() }),
    t('Đã gửi đề nghị gia hạn.', 'Extension requested.'),
  );
  return (
    <FormModal
      {...dialog}
      title={t('Đề nghị gia hạn', 'Ask for an extension')}
      okText={t('Gửi đề nghị', 'Send request')}
      intro={
        <Typography.Paragraph>
          {t('Thời hạn hiện tại:', 'Current deadline:')} <strong>{formatDate(due)}</strong>
        </Typography.Paragraph>
      }
    >
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
        rules={[requiredText(t('Nêu lý do đề nghị gia hạn.', 'Give the reason.'))]}
      >
        <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface ObstacleValues {
  description: string;
  proposal?: string;
}

/** Báo cáo khó khăn, vướng mắc: what blocks the work and what the agency proposes. */
export function ObstacleModal(props: RequestModalProps) {
  const t = useT();
  const dialog = useAssignmentRequest<ObstacleValues>(
    props,
    'obstacles',
    (values) => ({ description: values.description.trim(), proposal: values.proposal?.trim() || undefined }),
    t('Đã gửi báo cáo khó khăn, vướng mắc.', 'Obstacle reported.'),
  );
  return (
    <FormModal
      {...dialog}
      title={t('Báo cáo khó khăn, vướng mắc', 'Report an obstacle')}
      okText={t('Gửi', 'Send')}
    >
      <Form.Item
        name="description"
        label={t('Khó khăn, vướng mắc', 'Obstacle')}
        rules={[requiredText(t('Mô tả khó khăn, vướng mắc.', 'Describe the obstacle.'))]}
      >
        <Input.TextArea rows={4} maxLength={OBSTACLE_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item name="proposal" label={t('Đề xuất, kiến nghị', 'Proposal')}>
        <Input.TextArea rows={3} maxLength={OBSTACLE_TEXT_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
