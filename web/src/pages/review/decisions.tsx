import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { RETURN_REASON_MAX, RETURN_REASON_MIN } from '../../../../src/shared/schemas/limits.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { refreshWork } from '../inbox/refresh.ts';

/**
 * The Office's decisions, the same buttons in the review queues and on the assignment page: accept or
 * return a result, approve or reject an extension, answer an obstacle. Each asks first, then shows
 * the server's message (e.g. "đã được xem xét trước đó" when somebody else was quicker).
 */
export function useDecision<TBody>(path: string, success: string) {
  return useApiMutation({
    mutationFn: (body: TBody) => api.post(path, body),
    success,
    invalidate: refreshWork,
    onError: async (error, queryClient) => {
      const conflict =
        error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'VERSION_CONFLICT');
      if (conflict) await refreshWork(queryClient);
    },
  });
}

export function AcceptResultButton({ resultId, label }: { resultId: number; label?: string }) {
  const t = useT();
  const decide = useDecision<Record<string, never>>(
    `/results/${resultId}/accept`,
    t('Đã tiếp nhận kết quả.', 'Result accepted.'),
  );
  return (
    <ConfirmDecision
      label={label ?? t('Tiếp nhận', 'Accept')}
      title={t('Tiếp nhận kết quả này?', 'Accept this result?')}
      content={t(
        'Nhiệm vụ được tính là hoàn thành theo ngày gửi báo cáo.',
        'The task counts as done on the date the result was submitted.',
      )}
      okText={t('Tiếp nhận', 'Accept')}
      pending={decide.isPending}
      onConfirm={() => decide.mutateAsync({})}
    />
  );
}

/** A primary button asking "are you sure?" first; the dialog waits for the server, a failure is shown by the mutation. */
export function ConfirmDecision(props: {
  label: string;
  title: string;
  content: string;
  okText: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const t = useT();
  const { modal } = App.useApp();
  return (
    <Button
      type="primary"
      icon={<CheckOutlined />}
      loading={props.pending}
      onClick={() =>
        modal.confirm({
          title: props.title,
          content: props.content,
          okText: props.okText,
          cancelText: t('Hủy', 'Cancel'),
          onOk: () => props.onConfirm().catch(() => undefined),
        })
      }
    >
      {props.label}
    </Button>
  );
}

export function ReturnResultButton({ resultId }: { resultId: number }) {
  const t = useT();
  const decide = useDecision<{ reason: string }>(
    `/results/${resultId}/return`,
    t('Đã trả lại kết quả.', 'Result returned.'),
  );
  return (
    <TextDecision
      icon={<RollbackOutlined />}
      buttonLabel={t('Trả lại', 'Return')}
      title={t('Trả lại, yêu cầu bổ sung', 'Return for completion')}
      fieldLabel={t('Lý do trả lại', 'Reason')}
      help={t('Ít nhất 5 ký tự; cơ quan sẽ thấy lý do này.', 'At least 5 characters; the agency sees it.')}
      minLength={RETURN_REASON_MIN}
      maxLength={RETURN_REASON_MAX}
      okLabel={t('Trả lại', 'Return')}
      danger
      pending={decide.isPending}
      onSubmit={(text) => decide.mutateAsync({ reason: text })}
    />
  );
}

/** A button opening a dialog with one required text (a reason, an answer); closes when the server agrees. */
export function TextDecision(props: {
  icon: ReactNode;
  buttonLabel: string;
  title: string;
  fieldLabel: string;
  help?: string;
  minLength?: number;
  /** the server's limit for this text (src/shared/schemas/limits.ts) */
  maxLength: number;
  okLabel: string;
  danger?: boolean;
  primary?: boolean;
  pending: boolean;
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const t = useT();
  const min = props.minLength ?? 1;
  return (
    <DecisionDialog<{ text: string }>
      icon={props.icon}
      label={props.buttonLabel}
      title={props.title}
      okLabel={props.okLabel}
      danger={props.danger}
      primary={props.primary}
      pending={props.pending}
      onSubmit={({ text }) => props.onSubmit(text.trim())}
    >
      <Form.Item
        name="text"
        label={props.fieldLabel}
        extra={props.help}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              (value ?? '').trim().length >= min
                ? Promise.resolve()
                : Promise.reject(new Error(t(`Cần ít nhất ${min} ký tự.`, `At least ${min} characters.`))),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={props.maxLength} showCount autoFocus />
      </Form.Item>
    </DecisionDialog>
  );
}

/** A button opening a form in a dialog; closes when the server agrees, else stays open with the message shown. */
export function DecisionDialog<V extends object>(props: {
  icon: ReactNode;
  label: string;
  title: string;
  okLabel: string;
  primary?: boolean;
  danger?: boolean;
  pending: boolean;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  children: ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  return (
    <>
      <Button
        icon={props.icon}
        type={props.primary ? 'primary' : 'default'}
        danger={props.danger}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title}
        okText={props.okLabel}
        cancelText={t('Hủy', 'Cancel')}
        okButtonProps={{ danger: props.danger, loading: props.pending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={props.initialValues}
          onFinish={async (values) => {
            try {
              await props.onSubmit(values);
              setOpen(false);
            } catch {
              // the message is shown by the mutation; the dialog stays open to correct the form
            }
          }}
        >
          {props.children}
        </Form>
      </Modal>
    </>
  );
}
