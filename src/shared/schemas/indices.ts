import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { AgencyRefSchema, IdParamsSchema, IdSchema, IdTextSchema, LocalDateSchema } from './common.ts';
import { PublicAuthoritySchema } from './public.ts';

/**
 * Request and response bodies of the indices API (src/modules/indices/indices*.routes.ts, GET /api/public/indices):
 * one schema for the server, the OpenAPI document and the SPA.
 */
const Id = IdTextSchema;
export const IdParams = IdParamsSchema;
export const Year = z.coerce.number().int().min(1990).max(2100);
export const IndexUnitSchema = z.enum(['points', 'percent', 'ratio']);
const Unit = IndexUnitSchema;
const IndexCodeParam = z.string().trim().min(1).max(10);
/** an index code as a filter of a list */
const IndexFilter = z.string().trim().max(10).optional();

export const IndexYearParams = z.object({ index: IndexCodeParam, year: Year });
export const IndexParams = z.object({ index: IndexCodeParam });
export const IndexQuery = z.object({ index: IndexFilter });
export const DefinitionsQuery = z.object({ year: Year.optional() });
export const ResultsQuery = z.object({ index: IndexFilter, year: Year.optional() });
export const TemplateQuery = z.object({ year: Year.optional() });
export const OverviewQuery = z.object({ asOf: LocalDateSchema.optional(), year: Year.optional() });
export const PublicIndicesQuery = z.object({
  authority: z.string().trim().min(1).max(40),
  index: IndexFilter,
});

export const ComponentDefSchema = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  max: z.number(),
  position: z.number(),
});

export const DefinitionSchema = z.object({
  id: z.number(),
  code: z.string(),
  validFrom: z.number(),
  validTo: z.number().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortName: z.string(),
  publisher: z.string(),
  scaleMax: z.number(),
  unit: Unit,
  higherIsBetter: z.boolean(),
  componentKind: z.string(),
  groups: z.array(z.string()),
  successorCode: z.string().nullable(),
  methodNote: z.string(),
  sourceNote: z.string(),
  components: z.array(ComponentDefSchema),
});

const ComponentScore = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  max: z.number(),
  score: z.number(),
});

/** What a year's published result says: score, rank among how many, group, and where it comes from. */
const RankingFields = {
  score: z.number().nullable(),
  rank: z.number().nullable(),
  rankedOf: z.number().nullable(),
  group: z.string().nullable(),
  sourceNote: z.string(),
  sourceUrl: z.string().nullable(),
};

export const PublicResultSchema = z.object({
  index: z.string(),
  year: z.number(),
  methodFrom: z.number(),
  scaleMax: z.number(),
  unit: Unit,
  ...RankingFields,
  components: z.array(ComponentScore),
});

export const ResultSchema = PublicResultSchema.extend({
  published: z.boolean(),
  internalNote: z.string(),
  enteredBy: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

const Score = z.number().finite();

export const SavedResultSchema = z.object({ created: z.boolean(), result: ResultSchema });

export const ImportReplySchema = z.object({
  imported: z.array(z.object({ index: z.string(), year: z.number(), created: z.boolean() })),
});

/** the `details` of a 422 INDEX_IMPORT_INVALID: every row that cannot be imported */
export const ImportRowErrorSchema = z.object({ row: z.number(), message: z.string() });

export const PublicIndicesSchema = z.object({
  authority: PublicAuthoritySchema,
  indices: z.array(
    z.object({
      code: z.string(),
      shortName: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      publisher: z.string(),
    }),
  ),
  results: z.array(PublicResultSchema),
});

export const ResultBody = z.object({
  score: Score.nullable().default(null),
  rank: z.number().int().nullable().default(null),
  rankedOf: z.number().int().nullable().default(null),
  group: z.string().trim().max(100).nullable().default(null),
  sourceNote: z.string().trim().max(2000).default(''),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  published: z.boolean().default(true),
  internalNote: z.string().trim().max(8000).default(''),
  components: z
    .array(z.object({ code: z.string().trim().min(1).max(60), score: Score }))
    .max(50)
    .default([]),
});

const ComponentRef = z.string().trim().max(60).nullable().optional();

export const TargetBody = z.object({
  index: IndexCodeParam,
  component: ComponentRef,
  fromYear: z.number().int().min(1990).max(2100),
  toYear: z.number().int().min(1990).max(2100),
  score: Score.nullable().optional(),
  rank: z.number().int().nullable().optional(),
  group: z.string().trim().max(100).nullable().optional(),
  sourceNote: z.string().trim().max(2000).optional(),
});

export const TargetSchema = z.object({
  id: z.number(),
  index: z.string(),
  component: z.string().nullable(),
  fromYear: z.number(),
  toYear: z.number(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  group: z.string().nullable(),
  sourceNote: z.string(),
});

export const OwnerBody = z.object({
  index: IndexCodeParam,
  component: ComponentRef,
  agencyId: IdSchema,
  ownerCanEdit: z.boolean().default(false),
});

export const OwnerSchema = z.object({
  id: z.number(),
  index: z.string(),
  component: z.string().nullable(),
  agency: AgencyRefSchema,
  ownerCanEdit: z.boolean(),
});

export const LinkBody = z.object({
  index: IndexCodeParam,
  component: ComponentRef,
  planId: IdSchema.optional(),
  taskId: IdSchema.optional(),
  assignmentId: IdSchema.optional(),
});

export const LinkQuery = z.object({
  index: IndexCodeParam.optional(),
  planId: Id.optional(),
  taskId: Id.optional(),
  assignmentId: Id.optional(),
});

export const LinkSchema = z.object({
  id: z.number(),
  index: z.string(),
  component: z.string().nullable(),
  kind: z.enum(['plan', 'task', 'assignment']),
  planId: z.number().nullable(),
  plan: z.string().nullable(),
  taskId: z.number().nullable(),
  task: z.string().nullable(),
  taskContent: z.string().nullable(),
  assignmentId: z.number().nullable(),
  agency: z.string().nullable(),
});

export const LinkedAssignmentSchema = z.object({
  id: z.number(),
  agency: z.string(),
  agencyName: z.string(),
  plan: z.string(),
  task: z.string(),
  occurrence: z.number(),
  dueOn: z.string().nullable(),
  state: z.enum(ASSIGNMENT_STATES),
  stateLabel: z.string(),
});

/** a link with the state of its assignments as of the overview's date */
export const LinkWithStateSchema = LinkSchema.extend({
  counts: z.partialRecord(z.enum(ASSIGNMENT_STATES), z.number()),
  assignments: z.array(LinkedAssignmentSchema),
});

export const FiguresSchema = z.object({ year: z.number(), ...RankingFields });
const Figures = FiguresSchema.nullable();

export const TargetCheckSchema = z.object({
  score: z.boolean().nullable(),
  rank: z.boolean().nullable(),
  group: z.boolean().nullable(),
  met: z.boolean().nullable(),
});

export const TargetWithCheckSchema = TargetSchema.extend({ check: TargetCheckSchema });
const TargetWithCheck = TargetWithCheckSchema.nullable();

export const OverviewSchema = z.object({
  index: z.object({
    code: z.string(),
    shortName: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    publisher: z.string(),
    scaleMax: z.number(),
    unit: Unit,
    higherIsBetter: z.boolean(),
    groups: z.array(z.string()),
    componentKind: z.string(),
    methodFrom: z.number(),
    methodTo: z.number().nullable(),
    successorCode: z.string().nullable(),
  }),
  asOf: z.string(),
  latest: Figures,
  previous: Figures,
  change: z.object({ score: z.number().nullable(), rank: z.number().nullable() }).nullable(),
  target: TargetWithCheck,
  owner: OwnerSchema.nullable(),
  links: z.array(LinkWithStateSchema),
  components: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      max: z.number(),
      score: z.number().nullable(),
      previousScore: z.number().nullable(),
      change: z.number().nullable(),
      target: TargetWithCheck,
      owner: OwnerSchema.nullable(),
      links: z.array(LinkWithStateSchema),
    }),
  ),
});

export const TrendSchema = z.object({
  index: z.string(),
  successorCode: z.string().nullable(),
  predecessorCode: z.string().nullable(),
  points: z.array(
    z.object({
      year: z.number(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      rankedOf: z.number().nullable(),
      group: z.string().nullable(),
      scaleMax: z.number(),
      unit: Unit,
      methodFrom: z.number(),
      components: z.record(z.string(), z.number()),
    }),
  ),
});

export type IndexUnit = z.infer<typeof IndexUnitSchema>;
export type ComponentDef = z.infer<typeof ComponentDefSchema>;
/** GET /api/indices/definitions — one method version of an index */
export type Definition = z.infer<typeof DefinitionSchema>;
export type PublicResult = z.infer<typeof PublicResultSchema>;
/** GET /api/indices/results */
export type IndexResult = z.infer<typeof ResultSchema>;
/** PUT /api/indices/results/:index/:year */
export type ResultBody = z.input<typeof ResultBody>;
export type SavedResult = z.infer<typeof SavedResultSchema>;
export type ImportReply = z.infer<typeof ImportReplySchema>;
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;
/** GET /api/public/indices */
export type PublicIndices = z.infer<typeof PublicIndicesSchema>;
export type TargetInput = z.input<typeof TargetBody>;
export type Target = z.infer<typeof TargetSchema>;
export type TargetCheck = z.infer<typeof TargetCheckSchema>;
export type TargetWithCheck = z.infer<typeof TargetWithCheckSchema>;
export type OwnerInput = z.input<typeof OwnerBody>;
export type Owner = z.infer<typeof OwnerSchema>;
export type LinkInput = z.input<typeof LinkBody>;
export type Link = z.infer<typeof LinkSchema>;
export type LinkedAssignment = z.infer<typeof LinkedAssignmentSchema>;
export type LinkWithState = z.infer<typeof LinkWithStateSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
/** GET /api/indices/:index/overview */
export type Overview = z.infer<typeof OverviewSchema>;
/** GET /api/indices/:index/trend */
export type Trend = z.infer<typeof TrendSchema>;
