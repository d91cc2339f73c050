import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { IdSchema, IdTextSchema } from '../../shared/schemas/common.ts';

/** Request and response bodies of the indices API (one schema for the server and the SPA). */
const Id = IdTextSchema;

export { IdParamsSchema as IdParams } from '../../shared/schemas/common.ts';
export const Year = z.coerce.number().int().min(1990).max(2100);
const Unit = z.enum(['points', 'percent', 'ratio']);
const IndexCodeParam = z.string().trim().min(1).max(10);

export const IndexYearParams = z.object({ index: IndexCodeParam, year: Year });
export const IndexParams = z.object({ index: IndexCodeParam });

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
  components: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      max: z.number(),
      position: z.number(),
    }),
  ),
});

const ComponentScore = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  max: z.number(),
  score: z.number(),
});

export const PublicResultSchema = z.object({
  index: z.string(),
  year: z.number(),
  methodFrom: z.number(),
  scaleMax: z.number(),
  unit: Unit,
  score: z.number().nullable(),
  rank: z.number().nullable(),
  rankedOf: z.number().nullable(),
  group: z.string().nullable(),
  sourceNote: z.string(),
  sourceUrl: z.string().nullable(),
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
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
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

const LinkedSchema = LinkSchema.extend({
  counts: z.partialRecord(z.enum(ASSIGNMENT_STATES), z.number()),
  assignments: z.array(
    z.object({
      id: z.number(),
      agency: z.string(),
      agencyName: z.string(),
      plan: z.string(),
      task: z.string(),
      occurrence: z.number(),
      dueOn: z.string().nullable(),
      state: z.enum(ASSIGNMENT_STATES),
      stateLabel: z.string(),
    }),
  ),
});

const Figures = z
  .object({
    year: z.number(),
    score: z.number().nullable(),
    rank: z.number().nullable(),
    rankedOf: z.number().nullable(),
    group: z.string().nullable(),
    sourceNote: z.string(),
    sourceUrl: z.string().nullable(),
  })
  .nullable();

const TargetWithCheck = TargetSchema.extend({
  check: z.object({
    score: z.boolean().nullable(),
    rank: z.boolean().nullable(),
    group: z.boolean().nullable(),
    met: z.boolean().nullable(),
  }),
}).nullable();

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
  links: z.array(LinkedSchema),
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
      links: z.array(LinkedSchema),
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
