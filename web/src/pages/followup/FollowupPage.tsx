import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { SweepResult } from '../../../../src/shared/schemas/followup.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { CommendationsTab } from './CommendationsTab.tsx';
import { LettersTab } from './LettersTab.tsx';
import { RemindersTab } from './RemindersTab.tsx';
import { ScoresTab } from './ScoresTab.tsx';

const TABS = ['nhac-nho', 'cong-van', 'cham-diem', 'bieu-duong'] as const;
type Tab = (typeof TABS)[number];

/** The queries a sweep changes: reminders, letters, scores, commendations and the dashboard's figures. */
export const FOLLOWUP_KEYS = [
  'reminders',
  'letters',
  'scores',
  'commendations',
  'statistics',
  'statistics-items',
];

/**
 * Nhắc nhở & chấm điểm — written reminders as of a date, the reminder letters (download), the
 * yearly scores with every point lost explained, commendation and criticism lists; the Office may
 * run the follow-up sweep now.
 */
export default function FollowupPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'nhac-nho';
  const setTab = (next: string) =>
    setParams(
      (current) => {
        const p = new URLSearchParams();
        // the as-of date and the year are shared by the tabs; the rest is the tab's own
        for (const key of ['asOf', 'year']) {
          const value = current.get(key);
          if (value) p.set(key, value);
        }
        p.set('tab', next);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('Nhắc nhở & chấm điểm', 'Reminders & scores')}
        subtitle={t(
          'Nhắc nhở bằng văn bản, công văn đôn đốc, chấm điểm và biểu dương, phê bình các cơ quan, đơn vị',
          'Written reminders, reminder letters, agency scores, commendations and criticism',
        )}
        extra={can('reminder.issue') ? <SweepButton /> : undefined}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'nhac-nho',
            label: t('Nhắc nhở bằng văn bản', 'Written reminders'),
            children: <RemindersTab />,
          },
          { key: 'cong-van', label: t('Công văn đôn đốc', 'Reminder letters'), children: <LettersTab /> },
          { key: 'cham-diem', label: t('Chấm điểm', 'Scores'), children: <ScoresTab /> },
          {
            key: 'bieu-duong',
            label: t('Biểu dương, phê bình', 'Commendation, criticism'),
            children: <CommendationsTab />,
          },
        ]}
      />
    </>
  );
}

/** Chạy quét nhắc việc: every day not swept yet, up to today (POST /api/sweeps). */
function SweepButton() {
  const t = useT();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const sweep = useMutation({
    mutationFn: () => api.post<SweepResult>('/sweeps', {}),
    onSuccess: (result) => {
      for (const key of FOLLOWUP_KEYS) void queryClient.invalidateQueries({ queryKey: [key] });
      const first = result.days[0];
      const last = result.days[result.days.length - 1];
      notification.success({
        title: t('Đã quét nhắc việc', 'Sweep done'),
        description:
          first && last
            ? t(
                `Đã quét ${result.days.length} ngày (${formatDate(first)}${first === last ? '' : ` – ${formatDate(last)}`}): ${result.reminders} nhắc nhở, ${result.letters} công văn, ${result.notifications} thông báo.`,
                `Swept ${result.days.length} day(s) (${formatDate(first)}${first === last ? '' : ` – ${formatDate(last)}`}): ${result.reminders} reminders, ${result.letters} letters, ${result.notifications} notifications.`,
              )
            : t(
                `Không còn ngày nào cần quét (đến ngày ${formatDate(result.asOf)}).`,
                `Nothing left to sweep (up to ${formatDate(result.asOf)}).`,
              ),
      });
    },
    onError: (error) => {
      notification.error({ title: t('Không quét được', 'The sweep failed'), description: error.message });
    },
  });
  return (
    <ConfirmButton
      question={t('Chạy quét nhắc việc?', 'Run the sweep?')}
      description={t(
        'Ghi nhắc nhở, ban hành công văn và gửi thông báo của mọi ngày chưa quét, đến hôm nay.',
        'Records the reminders, issues the letters and sends the notices of every day not swept yet, up to today.',
      )}
      okText={t('Chạy', 'Run')}
      onConfirm={() => sweep.mutate()}
      type="primary"
      icon={<SyncOutlined />}
      loading={sweep.isPending}
    >
      {t('Chạy quét nhắc việc', 'Run the sweep')}
    </ConfirmButton>
  );
}
