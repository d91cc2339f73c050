import { Space, Typography } from 'antd';
import type { ReportData } from '../../../src/shared/schemas/report.ts';
import { FOUR_STATES, STATE_COLORS, stateLabel } from '../lib/domain.ts';
import { formatNumber, formatRate } from '../lib/format.ts';
import { useLang } from '../lib/i18n.tsx';

/**
 * The report's figures: the four states (open and overdue is the overdue list of the report), of the
 * open ones on time those due after the period, the on-time rate, written reminders; obstacles and
 * extensions in a line.
 */
export function Figures({
  data,
}: {
  data: Pick<ReportData, 'totals' | 'reminders' | 'obstacles' | 'extensions'>;
}) {
  const { t, lang } = useLang();
  const { counts, onTimeRate } = data.totals;
  const tiles: { key: string; label: string; value: string; color?: string }[] = [
    {
      key: 'total',
      label: t('Tổng số lượt giao chủ trì', 'Lead assignments'),
      value: formatNumber(counts.total, lang),
    },
    ...FOUR_STATES.map((state) => ({
      key: state,
      label: stateLabel(state, lang),
      value: formatNumber(counts[state], lang),
      color: STATE_COLORS[state],
    })),
    {
      // docs/domain-rules.md §8: open and on time, due after the period (the report's “chưa đến hạn”)
      key: 'not_yet_due',
      label: t('Trong đó chưa đến hạn (hạn sau kỳ)', 'Of which not yet due (after the period)'),
      value: formatNumber(data.totals.categories.not_yet_due, lang),
    },
    { key: 'rate', label: t('Tỷ lệ đúng hạn', 'On-time rate'), value: formatRate(onTimeRate, lang) },
    {
      key: 'reminders',
      label: t('Nhắc nhở bằng văn bản', 'Written reminders'),
      value: formatNumber(counts.reminders, lang),
    },
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div
        data-testid="report-figures"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 8 }}
      >
        {tiles.map((tile) => (
          <div
            key={tile.key}
            data-testid={`report-${tile.key}`}
            style={{
              padding: '8px 10px',
              border: '1px solid #f0f0f0',
              borderTop: `3px solid ${tile.color ?? '#434343'}`,
              borderRadius: 6,
            }}
          >
            <div style={{ fontSize: 12, color: '#595959', minHeight: 34 }}>{tile.label}</div>
            <div style={{ fontSize: 22, fontWeight: 600, color: tile.color }}>{tile.value}</div>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(
          `${counts.due_on_time} hoàn thành đúng hạn trong số ${counts.due} lượt giao chủ trì đã đến hạn; ${data.obstacles.length} khó khăn, vướng mắc; ${data.extensions.length} đề nghị gia hạn.`,
          `${counts.due_on_time} done on time of ${counts.due} due; ${data.obstacles.length} obstacles; ${data.extensions.length} extension requests.`,
        )}
      </Typography.Text>
    </Space>
  );
}
