import { Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../lib/i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';

/** The frame of the public pages: no navigation, a sign-in link, the language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="dd-header">
        <Link to="/cong-khai" className="dd-brand dd-brand-light">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>dondoc</span>
          <span className="dd-brand-sub">· {t('Công khai tiến độ', 'Public progress')}</span>
        </Link>
        <Space>
          <LangSwitch />
          <Link to="/dang-nhap" className="dd-nowrap">
            {t('Đăng nhập', 'Sign in')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content className="dd-content">{children}</Layout.Content>
    </Layout>
  );
}
