import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { apiUrl, type Query } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';

/**
 * "Xuất CSV": a plain download link to the list the page shows, with the same filters and
 * `format=csv` (docs/api-conventions.md: every list route in CSV_LISTS answers a UTF-8 CSV with a
 * BOM, all pages at once). `path` is the API path without `/api`, e.g. `/statistics/items`.
 */
export function CsvButton({
  path,
  query,
  size,
}: {
  path: string;
  query?: Query;
  size?: 'small' | 'middle' | 'large';
}) {
  const t = useT();
  const { page: _page, pageSize: _pageSize, ...filters } = query ?? {};
  return (
    <Button
      href={apiUrl(path, { ...filters, format: 'csv' })}
      download
      icon={<DownloadOutlined />}
      size={size}
      data-testid="csv-download"
      title={t(
        'Tải danh sách này (mọi trang) dạng CSV, mở được bằng Excel',
        'Download this list (all pages) as CSV for Excel',
      )}
    >
      {t('Xuất CSV', 'Export CSV')}
    </Button>
  );
}
