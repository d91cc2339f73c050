import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { ImportPreview, PreviewWarning } from '../../../../src/shared/schemas/import.ts';
import { useT } from '../../lib/i18n.tsx';
import { prominentWarnings } from './review-model.ts';

/**
 * At the top of the review: what makes the whole reading doubtful (a scan read by OCR, a blank or
 * foreign page, items that assign nothing, a missing title) — before the clerk trusts any row.
 */
export function DocumentAlerts({ warnings }: { warnings: PreviewWarning[] }) {
  const t = useT();
  const shown = prominentWarnings(warnings);
  if (shown.length === 0) return null;
  const severe = shown.some((w) => w.severity === 'error');
  return (
    <Alert
      type={severe ? 'error' : 'warning'}
      showIcon
      role="alert"
      title={
        severe
          ? t('Văn bản này có thể không đọc được đúng', 'This document may not have been read right')
          : t('Cần lưu ý trước khi kiểm tra', 'Before you check the rows')
      }
      description={
        <ul className="dd-warning-list" style={{ margin: 0 }}>
          {shown.map((w) => (
            <li key={`${w.code}-${w.message}`}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** Every warning of the reading, each struck through once the clerk's corrections settle it. */
export function ReviewWarnings({
  preview,
  open,
  resolved,
  directoryError,
}: {
  preview: ImportPreview;
  open: number;
  resolved: (w: PreviewWarning) => boolean;
  directoryError: Error | null;
}) {
  const t = useT();
  const ordered = [...preview.warnings.filter((w) => !w.task), ...preview.warnings.filter((w) => w.task)];
  return (
    <Card
      title={
        <Space>
          {t('Cảnh báo', 'Warnings')}
          <Tag color={open > 0 ? 'warning' : 'success'}>{open}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          `Đọc được ${preview.sections.length} phần, ${preview.tasks.length} nhiệm vụ. Các dòng cần kiểm tra được tô màu trong bảng dưới.`,
          `Read ${preview.sections.length} sections, ${preview.tasks.length} tasks. Rows to check are highlighted below.`,
        )}
      </Typography.Paragraph>
      {directoryError && (
        <Alert
          type="warning"
          showIcon
          title={t('Không tải được danh mục cơ quan', 'Could not load the directory')}
          description={directoryError.message}
          style={{ marginBottom: 8 }}
        />
      )}
      {preview.warnings.length === 0 ? (
        <Alert type="success" showIcon title={t('Không có cảnh báo nào.', 'No warnings.')} />
      ) : (
        <ul className="dd-warning-list" aria-label={t('Danh sách cảnh báo', 'Warnings')}>
          {ordered.map((w) => (
            <li key={`${w.task}-${w.field}-${w.code}-${w.message}`}>
              {resolved(w) ? (
                <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('Đã sửa', 'Fixed')} />
              ) : (
                <WarningOutlined style={{ color: '#d48806' }} aria-hidden />
              )}{' '}
              {w.task && <Tag>{w.task}</Tag>}
              <span className={resolved(w) ? 'dd-cancelled' : undefined}>{w.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
