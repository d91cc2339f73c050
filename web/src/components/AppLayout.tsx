import { IdcardOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { roleLabel } from '../lib/domain.ts';
import { useLang } from '../lib/i18n.tsx';
import { useNavCounts } from '../lib/nav-counts.ts';
import { useSession } from '../lib/session.tsx';
import { PRIVATE_ROUTES, PUBLIC_NAV } from '../routes.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in page: navigation by what the user may do, language switch, account menu. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { lang, t } = useLang();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const counts = useNavCounts(session);
  if (!session) return null;
  const narrow = !screens.lg;

  const items = [
    ...PRIVATE_ROUTES.filter((route) => route.nav?.visible(session)).map((route) => ({
      key: route.path,
      icon: route.nav?.icon,
      label: (
        <NavLabel
          to={route.nav?.to ?? route.path}
          text={(lang === 'en' ? route.nav?.en : route.nav?.vi) ?? ''}
          count={route.nav?.count ? counts.data?.[route.nav.count] : undefined}
        />
      ),
    })),
    {
      key: '/cong-khai',
      icon: PUBLIC_NAV.icon,
      label: <Link to="/cong-khai">{lang === 'en' ? PUBLIC_NAV.en : PUBLIC_NAV.vi}</Link>,
    },
  ];
  const selected = items
    .map((item) => item.key)
    .filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected}
      onClick={() => setDrawerOpen(false)}
      aria-label={t('Điều hướng chính', 'Main navigation')}
    />
  );
  const brand = (
    <Link to="/" className="dd-brand" aria-label="dondoc">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>dondoc</span>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Sider width={232} theme="dark">
          <div className="dd-sider-inner">
            <div className="dd-sider-brand">{brand}</div>
            <nav>{menu}</nav>
          </div>
        </Sider>
      )}
      <Layout>
        <Header className="dd-header">
          <Space size="middle" style={{ minWidth: 0 }}>
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('Mở menu', 'Open menu')}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {narrow && brand}
            {!narrow && (
              <Typography.Text strong ellipsis>
                {session.user.authorityName}
              </Typography.Text>
            )}
          </Space>
          <Space size="small">
            <NotificationBell />
            <LangSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <div>
                        <div>{session.user.displayName}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {roleLabel(session.user.role, lang)}
                          {session.user.agencyName ? ` · ${session.user.agencyName}` : ''}
                        </Typography.Text>
                      </div>
                    ),
                  },
                  { type: 'divider' },
                  {
                    key: 'account',
                    icon: <IdcardOutlined />,
                    label: t('Tài khoản của tôi', 'My account'),
                    onClick: () => navigate('/tai-khoan'),
                  },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('Đăng xuất', 'Sign out'),
                    // to the sign-in page even when the server could not be told (the session is forgotten here)
                    onClick: () =>
                      void signOut()
                        .catch(() => undefined)
                        .then(() => navigate('/dang-nhap')),
                  },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} aria-label={t('Tài khoản', 'Account')}>
                {!narrow && session.user.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content className="dd-content">{children}</Content>
      </Layout>
      <Drawer
        placement="left"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={260}
        styles={{ body: { padding: 0, background: '#001529' } }}
        title={session.user.authorityName}
      >
        {menu}
      </Drawer>
    </Layout>
  );
}

/** A menu entry's link, with its count (what awaits the user) when it has one. */
function NavLabel({ to, text, count }: { to: string; text: string; count: number | undefined }) {
  return (
    <Link to={to} className="dd-nav-label">
      <span>{text}</span>
      {count !== undefined && count > 0 && (
        <Badge count={count} overflowCount={999} size="small" data-testid="nav-count" />
      )}
    </Link>
  );
}
