import { Progress, Space, Tag, Typography } from 'antd';
import type { Counts } from '../../../../src/shared/schemas/plan.ts';
import {
  type AssignmentState,
  FOUR_STATES,
  STATE_COLORS,
  STATE_TAG_COLORS,
  stateLabel,
} from '../../lib/domain.ts';
import { useLang } from '../../lib/i18n.tsx';
import { doneOf } from './plan-state.ts';

/** An assignment state as a coloured tag with its Vietnamese (or English) label, never the raw code. */
export function StateTag({
  state,
  prefix,
  count,
}: {
  state: AssignmentState;
  prefix?: string;
  count?: number;
}) {
  const { lang } = useLang();
  return (
    <Tag color={STATE_TAG_COLORS[state]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {prefix ? `${prefix}: ` : ''}
      {stateLabel(state, lang)}
      {count !== undefined ? ` (${count})` : ''}
    </Tag>
  );
}

/** Done / total lead assignments as a thin bar with the figures, e.g. "12/111 lượt giao chủ trì đã xong" (§11). */
export function DoneBar({ counts, width = 160 }: { counts: Counts; width?: number }) {
  const { t } = useLang();
  const { done, total } = doneOf(counts);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const label = t(`${done}/${total} lượt giao chủ trì đã xong`, `${done}/${total} lead assignments done`);
  return (
    <div style={{ width, maxWidth: '100%' }}>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        strokeColor={STATE_COLORS.done_on_time}
        aria-label={label}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </div>
  );
}

/** The four states of §5 with their counts (only those above zero), as tags. */
export function StateCounts({ counts }: { counts: Counts }) {
  const { t } = useLang();
  const shown = [...FOUR_STATES, 'ongoing' as const, 'cancelled' as const].filter((s) => counts[s] > 0);
  if (shown.length === 0)
    return <Typography.Text type="secondary">{t('Chưa có việc', 'No work yet')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((state) => (
        <StateTag key={state} state={state} count={counts[state]} />
      ))}
    </Space>
  );
}

/** A coloured dot and label of a state, for legends. */
export function StateLegend({ states }: { states: readonly AssignmentState[] }) {
  const { lang } = useLang();
  return (
    <Space size={[12, 4]} wrap>
      {states.map((state) => (
        <span key={state} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
          <span
            aria-hidden
            style={{
              width: 10,
              height: 10,
              borderRadius: 2,
              background: STATE_COLORS[state],
              display: 'inline-block',
            }}
          />
          {stateLabel(state, lang)}
        </span>
      ))}
    </Space>
  );
}
