import { CheckOutlined, CloseOutlined, MessageOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { NOTE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { refreshWork } from '../inbox/refresh.ts';

/**
 * The Office's decisions, the same buttons in the review queues and on the assignment page: accept or
 * return a result, approve or reject an extension, answer an obstacle. Each asks first, then shows
 * the server's message (e.g. "đã được xem xét trước đó" when somebody else was quicker).
 */
function useDecision<TBody>(path: string, success: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: TBody) => api.post(path, body),
    onSuccess: async () => {
      message.success(success);
      await refreshWork(queryClient);
    },
    onError: async (error) => {
      const conflict =
        error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'VERSION_CONFLICT');
      message.error(error.message);
      if (conflict) await refreshWork(queryClient);
    },
  });
}

export function AcceptResultButton({ resultId, label }: { resultId: number; label?: string }) {
  const t = useT();
  const { modal } = App.useApp();
  const decide = useDecision<Record<string, never>>(
    `/results/${resultId}/accept`,
    t('Đã tiếp nhận kết quả.', 'Result accepted.'),
  );
  return (
    <Button
      type="primary"
      icon={<CheckOutlined />}
      loading={decide.isPending}
      onClick={() =>
        modal.confirm({
          title: t('Tiếp nhận kết quả này?', 'Accept this result?'),
          content: t(
            'Nhiệm vụ được tính là hoàn thành theo ngày gửi báo cáo.',
            'The task counts as done on the date the result was submitted.',
          ),
          okText: t('Tiếp nhận', 'Accept'),
          cancelText: t('Hủy', 'Cancel'),
          onOk: () => decide.mutateAsync({}).catch(() => undefined),
        })
      }
    >
      {label ?? t('Tiếp nhận', 'Accept')}
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
      minLength={5}
      okLabel={t('Trả lại', 'Return')}
      danger
      pending={decide.isPending}
      onSubmit={(text) => decide.mutateAsync({ reason: text })}
    />
  );
}

export function ApproveExtensionButton({ extensionId, version }: { extensionId: number; version: number }) {
  const t = useT();
  const { modal } = App.useApp();
  const decide = useDecision<{ version: number }>(
    `/extensions/${extensionId}/approve`,
    t('Đã duyệt gia hạn.', 'Extension approved.'),
  );
  return (
    <Button
      type="primary"
      icon={<CheckOutlined />}
      loading={decide.isPending}
      onClick={() =>
        modal.confirm({
          title: t('Duyệt đề nghị gia hạn?', 'Approve this extension?'),
          content: t(
            'Thời hạn của nhiệm vụ sẽ được dời sang ngày đề nghị.',
            'The deadline moves to the requested date.',
          ),
          okText: t('Duyệt', 'Approve'),
          cancelText: t('Hủy', 'Cancel'),
          onOk: () => decide.mutateAsync({ version }).catch(() => undefined),
        })
      }
    >
      {t('Duyệt', 'Approve')}
    </Button>
  );
}

export function RejectExtensionButton({ extensionId }: { extensionId: number }) {
  const t = useT();
  const decide = useDecision<{ note: string }>(
    `/extensions/${extensionId}/reject`,
    t('Đã từ chối gia hạn.', 'Extension rejected.'),
  );
  return (
    <TextDecision
      icon={<CloseOutlined />}
      buttonLabel={t('Từ chối', 'Reject')}
      title={t('Từ chối đề nghị gia hạn', 'Reject the extension')}
      fieldLabel={t('Lý do từ chối', 'Reason')}
      okLabel={t('Từ chối', 'Reject')}
      danger
      pending={decide.isPending}
      onSubmit={(text) => decide.mutateAsync({ note: text })}
    />
  );
}

export function RespondObstacleButton({ obstacleId }: { obstacleId: number }) {
  const t = useT();
  const decide = useDecision<{ response: string }>(
    `/obstacles/${obstacleId}/respond`,
    t('Đã gửi trả lời.', 'Answer sent.'),
  );
  return (
    <TextDecision
      icon={<MessageOutlined />}
      buttonLabel={t('Trả lời', 'Answer')}
      title={t('Trả lời khó khăn, vướng mắc', 'Answer the obstacle')}
      fieldLabel={t('Nội dung trả lời', 'Answer')}
      okLabel={t('Gửi trả lời', 'Send')}
      primary
      pending={decide.isPending}
      onSubmit={(text) => decide.mutateAsync({ response: text })}
    />
  );
}

/** A button opening a dialog with one required text (a reason, an answer); closes when the server agrees. */
function TextDecision(props: {
  icon: ReactNode;
  buttonLabel: string;
  title: string;
  fieldLabel: string;
  help?: string;
  minLength?: number;
  okLabel: string;
  danger?: boolean;
  primary?: boolean;
  pending: boolean;
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  const min = props.minLength ?? 1;
  return (
    <>
      <Button
        icon={props.icon}
        danger={props.danger}
        type={props.primary ? 'primary' : 'default'}
        onClick={() => setOpen(true)}
      >
        {props.buttonLabel}
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
          onFinish={async ({ text }) => {
            try {
              await props.onSubmit(text.trim());
              setOpen(false);
            } catch {
              // the message is shown by the mutation; the dialog stays open to correct the text
            }
          }}
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
                    : Promise.reject(
                        new Error(t(`Cần ít nhất ${min} ký tự.`, `At least ${min} characters.`)),
                      ),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
