import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { LetterSettingsView } from '../../../../src/shared/schemas/followup.ts';
import type { StatGroup } from '../../../../src/shared/schemas/statistics.ts';
import { api } from '../../lib/api.ts';
import { useLang } from '../../lib/i18n.tsx';
import { drillLink, type StatFilter } from './filters.tsx';

/**
 * The Office's own overdue tasks, reported internally (docs/domain-rules.md §6.1, issue #14 §2): the
 * Office writes no letter to itself, so the dashboard says how many of the tasks it leads are overdue,
 * opening the list of them, and whether their written reminders count (the setting
 * `officeRemindersCount`). Shown to the Office and leaders (they read the letter settings).
 */
export function OfficeOwnCard({ groups, filter }: { groups: StatGroup[]; filter: StatFilter }) {
  const { t } = useLang();
  const settings = useQuery({
    queryKey: ['letter-settings'],
    queryFn: () => api.get<LetterSettingsView>('/settings/letters'),
    staleTime: 60_000,
  });
  const effective = settings.data?.effective;
  const office = effective ? groups.find((g) => g.code === effective.officeAgency) : undefined;
  if (!effective || !office || office.counts.open_overdue === 0) return null;
  const overdue = office.counts.open_overdue;
  return (
    <div data-testid="office-own-overdue">
      <Alert
        type="warning"
        showIcon
        title={
          <Space wrap>
            <span>
              {t(
                `${office.name}: ${overdue} lượt giao chủ trì quá hạn (theo dõi nội bộ, không gửi công văn)`,
                `${office.name}: ${overdue} led assignments overdue (tracked internally, no letter)`,
              )}
            </span>
            <Link to={drillLink(filter, 'open_overdue', { agencyId: office.id })}>
              {t('Xem danh sách', 'See the list')}
            </Link>
          </Space>
        }
        description={
          <Typography.Text type="secondary">
            {effective.officeRemindersCount
              ? t(
                  'Các lần nhắc nhở bằng văn bản của các nhiệm vụ này vẫn được tính (cài đặt công văn).',
                  'Their written reminders still count (letter settings).',
                )
              : t(
                  'Các lần nhắc nhở của các nhiệm vụ này không tính vào thống kê, chấm điểm (cài đặt công văn).',
                  'Their reminders are not counted in statistics or scores (letter settings).',
                )}
          </Typography.Text>
        }
      />
    </div>
  );
}
