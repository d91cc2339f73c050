import { Select } from 'antd';
import type { LeaderList } from '../../../../src/shared/schemas/plan.ts';
import { useT } from '../../lib/i18n.tsx';

/**
 * Lãnh đạo phụ trách (docs/domain-rules.md §10): the overseers narrow the work list to one leader's
 * tasks. Loaded apart from InboxPage: an agency, who has no such choice, does not download antd's Select.
 */
export default function LeaderFilter({
  leaders,
  value,
  onChange,
}: {
  leaders: LeaderList['items'];
  value: number | undefined;
  onChange: (id: number | undefined) => void;
}) {
  const t = useT();
  return (
    <Select<number>
      value={value ?? 0}
      onChange={(id) => onChange(id || undefined)}
      aria-label={t('Lãnh đạo phụ trách', 'Leader in charge')}
      style={{ width: 240 }}
      options={[
        { value: 0, label: t('Mọi lãnh đạo phụ trách', 'Any leader in charge') },
        ...leaders.map((l) => ({ value: l.id, label: l.displayName })),
      ]}
    />
  );
}
