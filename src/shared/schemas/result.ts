import { z } from 'zod';
import { IdTextSchema, LocalDateSchema, PageQuerySchema, pageOf } from './common.ts';
import { DOCUMENT_NUMBER_MAX, NOTE_MAX, RETURN_REASON_MAX, RETURN_REASON_MIN } from './limits.ts';

/** The contracts of the results routes: submit, the review queue, accept and return. */

export const ResultStatusSchema = z.enum(['pending', 'accepted', 'returned']);

/** A file attached to a result (GET /api/files/:id downloads it). */
export const ResultFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
});

export const ResultSchema = z.object({
  id: z.number(),
  assignmentId: z.number(),
  parentAssignmentId: z.number().nullable(),
  agencyId: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string().nullable(),
  period: z
    .string()
    .nullable()
    .describe('kỳ báo cáo YYYY-MM of a periodic result; null: the result that completes the task'),
  submittedOn: z.string(),
  documentNumber: z.string().nullable(),
  note: z.string(),
  status: ResultStatusSchema,
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  files: z.array(ResultFileSchema),
});

const BOOLEAN_WORDS = new Map([
  ['true', true],
  ['1', true],
  ['on', true],
  ['yes', true],
  ['false', false],
  ['0', false],
  ['off', false],
  ['no', false],
]);

/** The fields of a submission, sent as multipart form fields (strings) or as JSON. */
export const SubmissionFieldsSchema = z.object({
  documentNumber: z.string().trim().min(1).max(DOCUMENT_NUMBER_MAX),
  note: z.string().trim().max(NOTE_MAX).default(''),
  submittedOn: LocalDateSchema.optional(),
  /** kỳ báo cáo YYYY-MM of a periodic result of an ongoing (Thường xuyên) assignment (docs/domain-rules.md §5) */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ báo cáo không hợp lệ: cần dạng YYYY-MM (ví dụ 2021-03).')
    .optional(),
  accept: z
    .union([z.boolean(), z.string().refine((v) => BOOLEAN_WORDS.has(v.toLowerCase()), 'true hoặc false')])
    .optional()
    .transform((v) => (typeof v === 'string' ? BOOLEAN_WORDS.get(v.toLowerCase()) === true : v === true)),
});

export const ResultListQuerySchema = PageQuerySchema.extend({
  status: ResultStatusSchema.optional(),
  assignmentId: IdTextSchema.optional(),
  internal: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only results of sub-assignments; false: only top-level ones'),
});

export const ResultListSchema = pageOf(ResultSchema);

export const ReturnResultBodySchema = z.object({
  reason: z.string().trim().min(RETURN_REASON_MIN).max(RETURN_REASON_MAX),
});

export type ResultStatus = z.infer<typeof ResultStatusSchema>;
export type ResultFile = z.infer<typeof ResultFileSchema>;
export type ResultItem = z.infer<typeof ResultSchema>;
export type ResultList = z.infer<typeof ResultListSchema>;
export type SubmissionFields = z.input<typeof SubmissionFieldsSchema>;
export type ReturnResultBody = z.infer<typeof ReturnResultBodySchema>;
