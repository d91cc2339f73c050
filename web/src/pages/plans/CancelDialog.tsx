import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CANCEL_REASON_MAX } from '../../../../src/shared/schemas/limits.ts';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { DATE_INPUT_FORMATS, formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';

export interface CancelTarget {
  kind: 'plan' | 'task';
  id: number;
  version: number;
  /** '87/KH-UBND' or 'I.3' */
  label: string;
  /** the plan's issue date: the withdrawal cannot be earlier */
  notBefore: string;
}

interface Values {
  date: Dayjs | null;
  reason: string;
}

/**
 * Hủy nhiệm vụ / Thu hồi kế hoạch: asks for the date and the reason, says what it does (every
 * assignment becomes cancelled from that day; what was recorded before stays), then posts it.
 * Mounted only while shown.
 */
export function CancelDialog({ target, onClose }: { target: CancelTarget; onClose: () => void }) {
  const t = useT();
  const isPlan = target.kind === 'plan';
  const dialog = useFormDialog({
    mutationFn: (values: Values) =>
      api.post(`/${isPlan ? 'plans' : 'tasks'}/${target.id}/cancel`, {
        // no date: the server's today
        ...(values.date ? { cancelledOn: values.date.format('YYYY-MM-DD') } : {}),
        reason: values.reason.trim(),
        version: target.version,
      }),
    success: isPlan
      ? t(`Đã thu hồi kế hoạch ${target.label}.`, `Plan ${target.label} withdrawn.`)
      : t(`Đã hủy nhiệm vụ ${target.label}.`, `Task ${target.label} cancelled.`),
    invalidate: [['plans']],
    inline: true,
    onClose,
  });

  return (
    <FormModal
      {...dialog}
      title={
        isPlan
          ? t(`Thu hồi kế hoạch ${target.label}`, `Withdraw plan ${target.label}`)
          : t(`Hủy nhiệm vụ ${target.label}`, `Cancel task ${target.label}`)
      }
      okText={isPlan ? t('Thu hồi', 'Withdraw') : t('Hủy nhiệm vụ', 'Cancel the task')}
      okButtonProps={{ danger: true }}
      cancelText={t('Đóng', 'Close')}
      initialValues={{ date: null, reason: '' }}
      intro={
        <Typography.Paragraph>
          {isPlan
            ? t(
                'Mọi việc đã giao theo kế hoạch này chuyển sang "Đã hủy" từ ngày thu hồi; những gì đã ghi nhận trước ngày đó được giữ nguyên.',
                'Every assignment of this plan becomes cancelled from that day; what was recorded before stays.',
              )
            : t(
                'Các việc đã giao của nhiệm vụ này chuyển sang "Đã hủy" từ ngày hủy; những gì đã ghi nhận trước ngày đó được giữ nguyên.',
                'The assignments of this task become cancelled from that day; what was recorded before stays.',
              )}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="date"
        label={isPlan ? t('Thu hồi từ ngày', 'Withdrawn from') : t('Hủy từ ngày', 'Cancelled from')}
        extra={t(
          `Để trống là từ hôm nay; không trước ngày ban hành ${formatDate(target.notBefore)}.`,
          `Empty means today; not before the issue date ${formatDate(target.notBefore)}.`,
        )}
      >
        <DatePicker
          format={DATE_INPUT_FORMATS}
          placeholder={t('Hôm nay', 'Today')}
          disabledDate={(d) => d.format('YYYY-MM-DD') < target.notBefore}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('Lý do', 'Reason')}
        rules={[
          requiredText(t('Hãy ghi lý do.', 'Give the reason.')),
          {
            max: CANCEL_REASON_MAX,
            message: t(`Tối đa ${CANCEL_REASON_MAX} ký tự.`, `At most ${CANCEL_REASON_MAX} characters.`),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('Ví dụ: theo Công văn số …/UBND-KSTT ngày …', 'e.g. per official letter no. …')}
        />
      </Form.Item>
    </FormModal>
  );
}
