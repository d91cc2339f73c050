import { Result } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Placeholder until the page is built. */
export default function FollowupPage() {
  return (
    <>
      <PageHeader title="FollowupPage" />
      <Result status="info" title="Đang xây dựng (under construction)" />
    </>
  );
}
