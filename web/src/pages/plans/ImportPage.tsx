import { Result } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Placeholder until the page is built. */
export default function ImportPage() {
  return (
    <>
      <PageHeader title="ImportPage" />
      <Result status="info" title="Đang xây dựng (under construction)" />
    </>
  );
}
