import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { ExtensionStatus } from '../../../../src/shared/schemas/extension.ts';
import type { ObstacleStatus } from '../../../../src/shared/schemas/obstacle.ts';
import type { ResultFile, ResultStatus } from '../../../../src/shared/schemas/result.ts';
import { apiUrl } from '../../lib/api.ts';
import { type AssignmentState, daysBetween, STATE_TAG_COLORS, stateLabel } from '../../lib/domain.ts';
import { useLang } from '../../lib/i18n.tsx';

/** Tags and words shared by the inbox, the assignment page and the review queues. */
export function StateTag({ state }: { state: AssignmentState }) {
  const { lang } = useLang();
  return <Tag color={STATE_TAG_COLORS[state]}>{stateLabel(state, lang)}</Tag>;
}

const RESULT: Record<ResultStatus, { vi: string; en: string; color: string }> = {
  pending: { vi: 'Chờ xem xét', en: 'Awaiting review', color: 'processing' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted', color: 'success' },
  returned: { vi: 'Trả lại', en: 'Returned', color: 'error' },
};
const EXTENSION: Record<ExtensionStatus, { vi: string; en: string; color: string }> = {
  pending: { vi: 'Chờ quyết định', en: 'Awaiting decision', color: 'processing' },
  approved: { vi: 'Đã duyệt', en: 'Approved', color: 'success' },
  rejected: { vi: 'Từ chối', en: 'Rejected', color: 'error' },
};
const OBSTACLE: Record<ObstacleStatus, { vi: string; en: string; color: string }> = {
  open: { vi: 'Chờ trả lời', en: 'Awaiting answer', color: 'warning' },
  answered: { vi: 'Đã trả lời', en: 'Answered', color: 'success' },
};

export function ResultStatusTag({ status }: { status: ResultStatus }) {
  const { lang } = useLang();
  const s = RESULT[status];
  return <Tag color={s.color}>{lang === 'en' ? s.en : s.vi}</Tag>;
}
export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const { lang } = useLang();
  const s = EXTENSION[status];
  return <Tag color={s.color}>{lang === 'en' ? s.en : s.vi}</Tag>;
}
export function ObstacleStatusTag({ status }: { status: ObstacleStatus }) {
  const { lang } = useLang();
  const s = OBSTACLE[status];
  return <Tag color={s.color}>{lang === 'en' ? s.en : s.vi}</Tag>;
}

export function RoleTag({ role }: { role: 'lead' | 'support' }) {
  const { lang } = useLang();
  if (role === 'lead') return <Tag color="red">{lang === 'en' ? 'Lead' : 'Chủ trì'}</Tag>;
  return <Tag>{lang === 'en' ? 'Support' : 'Phối hợp'}</Tag>;
}

/** 'còn 3 ngày' / 'hôm nay' / 'quá hạn 5 ngày' for a due date seen on `asOf`. */
export function dueHint(
  dueOn: string | null,
  asOf: string,
  t: (vi: string, en: string) => string,
): string | null {
  if (!dueOn) return null;
  const days = daysBetween(asOf, dueOn);
  if (days === 0) return t('Hết hạn hôm nay', 'Due today');
  if (days > 0) return t(`Còn ${days} ngày`, `${days} day${days === 1 ? '' : 's'} left`);
  return t(`Quá hạn ${-days} ngày`, `${-days} day${days === -1 ? '' : 's'} overdue`);
}

/** 12345 → '12,1 KB' */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The files of a result, each a download link (GET /api/files/:id, always an attachment). */
export function FileLinks({ files }: { files: ResultFile[] }) {
  if (files.length === 0) return null;
  return (
    <Flex gap={4} vertical>
      {files.map((file) => (
        <a key={file.id} href={apiUrl(`/files/${file.id}`)} download={file.fileName}>
          <PaperClipOutlined /> {file.fileName}{' '}
          <Typography.Text type="secondary">({formatBytes(file.sizeBytes)})</Typography.Text>
        </a>
      ))}
    </Flex>
  );
}
