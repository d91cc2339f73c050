import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DISPLAY_NAME_MAX, EMAIL_MAX, USERNAME_MAX } from '../../../../src/shared/schemas/limits.ts';
import type { User } from '../../../../src/shared/schemas/users.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { FormModal, useFormDialog } from '../../components/FormModal.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { type Role, roleLabel } from '../../lib/domain.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { formatDateTime, matchesSearch } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { AgencyField } from './AgencyField.tsx';
import { fetchAll, useAgencies } from './agencies.ts';
import { DirectoryList } from './DirectoryList.tsx';
import { SearchBar } from './SearchBar.tsx';

const ROLES: Role[] = ['admin', 'office', 'leader', 'agency'];

/** Tài khoản (admins): list, create, edit, disable, reset a password. */
export function UsersTab() {
  const { t, lang } = useLang();
  const users = useQuery({ queryKey: ['users'], queryFn: () => fetchAll<User>('/users') });
  const agencies = useAgencies();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const agencyName = (id: number | null) =>
    id === null ? '' : (agencies.data?.find((a) => a.id === id)?.name ?? '');
  const rows = (users.data ?? []).filter(
    (u) =>
      !search.trim() ||
      matchesSearch([u.username, u.displayName, u.email ?? '', agencyName(u.agencyId)].join(' '), search),
  );
  const status = (u: User) => (
    <Space size={4} wrap>
      {u.disabled ? (
        <Tag color="default">{t('Đã khóa', 'Disabled')}</Tag>
      ) : (
        <Tag color="success">{t('Hoạt động', 'Active')}</Tag>
      )}
      {u.isHead && <Tag color="blue">{t('Thủ trưởng', 'Head')}</Tag>}
    </Space>
  );
  const actions = (u: User) => (
    <Space size={0}>
      <Button
        type="text"
        icon={<EditOutlined />}
        aria-label={t(`Sửa ${u.username}`, `Edit ${u.username}`)}
        onClick={() => setEditing(u)}
      />
      <Button
        type="text"
        icon={<KeyOutlined />}
        aria-label={t(`Đặt lại mật khẩu ${u.username}`, `Reset the password of ${u.username}`)}
        onClick={() => setResetting(u)}
      />
    </Space>
  );
  return (
    <>
      <SearchBar
        value={search}
        onChange={setSearch}
        placeholder={t('Tìm tên đăng nhập, họ tên, cơ quan', 'Search username, name, agency')}
        label={t('Tìm tài khoản', 'Search accounts')}
      >
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('Thêm tài khoản', 'Add an account')}
        </Button>
        <CsvButton path="/users" />
      </SearchBar>
      <QueryState query={users}>
        {() => (
          <DirectoryList
            rows={rows}
            card={(u) => ({
              title: `${u.displayName} (${u.username})`,
              extra: actions(u),
              description: (
                <>
                  <div>{[roleLabel(u.role, lang), agencyName(u.agencyId)].filter(Boolean).join(' · ')}</div>
                  {status(u)}
                </>
              ),
            })}
            columns={[
              { title: t('Tên đăng nhập', 'Username'), dataIndex: 'username', key: 'username' },
              { title: t('Họ tên', 'Name'), dataIndex: 'displayName', key: 'name' },
              { title: t('Vai trò', 'Role'), key: 'role', render: (_, u) => roleLabel(u.role, lang) },
              {
                title: t('Cơ quan', 'Agency'),
                key: 'agency',
                render: (_, u) => agencyName(u.agencyId) || '—',
              },
              { title: t('Email', 'E-mail'), key: 'email', render: (_, u) => u.email ?? '—' },
              { title: t('Trạng thái', 'Status'), key: 'status', render: (_, u) => status(u) },
              {
                title: t('Đổi mật khẩu', 'Password changed'),
                key: 'pw',
                render: (_, u) => (
                  <Typography.Text type="secondary">{formatDateTime(u.passwordChangedAt)}</Typography.Text>
                ),
              },
              { title: t('Thao tác', 'Actions'), key: 'actions', width: 100, render: (_, u) => actions(u) },
            ]}
          />
        )}
      </QueryState>
      {editing && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <PasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  agencyId?: number | null;
  password?: string;
  email?: string;
  isHead?: boolean;
  disabled?: boolean;
}

function UserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, lang } = useLang();
  const dialog = useFormDialog({
    mutationFn: (v: UserForm) => {
      const common = {
        displayName: v.displayName.trim(),
        role: v.role,
        agencyId: v.role === 'agency' ? (v.agencyId ?? null) : null,
        email: v.email?.trim() || null,
        isHead: v.role === 'agency' ? Boolean(v.isHead) : false,
      };
      return user
        ? api.patch(`/users/${user.id}`, { ...common, disabled: Boolean(v.disabled) })
        : api.post('/users', { ...common, username: v.username.trim(), password: v.password });
    },
    success: t('Đã lưu tài khoản.', 'Account saved.'),
    invalidate: [['users']],
    onClose,
  });
  const role = Form.useWatch('role', dialog.form);
  return (
    <FormModal<UserForm>
      {...dialog}
      title={
        user
          ? t(`Sửa tài khoản ${user.username}`, `Edit ${user.username}`)
          : t('Thêm tài khoản', 'Add an account')
      }
      okText={t('Lưu', 'Save')}
      initialValues={{
        username: user?.username ?? '',
        displayName: user?.displayName ?? '',
        role: user?.role ?? 'agency',
        agencyId: user?.agencyId ?? null,
        email: user?.email ?? '',
        isHead: user?.isHead ?? false,
        disabled: user?.disabled ?? false,
      }}
    >
      {!user && (
        <Form.Item
          name="username"
          label={t('Tên đăng nhập', 'Username')}
          rules={[{ required: true, min: 3, message: t('Ít nhất 3 ký tự.', 'At least 3 characters.') }]}
        >
          <Input maxLength={USERNAME_MAX} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="displayName"
        label={t('Họ tên', 'Name')}
        rules={[requiredText(t('Nhập họ tên.', 'Enter the name.'))]}
      >
        <Input maxLength={DISPLAY_NAME_MAX} />
      </Form.Item>
      <Form.Item name="role" label={t('Vai trò', 'Role')} rules={[{ required: true }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))} />
      </Form.Item>
      {role === 'agency' && (
        <>
          <AgencyField name="agencyId" label={t('Cơ quan', 'Agency')} />
          <Form.Item name="isHead" valuePropName="checked">
            <Checkbox>
              {t('Thủ trưởng cơ quan (nhận thông báo leo thang)', 'Agency head (receives escalations)')}
            </Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item name="email" label={t('Email', 'E-mail')}>
        <Input type="email" maxLength={EMAIL_MAX} />
      </Form.Item>
      {!user && (
        <PasswordField
          name="password"
          label={t('Mật khẩu', 'Password')}
          required={t('Nhập mật khẩu.', 'Enter a password.')}
        />
      )}
      {user && (
        <Form.Item name="disabled" valuePropName="checked">
          <Checkbox>{t('Khóa tài khoản (đăng xuất ngay)', 'Disable (signs the user out)')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}

function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useLang().t;
  const dialog = useFormDialog({
    mutationFn: (v: { newPassword: string }) => api.post(`/users/${user.id}/password`, v),
    success: t('Đã đặt lại mật khẩu.', 'Password reset.'),
    onClose,
  });
  return (
    <FormModal
      {...dialog}
      title={t(`Đặt lại mật khẩu: ${user.username}`, `Reset password: ${user.username}`)}
      okText={t('Đặt lại', 'Reset')}
    >
      <PasswordField
        name="newPassword"
        label={t('Mật khẩu mới', 'New password')}
        required={t('Nhập mật khẩu mới.', 'Enter a new password.')}
      />
    </FormModal>
  );
}
