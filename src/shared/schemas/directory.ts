import { z } from 'zod';
import { IdSchema, LocalDateSchema, PageQuerySchema, pageOf } from './common.ts';
import {
  AGENCY_CODE_MAX,
  AGENCY_NAME_MAX,
  AGENCY_NAMES_MAX,
  GROUP_MEMBERS_MAX,
  GROUP_NOTE_MAX,
  SUCCESSOR_FUNCTIONS_MAX,
} from './limits.ts';

/**
 * Request and response bodies of danh mục cơ quan, nhóm và cơ quan kế thừa
 * (src/modules/directory/directory.routes.ts).
 */

/** the directories shipped as data (src/modules/directory/reference/<id>.json) */
export const REFERENCE_IDS = ['government', 'provincial-departments', 'provinces'] as const;

const AgencyId = IdSchema;
const Version = IdSchema;
const Names = z.array(z.string().trim().min(1).max(AGENCY_NAME_MAX)).max(AGENCY_NAMES_MAX);

export const AgencyKindSchema = z.enum(['province', 'district', 'commune', 'unit']);
export const AgencyRefSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });

const LinkSchema = z.object({
  agencyId: z.number(),
  code: z.string(),
  name: z.string(),
  functions: z.string().nullable(),
  effectiveOn: z.string(),
});

export const AgencySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: AgencyKindSchema,
  parentId: z.number().nullable(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isMonitor: z.boolean(),
  version: z.number(),
  successors: z.array(LinkSchema),
  predecessors: z.array(LinkSchema),
});

export const GroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  aliases: z.array(z.string()),
  isOpen: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  members: z.array(AgencyRefSchema),
});

export const SuccessorSchema = z.object({
  id: z.number(),
  from: AgencyRefSchema,
  to: AgencyRefSchema,
  functions: z.string().nullable(),
  effectiveOn: z.string(),
});

export const ReferenceImportSchema = z.object({
  reference: z.string(),
  added: z.array(z.object({ code: z.string(), name: z.string() })),
  skipped: z.array(z.object({ name: z.string(), existingCode: z.string() })),
  groupsAdded: z.array(z.string()),
  groupsSkipped: z.array(z.string()),
  aliasesDropped: z.array(z.object({ alias: z.string(), code: z.string() })),
  successorsAdded: z.number(),
});

export const AgenciesPageSchema = pageOf(AgencySchema);
export const GroupsPageSchema = pageOf(GroupSchema);
export const SuccessorsPageSchema = pageOf(SuccessorSchema);

export const AgenciesQuery = PageQuerySchema.extend({
  validOn: LocalDateSchema.optional().describe('only agencies that exist on this date'),
});

export const AgencyCreateBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      new RegExp(`^[A-Z0-9_.-]{1,${AGENCY_CODE_MAX}}$`),
      `Mã cơ quan gồm 1–${AGENCY_CODE_MAX} ký tự A-Z, 0-9, dấu chấm, gạch ngang, gạch dưới.`,
    ),
  name: z.string().trim().min(1).max(AGENCY_NAME_MAX),
  aliases: Names.optional(),
  kind: AgencyKindSchema,
  parentId: AgencyId.nullable().optional(),
  validFrom: LocalDateSchema.nullable().optional(),
  validTo: LocalDateSchema.nullable().optional(),
});

export const AgencyUpdateBody = z.object({
  name: z.string().trim().min(1).max(AGENCY_NAME_MAX).optional(),
  aliases: Names.optional(),
  validFrom: LocalDateSchema.nullable().optional(),
  validTo: LocalDateSchema.nullable().optional(),
  version: Version.optional(),
});

export const AliasBody = z.object({ alias: z.string().trim().min(1).max(AGENCY_NAME_MAX) });

export const ReferenceImportBody = z.object({ reference: z.enum(REFERENCE_IDS) });

export const GroupCreateBody = z.object({
  name: z.string().trim().min(1).max(AGENCY_NAME_MAX),
  aliases: Names.optional(),
  isOpen: z.boolean().optional(),
  note: z.string().trim().max(GROUP_NOTE_MAX).optional(),
  agencyIds: z.array(AgencyId).max(GROUP_MEMBERS_MAX).optional(),
});

export const GroupMembersBody = z.object({
  agencyIds: z.array(AgencyId).max(GROUP_MEMBERS_MAX),
  version: Version.optional(),
});

export const SuccessorCreateBody = z.object({
  fromAgencyId: AgencyId,
  toAgencyId: AgencyId,
  functions: z.string().trim().min(1).max(SUCCESSOR_FUNCTIONS_MAX).optional(),
  effectiveOn: LocalDateSchema,
});

export type AgencyKind = z.infer<typeof AgencyKindSchema>;
export type AgencyRef = z.infer<typeof AgencyRefSchema>;
/** GET /api/directory/agencies → items */
export type Agency = z.infer<typeof AgencySchema>;
/** GET /api/directory/groups → items */
export type Group = z.infer<typeof GroupSchema>;
/** GET /api/directory/successors → items */
export type Successor = z.infer<typeof SuccessorSchema>;
export type ReferenceImport = z.infer<typeof ReferenceImportSchema>;
export type AgencyCreateInput = z.input<typeof AgencyCreateBody>;
export type AgencyUpdateInput = z.input<typeof AgencyUpdateBody>;
export type GroupCreateInput = z.input<typeof GroupCreateBody>;
export type GroupMembersInput = z.input<typeof GroupMembersBody>;
export type SuccessorCreateInput = z.input<typeof SuccessorCreateBody>;
