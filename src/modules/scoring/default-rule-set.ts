import type { RuleSet } from '../../domain/scoring.ts';
import { DEFAULT_CRITICISM_THRESHOLD, DEFAULT_GRADES, ND335_GRADES } from '../../shared/schemas/scoring.ts';

/**
 * The rule set used for a year the Office has not configured (PUT /api/score-rule-sets/:year).
 *
 * THESE NUMBERS ARE OURS, NOT A REGULATION'S. Kế hoạch 87/KH-UBND only says that each overdue task
 * counts as one written reminder for the annual CCHC score under the criterion named below; how many
 * points the criterion is worth and how much a reminder costs are set each year by the province. We
 * chose: 2 points, minus 0.5 per written reminder, never below 0 — change them per authority and year.
 *
 * Every provincial department and district committee is scored, the Office (VP) included: 29 agencies
 * with the 2021 Tây Ninh directory. To leave the monitor out, configure `exclude: ['VP']`.
 */
export const SEED_CRITERION_NAME =
  'Thực hiện các nhiệm vụ được Chủ tịch, UBND tỉnh giao bằng văn bản liên quan đến công tác CCHC';

export function defaultRuleSet(year: number): RuleSet {
  return {
    year,
    name: 'Bộ tiêu chí mặc định (số liệu của dondoc, chưa theo văn bản)',
    criteria: [
      {
        kind: 'per_reminder',
        id: 'nhac-nho',
        name: SEED_CRITERION_NAME,
        max: 2,
        deduction: 0.5,
        floor: 0,
      },
    ],
    grades: DEFAULT_GRADES,
    exclude: [],
    criticismThreshold: DEFAULT_CRITICISM_THRESHOLD,
  };
}

/**
 * A starting point in the NĐ 335/2025/NĐ-CP style (100 points: 30 general, 70 results). The grade
 * names follow the decree; the deductions per task (2 for a late one, 5 for one still overdue at the
 * end of the year) are OURS, to be set by the province.
 */
export function nd335RuleSet(year: number): RuleSet {
  return {
    ...defaultRuleSet(year),
    name: 'Đánh giá theo Nghị định 335/2025/NĐ-CP (mức trừ điểm của dondoc)',
    criteria: [
      {
        kind: 'nd335',
        id: 'nd335',
        name: 'Kết quả thực hiện nhiệm vụ (NĐ 335/2025/NĐ-CP)',
        max: 100,
        general: { max: 30 },
        results: { max: 70, deductionPerLateTask: 2, deductionPerOverdueTask: 5 },
        grades: ND335_GRADES,
      },
    ],
  };
}
