import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';

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
  useEffect(() => {
    document.title = `${title} · dondoc`;
  }, [title]);
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
