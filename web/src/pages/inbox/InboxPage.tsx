import { Result } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Placeholder until the page is built. */
export default function InboxPage() {
  return (
    <>
      <PageHeader title="InboxPage" />
      <Result status="info" title="Đang xây dựng (under construction)" />
    </>
  );
}
