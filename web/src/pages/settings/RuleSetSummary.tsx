import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { Criterion, RuleSet } from '../../../../src/shared/schemas/scoring.ts';
import { formatNumber, formatRate } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';

const KIND_LABELS: Record<Criterion['kind'], [string, string]> = {
  per_reminder: ['Trừ điểm theo số lần nhắc nhở', 'Points off per reminder'],
  rate_bands: ['Theo tỷ lệ hoàn thành đúng hạn', 'By on-time rate'],
  nd335: ['Kiểu NĐ 335/2025/NĐ-CP', 'NĐ 335/2025 style'],
};

export function kindLabel(kind: Criterion['kind'], t: (vi: string, en: string) => string): string {
  const [vi, en] = KIND_LABELS[kind];
  return t(vi, en);
}

/** A year's rule set in plain sentences: what each criterion is worth and how points are lost. */
export function RuleSetSummary({
  ruleSet,
  agencyName,
}: {
  ruleSet: RuleSet;
  agencyName: (code: string) => string;
}) {
  const { t, lang } = useLang();
  const n = (value: number) => formatNumber(value, lang);
  const pct = (rate: number) => formatRate(rate, lang);
  const perAgency = (map: Record<string, number> | undefined, what: [string, string]) => {
    const entries = Object.entries(map ?? {});
    if (entries.length === 0) return null;
    return (
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t(what[0], what[1])}: {entries.map(([code, value]) => `${agencyName(code)} ${n(value)}`).join('; ')}
      </Typography.Paragraph>
    );
  };
  const hasNd335 = ruleSet.criteria.some((c) => c.kind === 'nd335');
  const total = ruleSet.criteria.reduce((sum, c) => sum + c.max, 0);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {ruleSet.criteria.map((c) => (
        <Card
          key={c.id}
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{c.name}</span>}
          data-testid={`criterion-${c.id}`}
        >
          <Tag style={{ marginBottom: 8 }}>{kindLabel(c.kind, t)}</Tag>
          {c.kind === 'per_reminder' && (
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t(
                  `Tối đa ${n(c.max)} điểm; trừ ${n(c.deduction)} điểm cho mỗi lần bị nhắc nhở bằng văn bản trong năm, thấp nhất còn ${n(c.floor)} điểm.`,
                  `Up to ${n(c.max)} points; ${n(c.deduction)} off per written reminder of the year, never below ${n(c.floor)}.`,
                )}
              </Typography.Paragraph>
              {perAgency(c.maxByAgency, ['Điểm tối đa riêng', 'Own maxima'])}
            </>
          )}
          {c.kind === 'rate_bands' && (
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t(
                  `Tối đa ${n(c.max)} điểm, theo tỷ lệ nhiệm vụ chủ trì hoàn thành đúng hạn trong năm:`,
                  `Up to ${n(c.max)} points, by the on-time rate of the year's lead assignments:`,
                )}
              </Typography.Paragraph>
              <ul style={{ margin: '0 0 4px', paddingInlineStart: 18 }}>
                {c.bands.map((b) => (
                  <li key={b.minRate}>
                    {t(
                      `từ ${pct(b.minRate)}: ${n(b.points)} điểm`,
                      `from ${pct(b.minRate)}: ${n(b.points)} points`,
                    )}
                  </li>
                ))}
              </ul>
              {perAgency(c.maxByAgency, ['Điểm tối đa riêng', 'Own maxima'])}
            </>
          )}
          {c.kind === 'nd335' && (
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t(
                  `Tổng ${n(c.max)} điểm = đánh giá chung ${n(c.general.max)} điểm (Văn phòng chấm) + kết quả thực hiện ${n(c.results.max)} điểm. Phần kết quả trừ ${n(c.results.deductionPerLateTask)} điểm mỗi nhiệm vụ hoàn thành quá hạn và ${n(c.results.deductionPerOverdueTask)} điểm mỗi nhiệm vụ quá hạn chưa hoàn thành.`,
                  `${n(c.max)} points = general assessment ${n(c.general.max)} (scored by the Office) + results ${n(c.results.max)}. Results lose ${n(c.results.deductionPerLateTask)} per task done late and ${n(c.results.deductionPerOverdueTask)} per task still overdue.`,
                )}
              </Typography.Paragraph>
              <ul style={{ margin: '0 0 4px', paddingInlineStart: 18 }}>
                {c.grades.map((g) => (
                  <li key={g.min}>
                    {t(`từ ${n(g.min)} điểm: ${g.label}`, `from ${n(g.min)} points: ${g.label}`)}
                  </li>
                ))}
              </ul>
              {perAgency(c.general.points, ['Điểm đánh giá chung đã nhập', 'General points entered'])}
            </>
          )}
        </Card>
      ))}
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: '40%' } }}
        items={[
          ...(ruleSet.criteria.length > 1
            ? [{ key: 'total', label: t('Tổng điểm tối đa', 'Total maximum'), children: n(total) }]
            : []),
          ...(hasNd335
            ? []
            : [
                {
                  key: 'grades',
                  label: t('Xếp loại theo tỷ lệ điểm đạt', 'Grades by rate'),
                  children: ruleSet.grades
                    .map((g) => t(`từ ${pct(g.minRate)}: ${g.label}`, `from ${pct(g.minRate)}: ${g.label}`))
                    .join('; '),
                },
              ]),
          {
            key: 'exclude',
            label: t('Không chấm điểm', 'Not scored'),
            children:
              ruleSet.exclude.length > 0
                ? ruleSet.exclude.map(agencyName).join('; ')
                : t('Chấm tất cả cơ quan, đơn vị', 'Every agency is scored'),
          },
          {
            key: 'criticism',
            label: t('Phê bình', 'Criticism'),
            children:
              t(
                `Cơ quan bị nhắc nhở bằng văn bản từ ${ruleSet.criticismThreshold} lần trở lên trong kỳ`,
                `Agencies with ${ruleSet.criticismThreshold} or more written reminders in the period`,
              ) +
              (ruleSet.listMonitor
                ? ''
                : t(
                    '; Văn phòng (cơ quan theo dõi) không tự đề xuất biểu dương, phê bình',
                    '; the Office (the monitor) does not list itself for commendation or criticism',
                  )),
          },
        ]}
      />
    </Space>
  );
}
