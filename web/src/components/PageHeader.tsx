import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';

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
