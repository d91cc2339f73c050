import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../../../../src/shared/schemas/account.ts';
import { TOKEN_NAME_MAX } from '../../../../src/shared/schemas/limits.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { TOKENS_KEY } from './query-keys.ts';

/** My API tokens: when each was made and last used, when it expires, its state; create and revoke. */
export function TokensSection() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null);
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api.get<Page<ApiToken>>('/auth/tokens', { pageSize: 200 }),
  });
  const revoke = useApiMutation({
    mutationFn: (id: number) => api.delete<ApiToken>(`/auth/tokens/${id}`),
    success: (token) => t(`Đã thu hồi mã "${token.name}".`, `Token "${token.name}" revoked.`),
    invalidate: [TOKENS_KEY],
  });

  const state = (token: ApiToken) =>
    token.state === 'active' ? (
      <Tag color="success">{t('Còn hiệu lực', 'Active')}</Tag>
    ) : token.state === 'expired' ? (
      <Tag color="warning">{t('Hết hạn', 'Expired')}</Tag>
    ) : (
      <Tag>{t('Đã thu hồi', 'Revoked')}</Tag>
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          'Mã truy cập cho phép phần mềm khác gọi API thay bạn (Authorization: Bearer dd_…), với quyền của tài khoản này. Mỗi mã có hạn dùng; thu hồi ngay mã không còn dùng hoặc có thể đã lộ.',
          'An API token lets another system call the API on your behalf (Authorization: Bearer dd_…), with this account’s rights. Every token expires; revoke at once a token no longer used or possibly leaked.',
        )}
      </Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          title={t(
            `Mã "${created.name}" — chỉ hiện một lần: hãy sao chép và cất giữ ngay.`,
            `Token "${created.name}" — shown only once: copy it and keep it safe now.`,
          )}
          description={
            <Typography.Paragraph
              code
              copyable={{
                text: created.token,
                tooltips: [t('Sao chép', 'Copy'), t('Đã sao chép', 'Copied')],
              }}
              style={{ margin: 0, wordBreak: 'break-all' }}
              data-testid="new-token"
            >
              {created.token}
            </Typography.Paragraph>
          }
        />
      )}
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('Tạo mã truy cập', 'Create a token')}
        </Button>
      </div>
      <QueryState
        query={tokens}
        isEmpty={(data) => data.items.length === 0}
        empty={t('Chưa có mã truy cập nào.', 'No API token yet.')}
      >
        {(data) => (
          <Table<ApiToken>
            rowKey="id"
            size="middle"
            dataSource={data.items}
            scroll={{ x: true }}
            pagination={false}
            columns={[
              {
                title: t('Tên', 'Name'),
                key: 'name',
                render: (_, token) => (
                  <Space size={4} wrap>
                    {token.name}
                    {token.scopes?.map((scope) => (
                      <Tag key={scope} color="blue">
                        {scope}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('Tạo lúc', 'Created'),
                key: 'created',
                render: (_, x) => formatDateTime(x.createdAt),
              },
              {
                title: t('Dùng lần cuối', 'Last used'),
                key: 'used',
                render: (_, x) => (x.lastUsedAt ? formatDateTime(x.lastUsedAt) : t('Chưa dùng', 'Never')),
              },
              {
                title: t('Hết hạn', 'Expires'),
                key: 'expires',
                render: (_, x) => formatDateTime(x.expiresAt),
              },
              { title: t('Trạng thái', 'State'), key: 'state', render: (_, x) => state(x) },
              {
                title: t('Thao tác', 'Actions'),
                key: 'actions',
                render: (_, token) =>
                  token.state === 'revoked' ? null : (
                    <ConfirmButton
                      question={t(`Thu hồi mã "${token.name}"?`, `Revoke the token "${token.name}"?`)}
                      description={t(
                        'Phần mềm đang dùng mã này sẽ bị từ chối ngay; không khôi phục được.',
                        'Systems using it are refused from now on; this cannot be undone.',
                      )}
                      okText={t('Thu hồi', 'Revoke')}
                      okDanger
                      onConfirm={() => revoke.mutate(token.id)}
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      loading={revoke.isPending && revoke.variables === token.id}
                      aria-label={t(`Thu hồi mã ${token.name}`, `Revoke the token ${token.name}`)}
                    >
                      {t('Thu hồi', 'Revoke')}
                    </ConfirmButton>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {creating && (
        <CreateTokenModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
          }}
        />
      )}
    </Space>
  );
}

function CreateTokenModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (token: CreatedToken & { name: string }) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; days?: number | null }>();
  const create = useApiMutation({
    mutationFn: (v: { name: string; days?: number | null }) =>
      api.post<CreatedToken>('/auth/tokens', { name: v.name.trim(), ...(v.days ? { days: v.days } : {}) }),
    invalidate: [TOKENS_KEY],
    onSuccess: (token, v) => {
      onCreated({ ...token, name: v.name.trim() });
    },
  });
  return (
    <FormModal
      form={form}
      title={t('Tạo mã truy cập', 'Create an API token')}
      okText={t('Tạo mã', 'Create')}
      submit={create}
      onCancel={onClose}
      preserve
    >
      <Form.Item
        name="name"
        label={t('Tên gợi nhớ', 'Name')}
        extra={t(
          'Phần mềm hoặc việc dùng mã, ví dụ "Hệ thống một cửa".',
          'What uses it, e.g. "One-stop system".',
        )}
        rules={[requiredText(t('Nhập tên mã.', 'Enter a name.'))]}
      >
        <Input maxLength={TOKEN_NAME_MAX} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="days"
        label={t('Thời hạn (ngày)', 'Lifetime (days)')}
        extra={t(
          'Từ 1 đến 365; để trống: theo cấu hình (mặc định 90 ngày).',
          '1 to 365; empty: the configured default (90 days).',
        )}
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
