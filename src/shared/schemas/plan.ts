import { z } from 'zod';
import { LocalDateSchema } from './common.ts';

/** A task row of a plan's appendix, as written in the document. */
export const TaskInputSchema = z.object({
  sectionCode: z.string().default(''),
  no: z.string().trim().min(1, 'Thiếu số thứ tự (STT).'),
  content: z.string().trim().min(1, 'Thiếu nội dung công việc.'),
  leadText: z.string().default(''),
  supportText: z.string().default(''),
  deadlineText: z.string().default(''),
  note: z.string().default(''),
  /** The Office's override of the parsed due date; the phrase is kept. */
  dueOn: LocalDateSchema.nullable().optional(),
});

export const PlanInputSchema = z.object({
  docType: z.string().trim().min(1),
  number: z.string().trim().min(1, 'Thiếu số, ký hiệu văn bản.'),
  issuedOn: LocalDateSchema,
  place: z.string().default(''),
  title: z.string().trim().min(1, 'Thiếu trích yếu (tên kế hoạch).'),
  signer: z.string().default(''),
  bases: z.array(z.string()).default([]),
  recipients: z.array(z.string()).default([]),
  /** Last day recurring tasks produce occurrences for; default 31/12 of the issue year. */
  endsOn: LocalDateSchema.nullable().optional(),
  sections: z.array(z.object({ code: z.string().min(1), title: z.string() })).default([]),
  tasks: z.array(TaskInputSchema).min(1, 'Kế hoạch chưa có nhiệm vụ nào.'),
});

export type TaskInput = z.input<typeof TaskInputSchema>;
export type PlanInput = z.input<typeof PlanInputSchema>;
