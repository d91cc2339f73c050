import { Alert, Form, type FormInstance, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import { type ApiMutationOptions, useApiMutation } from '../lib/mutation.ts';

/** How the form is sent: by one mutation (`submit`), or by the caller (`onFinish`, with its `pending`). */
type Sending<TValues> =
  | { submit: { isPending: boolean; mutate: (values: TValues) => void }; pending?: never; onFinish?: never }
  | { submit?: never; pending: boolean; onFinish: (values: TValues) => void };

/**
 * A dialog holding one form: OK submits the form (its rules run first) to `submit` (or `onFinish`),
 * Cancel closes, the form is rebuilt each time the dialog opens; a dialog mounted only while shown
 * leaves `open` out. `intro` stands above the form, `footnote` below it.
 */
export function FormModal<TValues>({
  form,
  open = true,
  title,
  okText,
  cancelText,
  onCancel,
  onValuesChange,
  error,
  intro,
  footnote,
  children,
  okButtonProps,
  initialValues,
  width,
  preserve = false,
  ...sending
}: {
  form: FormInstance<TValues>;
  open?: boolean;
  title: ReactNode;
  okText: string;
  /** the close button's text when 'Hủy' (Cancel) would read as the action itself */
  cancelText?: string;
  onCancel: () => void;
  onValuesChange?: (changed: Partial<TValues>, values: TValues) => void;
  /** the server's refusal, shown above the fields (the dialog stays open to correct them) */
  error?: string | null;
  intro?: ReactNode;
  footnote?: ReactNode;
  children: ReactNode;
  okButtonProps?: ModalProps['okButtonProps'];
  initialValues?: Partial<TValues>;
  width?: number;
  /** keep the values of fields that leave the form (antd's default); off unless asked */
  preserve?: boolean;
} & Sending<TValues>) {
  const pending = sending.submit ? sending.submit.isPending : sending.pending;
  const onFinish = sending.submit ? (values: TValues) => sending.submit.mutate(values) : sending.onFinish;
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={cancelText ?? t('Hủy', 'Cancel')}
      okButtonProps={{ loading: pending, ...okButtonProps }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      width={width}
      destroyOnHidden
    >
      {intro}
      <Form
        form={form}
        layout="vertical"
        preserve={preserve}
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {children}
      </Form>
      {footnote}
    </Modal>
  );
}

/**
 * The form of a dialog and the mutation that sends it: the dialog closes once the server agrees
 * (and on Cancel). Spread the answer into <FormModal>; its `form` also serves to watch fields. With
 * `inline`, the server's refusal is shown in the dialog instead of a toast; `preserve` (on unless
 * said) keeps the values of fields that leave the form.
 */
export function useFormDialog<TValues, TData = unknown>({
  onClose,
  preserve = true,
  ...options
}: Omit<ApiMutationOptions<TValues, TData>, 'onSuccess'> & { onClose: () => void; preserve?: boolean }) {
  const [form] = Form.useForm<TValues>();
  const submit = useApiMutation<TValues, TData>({ ...options, onSuccess: onClose });
  return {
    form,
    submit,
    onCancel: onClose,
    preserve,
    error: options.inline ? submit.error?.message : undefined,
  };
}
