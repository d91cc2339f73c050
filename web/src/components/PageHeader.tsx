import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { Link } from 'react-router';

/** The name after a page's title in the browser tab: the product's, or on public pages the authority's. */
export const SiteNameContext = createContext('dondoc');

/** The title row of a page (an h1, a subtitle, actions on the right) that also names the browser tab. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  const site = useContext(SiteNameContext);
  useEffect(() => {
    document.title = site ? `${title} · ${site}` : title;
  }, [title, site]);
  return (
    <div className="dd-page-head">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1}>{title}</Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}

/** The way back to the list a page was opened from, under its title or beside its actions. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to}>
      <ArrowLeftOutlined /> {children}
    </Link>
  );
}
