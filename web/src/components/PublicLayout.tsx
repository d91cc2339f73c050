import { useQuery } from '@tanstack/react-query';
import { Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicAuthority } from '../../../src/shared/schemas/public.ts';
import { api } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { SiteNameContext } from './PageHeader.tsx';

/**
 * The frame of the public pages: the issuing authority's name (the one chosen, else the first) — not
 * the product's (docs/domain-rules.md §11) —, a sign-in link, the language switch.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const [params] = useSearchParams();
  const authorities = useQuery({
    queryKey: ['public', 'authorities'],
    queryFn: () => api.get<PublicAuthority[]>('/public/authorities'),
  });
  const code = params.get('co-quan');
  const name = (authorities.data?.find((a) => a.code === code) ?? authorities.data?.[0])?.name ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="dd-header">
        <Link to="/cong-khai" className="dd-brand dd-brand-light" data-testid="public-brand">
          <span>{name}</span>
          <span className="dd-brand-sub">· {t('Công khai tiến độ', 'Public progress')}</span>
        </Link>
        <Space>
          <LangSwitch />
          <Link to="/dang-nhap" className="dd-nowrap">
            {t('Đăng nhập', 'Sign in')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content className="dd-content">
        <SiteNameContext value={name}>{children}</SiteNameContext>
      </Layout.Content>
    </Layout>
  );
}
