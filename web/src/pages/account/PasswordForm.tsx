import { App, Button, Checkbox, Form, Input } from 'antd';
import { PasswordField } from '../../components/PasswordField.tsx';
import { api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { TOKENS_KEY } from './query-keys.ts';

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
  revokeTokens: boolean;
}

/** Đổi mật khẩu: the other sessions end; every API token too when the box is ticked. */
export function PasswordForm() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordFields>();
  const change = useApiMutation({
    mutationFn: (v: PasswordFields) =>
      api.post('/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
        revokeTokens: Boolean(v.revokeTokens),
      }),
    invalidate: [TOKENS_KEY],
    onSuccess: (_, v) => {
      message.success(
        v.revokeTokens
          ? t(
              'Đã đổi mật khẩu và thu hồi mọi mã truy cập; các phiên khác đã đăng xuất.',
              'Password changed and every API token revoked; other sessions are signed out.',
            )
          : t(
              'Đã đổi mật khẩu; các phiên khác đã đăng xuất.',
              'Password changed; other sessions are signed out.',
            ),
      );
      form.resetFields();
    },
  });
  return (
    <Form<PasswordFields>
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      initialValues={{ revokeTokens: false }}
      onFinish={(v) => change.mutate(v)}
    >
      <PasswordField
        name="currentPassword"
        label={t('Mật khẩu hiện tại', 'Current password')}
        required={t('Nhập mật khẩu hiện tại.', 'Enter the current password.')}
        autoComplete="current-password"
      />
      <PasswordField
        name="newPassword"
        label={t('Mật khẩu mới', 'New password')}
        extra={t(
          'Ít nhất 10 ký tự; một cụm từ dài, ít gặp là tốt nhất.',
          'At least 10 characters; a long, uncommon phrase is best.',
        )}
        min={10}
        required={t('Ít nhất 10 ký tự.', 'At least 10 characters.')}
      />
      <Form.Item
        name="confirm"
        label={t('Nhập lại mật khẩu mới', 'Repeat the new password')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('Nhập lại mật khẩu mới.', 'Repeat the new password.') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('Hai mật khẩu không khớp.', 'The passwords differ.'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="revokeTokens" valuePropName="checked">
        <Checkbox>
          {t('Thu hồi mọi mã truy cập (API token) của tài khoản', 'Revoke every API token of this account')}
        </Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('Đổi mật khẩu', 'Change password')}
      </Button>
    </Form>
  );
}
