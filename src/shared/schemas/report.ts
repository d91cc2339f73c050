import { z } from 'zod';
import { AGEING_BUCKETS } from '../../domain/state.ts';
import { AgencyRefSchema, AsOfSchema, IdSchema, IdTextSchema, LocalDateSchema } from './common.ts';
import { ExtensionSchema } from './extension.ts';
import { ObstacleSchema } from './obstacle.ts';
import { StatItemSchema, StatSummarySchema } from './statistics.ts';

/**
 * The contracts of the report to the Chairman (src/modules/reports/reports.routes.ts): the period, the
 * report as JSON, its draft (what the Office writes before exporting it) and the draft's reply.
 */

const Text = (max: number) => z.string().max(max);

/**
 * What the Office may write into a report (docs/domain-rules.md §8), every field optional: a missing one
 * takes the default (src/modules/reports/report-draft.ts).
 */
export const ReportDraftSchema = z.strictObject({
  /** the number in 'Số: 15/BC-VP'; '' leaves the blank the văn thư fills in when registering it */
  number: Text(20).regex(/^\d*$/u, 'Số báo cáo chỉ gồm chữ số (để trống nếu chưa cấp số).').optional(),
  /** the date printed under the Quốc hiệu; default the report's as-of date */
  issuedOn: LocalDateSchema.nullable().optional(),
  /** 'Kính gửi: …' */
  addressee: Text(300).optional(),
  signer: z
    .strictObject({ authority: Text(100), title: Text(100), name: Text(100) })
    .partial()
    .optional(),
  /** Nơi nhận, one line each; '- Lưu: VT, VP.' is added when missing */
  recipients: z.array(Text(200).min(1)).max(30).optional(),
  /** Đánh giá chung: the Office's assessment, printed under the totals */
  overview: Text(20_000).optional(),
  /** Nhận xét về khó khăn, vướng mắc, printed after the obstacles list */
  obstacles: Text(20_000).optional(),
  /** Đề xuất, kiến nghị */
  proposals: Text(20_000).optional(),
  /** Nhiệm vụ trọng tâm thời gian tới */
  nextSteps: Text(20_000).optional(),
});

export type ReportDraftInput = z.infer<typeof ReportDraftSchema>;

export const ReportPeriodSchema = z.object({
  from: LocalDateSchema.describe('period start: the report counts every assignment in force in the period'),
  to: LocalDateSchema.describe('period end: assigned, due or still open in the period'),
  planId: IdTextSchema.optional().describe('one plan; default every plan of the authority'),
});

const GroupSchema = StatSummarySchema.extend({ id: z.number(), code: z.string(), name: z.string() });
/** The report's categories (src/modules/reports/report-categories.ts, docs/domain-rules.md §8). */
const CategoriesSchema = z
  .object({
    done_on_time: z.number(),
    done_late: z.number(),
    open_on_time: z.number(),
    open_overdue: z.number(),
    not_yet_due: z.number(),
    ongoing: z.number(),
  })
  .describe(
    'hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, đang thực hiện quá hạn, chưa đến hạn (due after the period), thường xuyên',
  );
/** The draft as the report prints it: every field filled (the saved text or the default). */
export const EffectiveDraftSchema = z.object({
  number: z.string(),
  issuedOn: z.string().nullable(),
  addressee: z.string(),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipients: z.array(z.string()),
  overview: z.string(),
  obstacles: z.string(),
  proposals: z.string(),
  nextSteps: z.string(),
});
const CauseSchema = z.object({
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string(),
  remindedOn: z.string().optional(),
});

export const ReportSchema = z.object({
  authority: z.object({ id: z.number(), name: z.string(), place: z.string() }),
  issuer: z.object({ parent: z.string(), name: z.string(), place: z.string() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  plan: z.object({ id: z.number(), number: z.string(), issuedOn: z.string(), title: z.string() }).nullable(),
  totals: StatSummarySchema.extend({ categories: CategoriesSchema }),
  agencies: z
    .array(GroupSchema.extend({ categories: CategoriesSchema, isMonitor: z.boolean() }))
    .describe('one row per agency, the most overdue first'),
  plans: z.array(GroupSchema.extend({ categories: CategoriesSchema, issuedOn: z.string().nullable() })),
  overdue: z.array(
    StatItemSchema.extend({
      daysOverdue: z.number(),
      age: z.enum(AGEING_BUCKETS),
      /** lãnh đạo phụ trách of the task (docs/domain-rules.md §10) */
      leader: z.string().nullable(),
    }),
  ),
  ageing: z.object(
    Object.fromEntries(AGEING_BUCKETS.map((b) => [b, z.number()])) as Record<
      (typeof AGEING_BUCKETS)[number],
      z.ZodNumber
    >,
  ),
  reminders: z.array(StatItemSchema),
  obstacles: z.array(ObstacleSchema),
  extensions: z.array(ExtensionSchema),
  commendations: z.object({
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    provisional: z.boolean(),
    threshold: z.number(),
    commended: z.array(z.object({ code: z.string(), name: z.string(), due: z.number() })),
    criticised: z.array(
      z.object({ code: z.string(), name: z.string(), reminders: z.number(), because: z.array(CauseSchema) }),
    ),
  }),
  periodic: z
    .object({
      items: z.array(
        z.object({
          assignmentId: z.number(),
          agency: AgencyRefSchema,
          plan: z.string(),
          task: z.object({ ref: z.string(), content: z.string() }),
          owed: z.array(z.string()).describe('reporting periods (YYYY-MM) the report covers for it'),
          missing: z.array(z.string()).describe('of those, the ones without an accepted periodic result'),
        }),
      ),
      reported: z.number().describe('ongoing assignments with every period reported'),
      missing: z.number().describe('ongoing assignments with a period not reported (chưa báo cáo kỳ này)'),
    })
    .describe('Thường xuyên: periodic results per ongoing lead assignment (§8, issue #14 §4)'),
  draft: EffectiveDraftSchema,
  draftVersion: z.number().nullable(),
});

export const DraftReplySchema = z.object({
  from: z.string(),
  to: z.string(),
  planId: z.number().nullable(),
  version: z.number().nullable().describe('null while nothing is saved (the defaults are shown)'),
  updatedBy: z.string().nullable(),
  draft: EffectiveDraftSchema,
});

export const ReportQuerySchema = ReportPeriodSchema.extend({
  asOf: AsOfSchema.describe(
    'a date YYYY-MM-DD or an instant; default the end of the period, or today while it runs',
  ),
  format: z.enum(['json', 'docx', 'xlsx', 'pdf']).default('json'),
});

export const DraftBodySchema = z.strictObject({ version: IdSchema.nullable(), draft: ReportDraftSchema });

export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;
export type ReportData = z.infer<typeof ReportSchema>;
export type EffectiveDraft = z.infer<typeof EffectiveDraftSchema>;
export type DraftReply = z.infer<typeof DraftReplySchema>;
