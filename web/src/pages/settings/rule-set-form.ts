import type { Criterion, CriterionKind, RuleSet } from '../../../../src/shared/schemas/scoring.ts';

/**
 * The rule set as the form holds it: rates in percent (90, not 0.9) and the per-agency maps as rows
 * (agency code, value), converted back to the API's shape on save (src/modules/scoring/rule-set.ts).
 */
export interface AgencyValueRow {
  code?: string;
  value?: number;
}

export interface CriterionValues {
  kind: CriterionKind;
  id: string;
  name: string;
  max: number;
  deduction?: number;
  floor?: number;
  bands?: { minRate: number; points: number }[];
  maxByAgency?: AgencyValueRow[];
  general?: { max: number; points?: AgencyValueRow[] };
  results?: { max: number; deductionPerLateTask: number; deductionPerOverdueTask: number };
  grades?: { min: number; label: string }[];
}

export interface RuleSetValues {
  name: string;
  criteria: CriterionValues[];
  grades: { minRate: number; label: string }[];
  exclude: string[];
  criticismThreshold: number;
  /** biểu dương / phê bình list the Office too (docs/domain-rules.md §7) */
  listMonitor: boolean;
}

/** 0.9 → 90 (two decimals kept, no floating-point noise). */
export const toPercent = (rate: number) => Math.round(rate * 10_000) / 100;
const fromPercent = (percent: number) => Math.round(percent * 100) / 10_000;

const rows = (map: Record<string, number> | undefined): AgencyValueRow[] =>
  Object.entries(map ?? {}).map(([code, value]) => ({ code, value }));

function toMap(list: AgencyValueRow[] | undefined): Record<string, number> | undefined {
  const entries = (list ?? []).filter(
    (r): r is { code: string; value: number } => !!r?.code && typeof r.value === 'number',
  );
  return entries.length > 0 ? Object.fromEntries(entries.map((r) => [r.code, r.value])) : undefined;
}

export function toFormValues(ruleSet: RuleSet): RuleSetValues {
  return {
    name: ruleSet.name,
    criteria: ruleSet.criteria.map((c): CriterionValues => {
      if (c.kind === 'per_reminder') return { ...c, maxByAgency: rows(c.maxByAgency) };
      if (c.kind === 'rate_bands') {
        return {
          ...c,
          maxByAgency: rows(c.maxByAgency),
          bands: c.bands.map((b) => ({ minRate: toPercent(b.minRate), points: b.points })),
        };
      }
      return { ...c, general: { max: c.general.max, points: rows(c.general.points) } };
    }),
    grades: ruleSet.grades.map((g) => ({ minRate: toPercent(g.minRate), label: g.label })),
    exclude: ruleSet.exclude,
    criticismThreshold: ruleSet.criticismThreshold,
    listMonitor: ruleSet.listMonitor === true,
  };
}

export function fromFormValues(values: RuleSetValues): Omit<RuleSet, 'year'> {
  return {
    name: values.name,
    criteria: (values.criteria ?? []).map((c): Criterion => {
      const base = { id: c.id, name: c.name, max: c.max };
      if (c.kind === 'per_reminder') {
        const maxByAgency = toMap(c.maxByAgency);
        return {
          kind: 'per_reminder',
          ...base,
          deduction: c.deduction ?? 0,
          floor: c.floor ?? 0,
          ...(maxByAgency ? { maxByAgency } : {}),
        };
      }
      if (c.kind === 'rate_bands') {
        const maxByAgency = toMap(c.maxByAgency);
        return {
          kind: 'rate_bands',
          ...base,
          bands: (c.bands ?? []).map((b) => ({ minRate: fromPercent(b.minRate), points: b.points })),
          ...(maxByAgency ? { maxByAgency } : {}),
        };
      }
      const points = toMap(c.general?.points);
      return {
        kind: 'nd335',
        ...base,
        general: { max: c.general?.max ?? 0, ...(points ? { points } : {}) },
        results: c.results ?? { max: 0, deductionPerLateTask: 0, deductionPerOverdueTask: 0 },
        grades: c.grades ?? [],
      };
    }),
    grades: (values.grades ?? []).map((g) => ({ minRate: fromPercent(g.minRate), label: g.label })),
    exclude: values.exclude ?? [],
    criticismThreshold: values.criticismThreshold,
    ...(values.listMonitor ? { listMonitor: true } : {}),
  };
}

/** A new criterion of a kind, filled with the defaults dondoc ships (default-rule-set.ts). */
export function newCriterion(kind: CriterionKind, existing: CriterionValues[]): CriterionValues {
  const ids = new Set(existing.map((c) => c.id));
  const base = kind === 'per_reminder' ? 'nhac-nho' : kind === 'rate_bands' ? 'dung-han' : 'nd335';
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  switch (kind) {
    case 'per_reminder':
      return { kind, id, name: '', max: 2, deduction: 0.5, floor: 0, maxByAgency: [] };
    case 'rate_bands':
      return {
        kind,
        id,
        name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn',
        max: 2,
        bands: [
          { minRate: 100, points: 2 },
          { minRate: 80, points: 1 },
          { minRate: 0, points: 0 },
        ],
        maxByAgency: [],
      };
    case 'nd335':
      return {
        kind,
        id,
        name: 'Kết quả thực hiện nhiệm vụ (NĐ 335/2025/NĐ-CP)',
        max: 100,
        general: { max: 30, points: [] },
        results: { max: 70, deductionPerLateTask: 2, deductionPerOverdueTask: 5 },
        grades: [
          { min: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
          { min: 70, label: 'Hoàn thành tốt nhiệm vụ' },
          { min: 50, label: 'Hoàn thành nhiệm vụ' },
          { min: 0, label: 'Không hoàn thành nhiệm vụ' },
        ],
      };
  }
}
