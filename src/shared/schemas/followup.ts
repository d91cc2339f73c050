import { z } from 'zod';
import { LETTER_FORMS } from '../letter-forms.ts';
import { IdParamsSchema, LocalDateSchema, PageQuerySchema, pageOf } from './common.ts';
import {
  LETTER_CONSEQUENCE_MAX,
  LETTER_LINE_MAX,
  LETTER_RECIPIENTS_MAX,
  LETTER_SYMBOL_MAX,
  REPORT_WITHIN_DAYS_MAX,
} from './limits.ts';

/**
 * Request and response bodies of theo dõi, đôn đốc (src/modules/followup/followup*.routes.ts): notifications,
 * reminder letters, the sweep, the letter's settings and the e-mail outbox.
 */

export const FollowupIdParams = IdParamsSchema;

export const NotificationsQuery = z
  .object({ unread: z.enum(['true', 'false']).optional().describe('true: only unread') })
  .extend(PageQuerySchema.shape);

export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.enum(['notice', 'reminder', 'digest', 'escalation', 'overdue_list']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  assignmentId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationsPageSchema = pageOf(NotificationSchema).extend({ unread: z.number() });

export const NotificationReadSchema = z.object({ id: z.number(), readAt: z.string() });

export const NotificationsReadAllSchema = z.object({
  read: z.number().describe('how many of my unread notifications this marked read'),
});

export const LettersQuery = z
  .object({ year: z.coerce.number().int().min(1900).max(2200).optional() })
  .extend(PageQuerySchema.shape);

export const LetterSchema = z.object({
  id: z.number(),
  /** correction: tells an agency that reminders of an issued letter were withdrawn (§6.1) */
  kind: z.enum(['reminder', 'correction']),
  /** draft until the Office registers it with its number and date (POST /letters/{id}/register) */
  status: z.enum(['draft', 'issued']),
  year: z.number(),
  /** the outgoing register's number; null on a draft or when left for the văn thư */
  number: z.number().nullable(),
  /** 'Số: 04/VP-KSTT', 'Số:       /VP-KSTT' without a number */
  numberLine: z.string(),
  issuedOn: z.string().nullable(),
  /** the day of the reminders it carries (the sweep day) */
  sweepDay: z.string(),
  /** Kính gửi: the agencies it is addressed to */
  agencies: z.array(z.object({ code: z.string(), name: z.string() })),
  /** a correction notice: the letter it corrects */
  correctsId: z.number().nullable(),
  fileName: z.string(),
  tasks: z.array(
    z.object({
      agency: z.string(),
      plan: z.string(),
      task: z.string(),
      dueOn: z.string(),
      /** the reminder was withdrawn (a result received by the deadline, accepted later): not counted */
      withdrawnAt: z.string().nullable(),
      withdrawnReason: z.string().nullable(),
    }),
  ),
});

/** POST /letters/{id}/register: the number in the outgoing register (null: left for the văn thư) and the date */
export const LetterRegisterBody = z.object({
  number: z
    .number()
    .int()
    .min(1)
    .max(999_999)
    .nullable()
    .describe('số trong sổ văn bản đi; null để văn thư ghi'),
  issuedOn: LocalDateSchema.describe('ngày ban hành (YYYY-MM-DD)'),
});

export const LetterRegisterReplySchema = z.object({
  id: z.number(),
  status: z.literal('issued'),
  numberLine: z.string(),
  issuedOn: z.string(),
  fileName: z.string(),
});

export const LettersPageSchema = pageOf(LetterSchema);

export const SweepBody = z
  .object({
    asOf: z
      .string()
      .max(40)
      .optional()
      .describe('a date YYYY-MM-DD or an instant with offset; default today in the authority’s zone'),
  })
  .default({});

export const SweepResultSchema = z.object({
  authority: z.string(),
  asOf: z.string(),
  days: z.array(z.string()),
  reminders: z.number(),
  letters: z.number(),
  notifications: z.number(),
  emails: z.number(),
});

const Text = z.string().trim().max(LETTER_LINE_MAX);

/**
 * The reminder letter's per-authority settings, kept in `authority.settings.letters` (jsonb):
 * issuer block, number symbol, signer, "Nơi nhận", the consequence sentence and the report delay.
 * Everything is optional; what is missing takes the defaults of `letterSettingsOf`. The same schema
 * validates the stored value, PUT /api/settings/letters and `dondoc settings letters`.
 */
export const LetterSettingsSchema = z
  .object({
    /** docs/domain-rules.md §6.1: the Office's own letter (default) or the UBND's, and who signs it */
    form: z
      .enum(LETTER_FORMS)
      .optional()
      .describe('office: công văn của Văn phòng (mặc định); ubnd-tl: TL. Chủ tịch; ubnd-kt: KT. Chủ tịch'),
    /** the drafting division: 'KSTT' → 'Số: …/VP-KSTT' and 'Lưu: VT, KSTT.' */
    division: z
      .string()
      .trim()
      .min(1)
      .max(LETTER_SYMBOL_MAX)
      .regex(/^[\p{L}\p{N}.]+$/u, 'chỉ gồm chữ, số và dấu chấm, ví dụ KSTT')
      .optional()
      .describe('phòng soạn thảo: "KSTT" → "Số: …/VP-KSTT", "Lưu: VT, KSTT."'),
    /** one letter a day to every agency concerned (default), or one letter per agency */
    combined: z.boolean().optional().describe('true (mặc định): một công văn gửi nhiều cơ quan mỗi ngày'),
    /** the Office's agency code: its overdue tasks are reported internally, not by letter */
    officeAgency: z
      .string()
      .trim()
      .min(1)
      .max(LETTER_SYMBOL_MAX)
      .optional()
      .describe('mã cơ quan của Văn phòng (mặc định "VP"): Văn phòng không tự gửi công văn cho mình'),
    /** whether the written reminder of the Office's own overdue task counts (default true; docs/domain-rules.md §6.1) */
    officeRemindersCount: z
      .boolean()
      .optional()
      .describe(
        'true (mặc định): lần nhắc nhở của nhiệm vụ do Văn phòng chủ trì quá hạn được tính (thống kê, chấm điểm)',
      ),
    issuer: z
      .object({ parent: Text, name: Text.min(1), place: Text.min(1) })
      .partial()
      .strict()
      .optional()
      .describe('khối cơ quan ban hành: parent "ỦY BAN NHÂN DÂN", name "TỈNH TÂY NINH", place "Tây Ninh"'),
    /** 'UBND-VP' → 'Số: 12/UBND-VP' */
    symbol: z
      .string()
      .trim()
      .min(1)
      .max(LETTER_SYMBOL_MAX)
      .regex(/^[\p{L}\p{N}.\-–]+$/u, 'chỉ gồm chữ, số, dấu chấm và gạch ngang, ví dụ UBND-VP')
      .optional()
      .describe('ký hiệu sau số công văn: "UBND-VP" → "Số: 12/UBND-VP"'),
    signer: z
      .object({ authority: Text, title: Text, name: Text })
      .partial()
      .strict()
      .optional()
      .describe('người ký: authority "KT. CHỦ TỊCH" (trống khi Chủ tịch ký), title "PHÓ CHỦ TỊCH", name'),
    reportSigner: z
      .object({ authority: Text, title: Text, name: Text })
      .partial()
      .strict()
      .optional()
      .describe(
        'người ký báo cáo của Văn phòng gửi Chủ tịch: authority "KT. CHÁNH VĂN PHÒNG" (trống khi Chánh Văn phòng ký), title "CHÁNH VĂN PHÒNG", name',
      ),
    recipients: z
      .array(z.string().trim().min(1).max(LETTER_LINE_MAX))
      .max(LETTER_RECIPIENTS_MAX)
      .optional()
      .describe('Nơi nhận theo vai trò, sau "Như trên"; dòng "Lưu: VT, <phòng>." được thêm cuối nếu thiếu'),
    /** quoted after 'Kế hoạch số … đã lưu ý:'; '' to leave the paragraph out */
    consequence: z
      .string()
      .trim()
      .max(LETTER_CONSEQUENCE_MAX)
      .optional()
      .describe('câu lưu ý của kế hoạch; "" để bỏ đoạn này'),
    /** working days from the letter's date to the date the results are requested by (docs/domain-rules.md §4a) */
    reportWithinDays: z.number().int().min(1).max(REPORT_WITHIN_DAYS_MAX).optional(),
  })
  .strict();

/** PUT /api/settings/letters: the settings and the version read */
export const LetterSettingsBody = LetterSettingsSchema.extend({
  version: z.number().int().min(0).nullable().optional(),
});

/** what the next letter uses: the stored settings over the defaults */
export const EffectiveLetterSettingsSchema = z.object({
  form: z.enum(LETTER_FORMS),
  division: z.string(),
  combined: z.boolean(),
  officeAgency: z.string(),
  officeRemindersCount: z.boolean(),
  /** how the body names the People's Committee: 'UBND tỉnh' */
  authority: z.string(),
  issuer: z.object({ parent: z.string(), name: z.string(), place: z.string() }),
  symbol: z.string(),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  reportSigner: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  recipients: z.array(z.string()),
  consequence: z.string(),
  reportWithinDays: z.number(),
});

/** GET|PUT /api/settings/letters */
export const LetterSettingsReplySchema = z.object({
  settings: z
    .record(z.string(), z.unknown())
    .describe('what the authority has set; a missing field takes the default'),
  effective: EffectiveLetterSettingsSchema.nullable().describe(
    'what the next letter uses; null if settings are invalid',
  ),
  problems: z.array(z.string()).describe('why the stored settings cannot be used (set outside dondoc)'),
  version: z.number().describe('send it back with PUT: a concurrent edit answers 409 VERSION_CONFLICT'),
});

export const OutboxStatusSchema = z.enum(['pending', 'sending', 'sent', 'dead']);

export const OutboxQuery = z
  .object({
    state: z
      .enum(['pending', 'sent', 'dead'])
      .optional()
      .describe('pending: waiting or being sent; dead: failed after every attempt; none: all'),
  })
  .extend(PageQuerySchema.shape);

export const OutboxMessageSchema = z.object({
  id: z.number(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/outbox */
export const OutboxPageSchema = pageOf(OutboxMessageSchema).extend({
  counts: z.object({
    pending: z.number(),
    sending: z.number(),
    sent: z.number(),
    dead: z.number(),
  }),
});

export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationsPage = z.infer<typeof NotificationsPageSchema>;
/** One row of GET /api/letters */
export type Letter = z.infer<typeof LetterSchema>;
export type LettersPage = z.infer<typeof LettersPageSchema>;
export type LetterRegisterInput = z.infer<typeof LetterRegisterBody>;
export type SweepInput = z.input<typeof SweepBody>;
/** POST /api/sweeps */
export type SweepResult = z.infer<typeof SweepResultSchema>;
export type StoredLetterSettings = z.infer<typeof LetterSettingsSchema>;
export type LetterSettingsInput = z.input<typeof LetterSettingsBody>;
export type LetterSettings = z.infer<typeof EffectiveLetterSettingsSchema>;
export type LetterSettingsView = z.infer<typeof LetterSettingsReplySchema>;
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;
export type OutboxFilter = NonNullable<z.infer<typeof OutboxQuery>['state']>;
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
