import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { LocalDateSchema } from './common.ts';
import {
  CRITERION_NAME_MAX,
  CRITICISM_THRESHOLD_MAX,
  GRADE_LABEL_MAX,
  RULE_CODE_MAX,
  RULE_SET_NAME_MAX,
} from './limits.ts';

/**
 * Request and response bodies of chấm điểm (src/modules/scoring/scoring.routes.ts): the year's scores, the
 * commendation and criticism lists, and the rule sets (docs/domain-rules.md §7) the Office configures per year.
 */

/**
 * Xếp loại by rate (points ÷ max) — ours, not a regulation's (src/modules/scoring/default-rule-set.ts),
 * configurable per rule set: the default of a rule set's `grades`.
 */
export const DEFAULT_GRADES: { minRate: number; label: string }[] = [
  { minRate: 0.9, label: 'Tốt' },
  { minRate: 0.8, label: 'Khá' },
  { minRate: 0.65, label: 'Trung bình' },
  { minRate: 0, label: 'Yếu' },
];

/** Xếp loại of NĐ 335/2025/NĐ-CP by points out of 100 (the decree's grade names). */
export const ND335_GRADES: { min: number; label: string }[] = [
  { min: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
  { min: 70, label: 'Hoàn thành tốt nhiệm vụ' },
  { min: 50, label: 'Hoàn thành nhiệm vụ' },
  { min: 0, label: 'Không hoàn thành nhiệm vụ' },
];

/** Phê bình: from this many written reminders in a period (ours). */
export const DEFAULT_CRITICISM_THRESHOLD = 3;

const num = z.number().min(-1_000_000).max(1_000_000);

const code = z.string().trim().min(1).max(RULE_CODE_MAX);
const codeMap = z.record(code, num);

const base = {
  id: code,
  name: z.string().trim().min(1).max(CRITERION_NAME_MAX),
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
      .array(z.object({ min: num, label: z.string().trim().min(1).max(GRADE_LABEL_MAX) }))
      .min(1)
      .max(10),
  }),
]);

const fields = {
  name: z.string().trim().min(1).max(RULE_SET_NAME_MAX),
  criteria: z.array(CriterionSchema).min(1).max(20),
  grades: z
    .array(z.object({ minRate: num, label: z.string().trim().min(1).max(GRADE_LABEL_MAX) }))
    .min(1)
    .max(10)
    .default(DEFAULT_GRADES),
  exclude: z.array(code).max(200).default([]),
  /** biểu dương / phê bình lists the monitor (the Office) too; by default it is reported, not listed (docs/domain-rules.md §7) */
  listMonitor: z.boolean().optional(),
  criticismThreshold: z
    .number()
    .int()
    .min(-CRITICISM_THRESHOLD_MAX)
    .max(CRITICISM_THRESHOLD_MAX)
    .default(DEFAULT_CRITICISM_THRESHOLD),
};

/** A stored rule set. */
export const RuleSetSchema = z.object({ year: z.number().int().min(2000).max(2100), ...fields });

/** PUT /api/score-rule-sets/:year — the year comes from the path; `version` is the one read (null: create). */
export const RuleSetBodySchema = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  ...fields,
  version: z.number().int().min(1).max(1_000_000).nullable().optional(),
});

export const YearSchema = z.coerce.number().int().min(2000).max(2100);

export const CauseSchema = z.object({
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string(),
  remindedOn: z.string().optional(),
  doneOn: z.string().nullable().optional(),
  state: z.enum(ASSIGNMENT_STATES).optional(),
});

export const AgencyScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  max: z.number().describe('Điểm tối đa'),
  points: z.number().describe('Điểm'),
  rate: z.number().describe('Tỷ lệ đạt: points ÷ max'),
  grade: z.string().describe('Xếp loại'),
  reminders: z.number().describe('written reminders of the year'),
  due: z.number(),
  onTime: z.number(),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['per_reminder', 'rate_bands', 'nd335']),
      max: z.number(),
      points: z.number(),
      note: z.string().nullable(),
    }),
  ),
  lost: z.array(
    z.object({
      criterion: z.string(),
      points: z.number(),
      reason: z.string(),
      because: z.array(CauseSchema),
    }),
  ),
});

/** GET|PUT /api/score-rule-sets/:year; `version`: the stored row's, null for the default (PUT with null creates) */
export const RuleSetReplySchema = z.object({
  year: z.number(),
  source: z.enum(['configured', 'default']),
  version: z.number().nullable(),
  ruleSet: RuleSetSchema,
});

export const YearParams = z.object({ year: YearSchema });
export const ScoresQuery = z.object({ year: YearSchema });
export const CommendationsQuery = z.object({ from: LocalDateSchema, to: LocalDateSchema });

/** GET /api/scores?year= */
export const ScoresSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  provisional: z.boolean().describe('the year is not over: the scores may still change'),
  ruleSet: z.object({
    name: z.string(),
    source: z.enum(['configured', 'default']),
    version: z.number().nullable(),
    excluded: z.array(z.string()),
  }),
  agencies: z.array(AgencyScoreSchema),
});

/** GET /api/commendations?from=&to= */
export const CommendationsSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  provisional: z.boolean(),
  threshold: z.number().describe('phê bình from this many written reminders'),
  commended: z.array(z.object({ code: z.string(), name: z.string(), due: z.number() })),
  criticised: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      reminders: z.number(),
      because: z.array(CauseSchema),
    }),
  ),
});

export type Criterion = z.infer<typeof CriterionSchema>;
export type CriterionKind = Criterion['kind'];
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type GradeBand = RuleSet['grades'][number];
export type RuleSetInput = z.input<typeof RuleSetBodySchema>;
export type RuleSetReply = z.infer<typeof RuleSetReplySchema>;
/** A reminder or a task behind a point lost, or behind a criticism. */
export type Cause = z.infer<typeof CauseSchema>;
export type AgencyScore = z.infer<typeof AgencyScoreSchema>;
export type Scores = z.infer<typeof ScoresSchema>;
export type Commendations = z.infer<typeof CommendationsSchema>;
