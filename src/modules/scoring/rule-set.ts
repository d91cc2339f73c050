import { z } from 'zod';
import { type Criterion, formatPercent, formatPoints, type RuleSet, round2 } from '../../domain/scoring.ts';
import { DEFAULT_CRITICISM_THRESHOLD, DEFAULT_GRADES } from './default-rule-set.ts';

/**
 * A scoring rule set as data (docs/domain-rules.md §7): the shape (zod) and the rules a shape cannot say
 * (`checkRuleSet`: maxima that add up, deductions not negative, bands in order without overlap).
 */
const num = z.number().min(-1_000_000).max(1_000_000);
const code = z.string().trim().min(1).max(50);
const codeMap = z.record(code, num);

const base = {
  id: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(300),
  max: num,
};

export const CriterionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('per_reminder'),
    ...base,
    maxByAgency: codeMap.optional(),
    deduction: num.describe('points off per written reminder'),
    floor: num.default(0),
  }),
  z.object({
    kind: z.literal('rate_bands'),
    ...base,
    maxByAgency: codeMap.optional(),
    bands: z
      .array(z.object({ minRate: num, points: num }))
      .min(1)
      .max(20),
  }),
  z.object({
    kind: z.literal('nd335'),
    ...base,
    general: z.object({
      max: num,
      points: codeMap.optional().describe('entered by the Office, by agency code'),
    }),
    results: z.object({ max: num, deductionPerLateTask: num, deductionPerOverdueTask: num }),
    grades: z
      .array(z.object({ min: num, label: z.string().trim().min(1).max(100) }))
      .min(1)
      .max(10),
  }),
]);

const fields = {
  name: z.string().trim().min(1).max(200),
  criteria: z.array(CriterionSchema).min(1).max(20),
  grades: z
    .array(z.object({ minRate: num, label: z.string().trim().min(1).max(100) }))
    .min(1)
    .max(10)
    .default(DEFAULT_GRADES),
  exclude: z.array(code).max(200).default([]),
  criticismThreshold: z.number().int().min(-1000).max(1000).default(DEFAULT_CRITICISM_THRESHOLD),
};

/** A stored rule set. */
export const RuleSetSchema = z.object({ year: z.number().int().min(2000).max(2100), ...fields });

/** PUT /api/score-rule-sets/:year — the year comes from the path; `version` is the one read (null: create). */
export const RuleSetBodySchema = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  ...fields,
  version: z.number().int().min(1).max(1_000_000).nullable().optional(),
});

/** What is wrong with a rule set, in Vietnamese; empty when it can be used. */
export function checkRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  const ids = ruleSet.criteria.map((c) => c.id);
  for (const id of new Set(ids)) {
    if (ids.filter((x) => x === id).length > 1) problems.push(`Mã tiêu chí "${id}" bị trùng.`);
  }
  if (ruleSet.criteria.some((c) => c.kind === 'nd335') && ruleSet.criteria.length > 1) {
    problems.push(
      'Bộ tiêu chí kiểu NĐ 335/2025/NĐ-CP (nd335) đã tính trên 100 điểm: không kèm tiêu chí khác.',
    );
  }
  for (const criterion of ruleSet.criteria) problems.push(...checkCriterion(criterion));
  problems.push(
    ...checkDescending(
      ruleSet.grades.map((g) => g.minRate),
      'Xếp loại theo tỷ lệ',
      true,
    ),
  );
  if (ruleSet.criticismThreshold < 1) {
    problems.push(`Ngưỡng phê bình phải từ 1 lần nhắc nhở trở lên (đang là ${ruleSet.criticismThreshold}).`);
  }
  return problems;
}

function checkCriterion(c: Criterion): string[] {
  const problems: string[] = [];
  const at = `Tiêu chí «${c.name}»`;
  const n = formatPoints;
  if (!(c.max > 0)) problems.push(`${at}: điểm tối đa phải lớn hơn 0 (đang là ${n(c.max)}).`);
  if (c.kind === 'per_reminder' || c.kind === 'rate_bands') {
    for (const [agency, max] of Object.entries(c.maxByAgency ?? {})) {
      if (!(max > 0))
        problems.push(`${at}: điểm tối đa riêng của ${agency} phải lớn hơn 0 (đang là ${n(max)}).`);
    }
  }
  if (c.kind === 'per_reminder') {
    if (c.deduction < 0) {
      problems.push(`${at}: số điểm trừ mỗi lần nhắc nhở không được âm (đang là ${n(c.deduction)}).`);
    }
    const maxima = [c.max, ...Object.values(c.maxByAgency ?? {})];
    if (c.floor < 0 || maxima.some((m) => c.floor > m)) {
      problems.push(`${at}: mức sàn ${n(c.floor)} phải từ 0 đến điểm tối đa (${maxima.map(n).join(', ')}).`);
    }
  } else if (c.kind === 'rate_bands') {
    problems.push(
      ...checkDescending(
        c.bands.map((b) => b.minRate),
        `${at}, các mức tỷ lệ`,
        false,
      ),
    );
    const top = c.bands[0];
    if (top && round2(top.points) !== round2(c.max)) {
      problems.push(
        `${at}: mức cao nhất (từ ${formatPercent(top.minRate)}) được ${n(top.points)} điểm, phải bằng điểm tối đa ${n(c.max)}.`,
      );
    }
    c.bands.forEach((band, i) => {
      const previous = c.bands[i - 1];
      if (band.points < 0 || band.points > c.max) {
        problems.push(
          `${at}: điểm của mức từ ${formatPercent(band.minRate)} (${n(band.points)}) phải từ 0 đến ${n(c.max)}.`,
        );
      } else if (previous && band.points > previous.points) {
        problems.push(`${at}: mức từ ${formatPercent(band.minRate)} được nhiều điểm hơn mức cao hơn nó.`);
      }
    });
  } else {
    const sum = round2(c.general.max + c.results.max);
    if (sum !== round2(c.max)) {
      problems.push(
        `${at}: các phần cộng lại không bằng điểm tối đa — phần đánh giá chung ${n(c.general.max)} + phần kết quả ${n(c.results.max)} = ${n(sum)}, điểm tối đa ${n(c.max)}.`,
      );
    }
    if (c.general.max < 0 || c.results.max < 0)
      problems.push(`${at}: điểm tối đa của từng phần không được âm.`);
    for (const [what, value] of [
      ['mỗi nhiệm vụ hoàn thành quá hạn', c.results.deductionPerLateTask],
      ['mỗi nhiệm vụ quá hạn chưa hoàn thành', c.results.deductionPerOverdueTask],
    ] as const) {
      if (value < 0) problems.push(`${at}: số điểm trừ ${what} không được âm (đang là ${n(value)}).`);
    }
    for (const [agency, points] of Object.entries(c.general.points ?? {})) {
      if (points < 0 || points > c.general.max) {
        problems.push(
          `${at}: điểm đánh giá chung của ${agency} (${n(points)}) phải từ 0 đến ${n(c.general.max)}.`,
        );
      }
    }
    const mins = c.grades.map((g) => g.min);
    problems.push(
      ...checkDescending(
        mins.map((m) => m / (c.max || 1)),
        `${at}, các mức xếp loại`,
        true,
      ),
    );
    if (mins.some((m) => m < 0 || m > c.max))
      problems.push(`${at}: ngưỡng xếp loại phải từ 0 đến ${n(c.max)}.`);
  }
  return problems;
}

/** Thresholds (rates 0…1) strictly descending, none equal (overlapping); optionally the last at 0. */
function checkDescending(rates: number[], what: string, lastAtZero: boolean): string[] {
  const problems: string[] = [];
  if (rates.some((r) => r < 0 || r > 1)) problems.push(`${what}: mỗi ngưỡng phải từ 0% đến 100%.`);
  for (let i = 1; i < rates.length; i++) {
    const a = rates[i - 1] as number;
    const b = rates[i] as number;
    if (a === b) problems.push(`${what}: hai mức cùng ngưỡng ${formatPercent(a)} (chồng lấn).`);
    else if (a < b) {
      problems.push(
        `${what}: phải xếp theo ngưỡng giảm dần (${formatPercent(a)} đứng trước ${formatPercent(b)}).`,
      );
    }
  }
  const last = rates[rates.length - 1];
  if (lastAtZero && last !== undefined && last !== 0) {
    problems.push(
      `${what}: mức cuối cùng phải từ 0% để mọi cơ quan đều được xếp loại (đang từ ${formatPercent(last)}).`,
    );
  }
  return problems;
}
