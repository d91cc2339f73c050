import { Layout, Segmented, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type Lang, useLang } from '../lib/i18n.tsx';

/** The frame of the public pages: no navigation, a sign-in link, the language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { lang, setLang, t } = useLang();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="dd-header">
        <Link to="/cong-khai" className="dd-brand dd-brand-light">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>dondoc</span>
          <span className="dd-brand-sub">· {t('Công khai tiến độ', 'Public progress')}</span>
        </Link>
        <Space>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: 'VI', value: 'vi' },
              { label: 'EN', value: 'en' },
            ]}
          />
          <Link to="/dang-nhap" className="dd-nowrap">
            {t('Đăng nhập', 'Sign in')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content className="dd-content">{children}</Layout.Content>
    </Layout>
  );
}
