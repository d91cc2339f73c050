import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { ApiError, api } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { signInErrorText } from './login-errors.ts';

/** GET /api/auth/providers: the password form, the province's identity provider (OpenID Connect). */
interface SignInProviders {
  password: boolean;
  oidc: { label: string } | null;
}

/**
 * Đăng nhập: username and password, and/or the identity provider's button (đăng nhập một lần) when
 * the server has one; the server's message on failure (wrong password, rate limit), and why a
 * sign-in through the provider was refused (`/dang-nhap?loi=CODE`).
 */
export default function LoginPage() {
  const { signIn } = useSession();
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => api.get<SignInProviders>('/auth/providers'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = params.get('loi');
  const shownError = error ?? (refused ? signInErrorText(refused, t) : null);
  // if the question fails, the form stays: the server answers the sign-in itself
  const passwordOn = providers.data?.password ?? true;
  const oidc = providers.data?.oidc ?? null;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('Không đăng nhập được.', 'Could not sign in.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dd-login">
      <Card className="dd-login-card">
        <div className="dd-login-head">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              dondoc
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('Theo dõi, đôn đốc thực hiện nhiệm vụ', 'Tracking and chasing up assigned tasks')}
            </Typography.Text>
          </div>
        </div>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('Đăng nhập', 'Sign in')}
        </Typography.Title>
        {shownError && (
          <Alert type="error" showIcon title={shownError} style={{ marginBottom: 16 }} role="alert" />
        )}
        {providers.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <>
            {oidc && (
              <Button
                type={passwordOn ? 'default' : 'primary'}
                href="/api/auth/oidc/start"
                icon={<SafetyCertificateOutlined />}
                block
                size="large"
              >
                {oidc.label}
              </Button>
            )}
            {oidc && passwordOn && <Divider plain>{t('hoặc bằng mật khẩu', 'or with a password')}</Divider>}
            {passwordOn && (
              <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
                <Form.Item
                  label={t('Tên đăng nhập', 'Username')}
                  name="username"
                  rules={[{ required: true, message: t('Nhập tên đăng nhập.', 'Enter your username.') }]}
                >
                  <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
                </Form.Item>
                <Form.Item
                  label={t('Mật khẩu', 'Password')}
                  name="password"
                  rules={[{ required: true, message: t('Nhập mật khẩu.', 'Enter your password.') }]}
                >
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                  {t('Đăng nhập', 'Sign in')}
                </Button>
              </Form>
            )}
          </>
        )}
        <div className="dd-login-foot">
          <Link to="/cong-khai">{t('Xem trang công khai', 'Open the public page')}</Link>
          <LangSwitch full />
        </div>
      </Card>
    </div>
  );
}
