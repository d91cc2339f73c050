import { describe, expect, it } from 'vitest';
import type { Criterion, RuleSet } from '../../domain/scoring.ts';
import { defaultRuleSet, nd335RuleSet, SEED_CRITERION_NAME } from './default-rule-set.ts';
import { checkRuleSet, RuleSetSchema } from './rule-set.ts';

const withCriteria = (...criteria: Criterion[]): RuleSet => ({ ...defaultRuleSet(2021), criteria });

describe('rule sets', () => {
  it('accepts the default (2 points, −0.5 per reminder, floor 0) and the NĐ 335 template', () => {
    const rules = defaultRuleSet(2021);
    expect(rules.criteria).toEqual([
      { kind: 'per_reminder', id: 'nhac-nho', name: SEED_CRITERION_NAME, max: 2, deduction: 0.5, floor: 0 },
    ]);
    expect(rules.exclude).toEqual([]);
    expect(checkRuleSet(rules)).toEqual([]);
    expect(checkRuleSet(nd335RuleSet(2021))).toEqual([]);
    expect(RuleSetSchema.parse(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it('refuses an NĐ 335 set whose parts do not add up to its maximum, naming the numbers', () => {
    const [nd] = nd335RuleSet(2021).criteria;
    if (nd?.kind !== 'nd335') throw new Error('template');
    const problems = checkRuleSet(withCriteria({ ...nd, results: { ...nd.results, max: 60 } }));
    expect(problems).toEqual([
      'Tiêu chí «Kết quả thực hiện nhiệm vụ (NĐ 335/2025/NĐ-CP)»: các phần cộng lại không bằng điểm tối đa — ' +
        'phần đánh giá chung 30 + phần kết quả 60 = 90, điểm tối đa 100.',
    ]);
  });

  it('refuses negative deductions, a floor above the maximum, and general points out of range', () => {
    const negative = checkRuleSet(
      withCriteria({ kind: 'per_reminder', id: 'a', name: 'A', max: 2, deduction: -0.5, floor: 3 }),
    );
    expect(negative).toEqual([
      'Tiêu chí «A»: số điểm trừ mỗi lần nhắc nhở không được âm (đang là -0,5).',
      'Tiêu chí «A»: mức sàn 3 phải từ 0 đến điểm tối đa (2).',
    ]);
    const [nd] = nd335RuleSet(2021).criteria;
    if (nd?.kind !== 'nd335') throw new Error('template');
    const general = checkRuleSet(
      withCriteria({
        ...nd,
        general: { max: 30, points: { STP: 31 } },
        results: { ...nd.results, deductionPerOverdueTask: -1 },
      }),
    );
    expect(general.join('\n')).toContain('quá hạn chưa hoàn thành không được âm (đang là -1)');
    expect(general.join('\n')).toContain('điểm đánh giá chung của STP (31) phải từ 0 đến 30');
  });

  it('refuses overlapping or unordered bands and a top band below the maximum', () => {
    const bandProblems = (bands: { minRate: number; points: number }[]) =>
      checkRuleSet(withCriteria({ kind: 'rate_bands', id: 'b', name: 'B', max: 2, bands }));
    expect(
      bandProblems([
        { minRate: 1, points: 2 },
        { minRate: 0.8, points: 1.5 },
        { minRate: 0.8, points: 1 },
      ]),
    ).toEqual(['Tiêu chí «B», các mức tỷ lệ: hai mức cùng ngưỡng 80% (chồng lấn).']);
    expect(
      bandProblems([
        { minRate: 0.5, points: 2 },
        { minRate: 0.9, points: 1 },
      ]),
    ).toEqual(['Tiêu chí «B», các mức tỷ lệ: phải xếp theo ngưỡng giảm dần (50% đứng trước 90%).']);
    expect(
      bandProblems([
        { minRate: 1, points: 1.5 },
        { minRate: 0, points: 2 },
      ]),
    ).toEqual([
      'Tiêu chí «B»: mức cao nhất (từ 100%) được 1,5 điểm, phải bằng điểm tối đa 2.',
      'Tiêu chí «B»: mức từ 0% được nhiều điểm hơn mức cao hơn nó.',
    ]);
  });

  it('refuses grades that leave agencies ungraded, duplicate ids, nd335 mixed with others, a zero threshold', () => {
    const rules: RuleSet = {
      ...defaultRuleSet(2021),
      criteria: [...defaultRuleSet(2021).criteria, ...defaultRuleSet(2021).criteria],
      grades: [{ minRate: 0.5, label: 'Đạt' }],
      criticismThreshold: 0,
    };
    expect(checkRuleSet(rules)).toEqual([
      'Mã tiêu chí "nhac-nho" bị trùng.',
      'Xếp loại theo tỷ lệ: mức cuối cùng phải từ 0% để mọi cơ quan đều được xếp loại (đang từ 50%).',
      'Ngưỡng phê bình phải từ 1 lần nhắc nhở trở lên (đang là 0).',
    ]);
    const mixed = withCriteria(...nd335RuleSet(2021).criteria, {
      ...defaultRuleSet(2021).criteria[0],
    } as Criterion);
    expect(checkRuleSet(mixed)[0]).toContain('không kèm tiêu chí khác');
  });
});
