import { Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../lib/i18n.tsx';

/** An address that is no page of the app. */
export default function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('Không có trang này.', 'There is no such page.')}
      extra={<Link to="/">{t('Về trang chủ', 'Go home')}</Link>}
    />
  );
}
