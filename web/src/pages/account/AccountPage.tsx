import { Card, Space } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { roleLabel } from '../../lib/domain.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensSection } from './TokensSection.tsx';

/**
 * Tài khoản của tôi — the signed-in user's own account, reached from the user menu: change the
 * password (optionally revoking every API token), and the API tokens of integrations: list, create
 * (the secret shown once), revoke.
 */
export default function AccountPage() {
  const { t, lang } = useLang();
  const { session } = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <>
      <PageHeader
        title={t('Tài khoản của tôi', 'My account')}
        subtitle={[user.displayName, user.username, roleLabel(user.role, lang), user.agencyName]
          .filter(Boolean)
          .join(' · ')}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('Mã truy cập (API token)', 'API tokens')}>
          <TokensSection />
        </Card>
        <Card title={t('Đổi mật khẩu', 'Change password')}>
          <PasswordForm />
        </Card>
      </Space>
    </>
  );
}
