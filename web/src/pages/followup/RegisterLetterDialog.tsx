import { DatePicker, Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Letter } from '../../../../src/shared/schemas/followup.ts';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';

interface Values {
  number: number | null;
  issuedOn: Dayjs | null;
}

/**
 * Vào sổ công văn (docs/domain-rules.md §6.1): the number from the outgoing register — or none, for the
 * văn thư to write by hand — and the date it is issued; the letter is then sent to its addressees.
 * Mounted only while shown.
 */
export function RegisterLetterDialog({ letter, onClose }: { letter: Letter; onClose: () => void }) {
  const t = useT();
  const dialog = useFormDialog({
    mutationFn: (values: Values) =>
      api.post<{ numberLine: string }>(`/letters/${letter.id}/register`, {
        number: values.number ?? null,
        issuedOn: values.issuedOn?.format('YYYY-MM-DD'),
      }),
    success: (done) => t(`Đã vào sổ: ${done.numberLine}.`, `Registered: ${done.numberLine}.`),
    invalidate: [['letters']],
    inline: true,
    onClose,
  });
  return (
    <FormModal
      {...dialog}
      title={t('Vào sổ công văn đi', 'Register the letter')}
      okText={t('Vào sổ và gửi', 'Register and send')}
      cancelText={t('Đóng', 'Close')}
      initialValues={{ number: null, issuedOn: null }}
      intro={
        <Typography.Paragraph>
          {t(
            'Công văn được ghi số và ngày rồi gửi tới các cơ quan nhận (thông báo và thư điện tử kèm tệp).',
            'The letter gets its number and date, then goes to its addressees (notice and e-mail with the file).',
          )}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="number"
        label={t('Số trong sổ văn bản đi', 'Number in the outgoing register')}
        extra={t(
          'Để trống để văn thư ghi số bằng tay (“Số:      /…”).',
          'Empty: the clerk writes it by hand.',
        )}
      >
        <InputNumber min={1} max={999999} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="issuedOn"
        label={t('Ngày ban hành', 'Issued on')}
        extra={t(
          `Không trước ngày lập dự thảo ${formatDate(letter.sweepDay)}.`,
          `Not before the draft's day ${formatDate(letter.sweepDay)}.`,
        )}
        rules={[{ required: true, message: t('Chọn ngày ban hành.', 'Pick the date.') }]}
      >
        <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') < letter.sweepDay} />
      </Form.Item>
    </FormModal>
  );
}
