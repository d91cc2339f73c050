import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { DecisionSettingsTab } from './DecisionSettingsTab.tsx';
import { LetterSettingsTab } from './LetterSettingsTab.tsx';
import { OutboxTab } from './OutboxTab.tsx';
import { RuleSetTab } from './RuleSetTab.tsx';

const TABS = ['cong-van', 'hop-thu', 'cham-diem', 'lich', 'gia-han'] as const;
type Tab = (typeof TABS)[number];

/**
 * Cấu hình nhắc việc — what the follow-up engine uses: the reminder letter's settings (issuer, number
 * symbol, signer, Nơi nhận), the e-mail outbox (admins put failed messages back in the queue), and the
 * scoring rule set of each year. The Office and admins; the tab is kept in `?tab=`.
 */
export default function SettingsPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // the outbox is read with the sweep's right (the Office and admins)
  const showOutbox = can('reminder.issue') || can('outbox.manage');
  const visible = TABS.filter((tab) => tab !== 'hop-thu' || showOutbox);
  const tabParam = params.get('tab') ?? '';
  const tab: Tab = (visible as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'cong-van';

  return (
    <>
      <PageHeader
        title={t('Cấu hình nhắc việc', 'Follow-up settings')}
        subtitle={t(
          'Công văn đôn đốc, hộp thư gửi đi và bộ tiêu chí chấm điểm từng năm',
          'Reminder letters, the e-mail outbox and the scoring rules of each year',
        )}
      />
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'cong-van',
            label: t('Công văn đôn đốc', 'Reminder letter'),
            children: <LetterSettingsTab />,
          },
          ...(showOutbox
            ? [{ key: 'hop-thu', label: t('Hộp thư gửi đi', 'Outbox'), children: <OutboxTab /> }]
            : []),
          {
            key: 'cham-diem',
            label: t('Quy tắc chấm điểm', 'Scoring rules'),
            children: <RuleSetTab />,
          },
          { key: 'lich', label: t('Lịch làm việc', 'Working calendar'), children: <CalendarTab /> },
          {
            key: 'gia-han',
            label: t('Quyết định gia hạn', 'Extension decisions'),
            children: <DecisionSettingsTab />,
          },
        ]}
      />
    </>
  );
}
