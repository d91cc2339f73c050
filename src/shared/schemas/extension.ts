import { z } from 'zod';
import {
  AssignmentRequestFields,
  IdSchema,
  IdTextSchema,
  LocalDateSchema,
  PageQuerySchema,
  pageOf,
} from './common.ts';
import { NOTE_MAX } from './limits.ts';

/** The contracts of the extensions routes: an agency asks before its deadline, the Office decides. */

export const ExtensionStatusSchema = z.enum(['pending', 'approved', 'rejected']);

export const ExtensionSchema = z.object({
  ...AssignmentRequestFields,
  originalDueOn: z.string().nullable(),
  currentDueOn: z.string().nullable(),
  assignmentVersion: z.number(),
  requestedOn: z.string(),
  requestedDueOn: z.string(),
  reason: z.string(),
  status: ExtensionStatusSchema,
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** the Office's proposal (trình) to the leader, null until made (docs/domain-rules.md §10) */
  proposal: z
    .object({
      proposedOn: z.string(),
      proposedBy: z.string().nullable(),
      recommends: z.enum(['approve', 'reject']),
      opinion: z.string(),
    })
    .nullable(),
  /** the decision document (số, ngày) a leader's decision gives */
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});

export const ExtensionRequestBodySchema = z.object({
  requestedDueOn: LocalDateSchema,
  reason: z.string().trim().min(1).max(NOTE_MAX),
});

export const ExtensionListQuerySchema = PageQuerySchema.extend({
  status: ExtensionStatusSchema.optional(),
  assignmentId: IdTextSchema.optional(),
});

export const ExtensionListSchema = pageOf(ExtensionSchema);

/** Số văn bản quyết định — required from a leader, optional when the Office decides alone. */
const DecisionDocumentSchema = z.object({
  decisionNumber: z.string().trim().min(1).max(100).optional().describe('the decision document number'),
  decisionDate: LocalDateSchema.optional().describe('the decision document date'),
});

export const ApproveExtensionBodySchema = DecisionDocumentSchema.extend({
  note: z.string().trim().max(NOTE_MAX).optional(),
  version: IdSchema.optional().describe("the assignment's version"),
}).default({});

export const RejectExtensionBodySchema = DecisionDocumentSchema.extend({
  note: z.string().trim().min(1).max(NOTE_MAX),
});

/** Trình: the Office's recommendation and opinion for the leader who decides. */
export const ProposeExtensionBodySchema = z.object({
  recommends: z.enum(['approve', 'reject']),
  opinion: z.string().trim().min(1).max(NOTE_MAX),
});

/** Who decides extensions in this authority (docs/domain-rules.md §10). */
export const DecisionSettingsSchema = z.object({ officeDecidesExtensions: z.boolean() });

export type ExtensionStatus = z.infer<typeof ExtensionStatusSchema>;
export type ExtensionItem = z.infer<typeof ExtensionSchema>;
export type ExtensionList = z.infer<typeof ExtensionListSchema>;
export type ExtensionRequestBody = z.infer<typeof ExtensionRequestBodySchema>;
export type ApproveExtensionBody = z.input<typeof ApproveExtensionBodySchema>;
export type RejectExtensionBody = z.infer<typeof RejectExtensionBodySchema>;
export type ProposeExtensionBody = z.infer<typeof ProposeExtensionBodySchema>;
export type DecisionSettings = z.infer<typeof DecisionSettingsSchema>;
