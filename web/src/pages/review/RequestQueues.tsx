import { Typography } from 'antd';
import type { ExtensionItem, ExtensionStatus } from '../../../../src/shared/schemas/extension.ts';
import type { ObstacleItem, ObstacleStatus } from '../../../../src/shared/schemas/obstacle.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ExtensionStatusTag, ObstacleStatusTag, RoleTag } from '../inbox/labels.tsx';
import { ItemHead, StatusQueue } from './queue.tsx';
import { RequestList } from './RequestList.tsx';

/** Đề nghị gia hạn: the extensions agencies asked for, to approve or reject. */
export function ExtensionsQueue() {
  const t = useT();
  return (
    <StatusQueue<ExtensionStatus, ExtensionItem>
      name="extensions"
      path="/extensions"
      statuses={[
        { value: 'pending', label: t('Chờ quyết định', 'Awaiting') },
        { value: 'approved', label: t('Đã duyệt', 'Approved') },
        { value: 'rejected', label: t('Đã từ chối', 'Rejected') },
      ]}
      empty={(status) =>
        status === 'pending'
          ? t('Không có đề nghị gia hạn nào chờ quyết định.', 'No extension awaits a decision.')
          : t('Không có đề nghị nào.', 'No requests.')
      }
      list={(items, pagination) => (
        <RequestList
          kind="extension"
          items={items}
          pagination={pagination}
          canDecide
          version={(e) => e.assignmentVersion}
          describe={(e) => (
            <>
              <ItemHead
                assignmentId={e.assignmentId}
                task={e.task}
                plan={e.plan}
                agency={e.agency.name}
                extra={<ExtensionStatusTag status={e.status} />}
              />
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('Hạn hiện tại', 'Current deadline')} <strong>{formatDate(e.currentDueOn)}</strong> →{' '}
                {t('đề nghị đến', 'asked until')} <strong>{formatDate(e.requestedDueOn)}</strong>
                <Typography.Text type="secondary">
                  {' '}
                  · {t('đề nghị ngày', 'asked on')} {formatDate(e.requestedOn)}
                </Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('Lý do:', 'Reason:')} {e.reason}
              </Typography.Paragraph>
            </>
          )}
        />
      )}
    />
  );
}

/** Khó khăn, vướng mắc: the obstacles agencies reported, to answer. */
export function ObstaclesQueue() {
  const t = useT();
  return (
    <StatusQueue<ObstacleStatus, ObstacleItem>
      name="obstacles"
      path="/obstacles"
      statuses={[
        { value: 'open', label: t('Chờ trả lời', 'Awaiting') },
        { value: 'answered', label: t('Đã trả lời', 'Answered') },
      ]}
      empty={(status) =>
        status === 'open'
          ? t('Không có khó khăn, vướng mắc nào chờ trả lời.', 'No obstacle awaits an answer.')
          : t('Chưa có trả lời nào.', 'No answers yet.')
      }
      list={(items, pagination) => (
        <RequestList
          kind="obstacle"
          items={items}
          pagination={pagination}
          canDecide
          describe={(o) => (
            <>
              <ItemHead
                assignmentId={o.assignmentId}
                task={o.task}
                plan={o.plan}
                agency={o.agency.name}
                extra={
                  <>
                    <RoleTag role={o.role} />
                    <ObstacleStatusTag status={o.status} />
                  </>
                }
              />
              <Typography.Paragraph style={{ marginBottom: 4 }}>{o.description}</Typography.Paragraph>
              {o.proposal && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('Đề xuất:', 'Proposal:')} {o.proposal}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary">
                {t('Báo cáo ngày', 'Reported')} {formatDate(o.reportedOn)}
              </Typography.Text>
            </>
          )}
        />
      )}
    />
  );
}
