import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Letter } from '../../../../src/shared/schemas/followup.ts';
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
 */
export function RegisterLetterDialog({ letter, onClose }: { letter: Letter | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      api.post<{ numberLine: string }>(`/letters/${letter?.id}/register`, {
        number: values.number ?? null,
        issuedOn: values.issuedOn?.format('YYYY-MM-DD'),
      }),
    onSuccess: async (done) => {
      message.success(t(`Đã vào sổ: ${done.numberLine}.`, `Registered: ${done.numberLine}.`));
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
      close();
    },
  });
  const close = () => {
    mutation.reset();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={letter !== null}
      title={t('Vào sổ công văn đi', 'Register the letter')}
      okText={t('Vào sổ và gửi', 'Register and send')}
      okButtonProps={{ loading: mutation.isPending }}
      cancelText={t('Đóng', 'Close')}
      onCancel={close}
      onOk={() =>
        void form
          .validateFields()
          .then((values) => mutation.mutate(values))
          .catch(() => {
            // the form shows what is missing
          })
      }
      forceRender
    >
      <Typography.Paragraph>
        {t(
          'Công văn được ghi số và ngày rồi gửi tới các cơ quan nhận (thông báo và thư điện tử kèm tệp).',
          'The letter gets its number and date, then goes to its addressees (notice and e-mail with the file).',
        )}
      </Typography.Paragraph>
      {mutation.isError && (
        <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ number: null, issuedOn: null }}
        requiredMark={false}
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
            `Không trước ngày lập dự thảo ${formatDate(letter?.sweepDay)}.`,
            `Not before the draft's day ${formatDate(letter?.sweepDay)}.`,
          )}
          rules={[{ required: true, message: t('Chọn ngày ban hành.', 'Pick the date.') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(d) => (letter ? d.format('YYYY-MM-DD') < letter.sweepDay : false)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
