import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { AsOfSchema, IdSchema, LocalDateSchema, PageFields, PageQuerySchema } from './common.ts';
import { CANCEL_REASON_MAX, SEARCH_TEXT_MAX } from './limits.ts';

/** The contracts of the plans and tasks routes: request and answer bodies, for the server, OpenAPI and the SPA. */

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
  /**
   * Theo dõi từ ngày (docs/domain-rules.md §6, issue #14 §4): reminders, scores and days late count
   * from it. Absent: today when a deadline has passed (the answer says so); null: from the issue date.
   */
  followupFrom: LocalDateSchema.nullable().optional(),
  sections: z.array(z.object({ code: z.string().min(1), title: z.string() })).default([]),
  tasks: z.array(TaskInputSchema).min(1, 'Kế hoạch chưa có nhiệm vụ nào.'),
});

export type TaskInput = z.input<typeof TaskInputSchema>;
export type PlanInput = z.input<typeof PlanInputSchema>;

export const StateSchema = z.enum(ASSIGNMENT_STATES);

/** Which agency an assignment occurrence is of, in which role, for which period. */
export const AgencyOccurrenceFields = {
  agencyId: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
};

/** A task's deadline as the document words it, the kind of deadline read from it and the due date. */
export const TaskDeadlineFields = {
  deadlineText: z.string(),
  deadlineKind: z.enum(['once', 'recurring', 'ongoing', 'unparsed']),
  dueOn: z.string().nullable(),
};

/** An assignment's due dates and its §5 state as of the answer's date. */
export const DueStateFields = {
  originalDueOn: z.string().nullable(),
  currentDueOn: z.string().nullable(),
  state: StateSchema,
  daysOverdue: z.number(),
};

/** How many assignments are in each §5 state (the keys of ASSIGNMENT_STATES, in their order). */
export const StateCountFields = Object.fromEntries(
  ASSIGNMENT_STATES.map((state) => [state, z.number()]),
) as Record<(typeof ASSIGNMENT_STATES)[number], z.ZodNumber>;

const Counts = { ...StateCountFields, total: z.number() };

export const CountsSchema = z.object(Counts);

export const ProgressSchema = z.object({ ...Counts, onTimeRate: z.number().nullable() });

export const PlanHeaderSchema = z.object({
  id: z.number(),
  docType: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  place: z.string(),
  title: z.string(),
  signer: z.string(),
  bases: z.array(z.string()),
  recipients: z.array(z.string()),
  endsOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  publishedAt: z.string().nullable().describe('when the Office published the plan; null: not public (§11)'),
  followupFrom: z.string().nullable().describe('theo dõi từ ngày (§6); null: followed from the issue date'),
  version: z.number(),
});

export const PlanListSchema = z.object({
  asOf: z.string(),
  items: z.array(
    PlanHeaderSchema.extend({
      tasks: z.number().nullable().describe('null for an agency user (headers only)'),
      progress: z.object(Counts).nullable().describe('lead assignments as of asOf; null for an agency user'),
    }),
  ),
  ...PageFields,
});

export const UnresolvedSchema = z.object({
  role: z.enum(['lead', 'support']),
  kind: z.enum(['unmatched', 'open_group']),
  text: z.string(),
  suggestions: z.array(z.string()).optional(),
});

/** An agency the plan's assignments name, given once per answer (the assignments refer to it by id). */
export const PlanAgencySchema = z.object({ id: z.number(), code: z.string(), name: z.string() });

/**
 * The assignments of one task that share their role, occurrence, dates and state as of the answer's
 * date: those fields once, then the assignments' ids and their agencies' ids (`ids[i]` is the
 * assignment of agency `agencyIds[i]`). A plan's hundreds of assignments mostly share them (every
 * support agency of a task, every lead agency not yet reporting), so the plan page's answer carries
 * each date and state once instead of once per agency (issue #18 goal 5).
 * `expandAssignments` (src/shared/plan-assignments.ts) turns them back into one row per assignment.
 */
export const AssignmentGroupSchema = z.object({
  role: z.enum(['lead', 'support']),
  occurrence: z.number(),
  periodLabel: z.string().nullable(),
  opensOn: z.string(),
  ...DueStateFields,
  doneOn: z.string().nullable(),
  ids: z.array(z.number()).describe('the assignments; ids[i] is the assignment of agencyIds[i]'),
  agencyIds: z.array(z.number()).describe('their agencies (in `agencies`), in the order of `ids`'),
});

export const PlanDetailSchema = z.object({
  asOf: z.string(),
  plan: PlanHeaderSchema.extend({ hasSource: z.boolean() }),
  progress: ProgressSchema,
  sections: z.array(z.object({ code: z.string(), title: z.string(), progress: ProgressSchema })),
  agencies: z.array(PlanAgencySchema).describe("every agency of the plan's assignments, once, by id"),
  tasks: z.array(
    z.object({
      id: z.number(),
      ref: z.string(),
      sectionCode: z.string(),
      no: z.string(),
      content: z.string(),
      leadText: z.string(),
      supportText: z.string(),
      ...TaskDeadlineFields,
      recurrence: z.record(z.string(), z.unknown()).nullable(),
      note: z.string(),
      unresolved: z.array(UnresolvedSchema),
      cancelledOn: z.string().nullable(),
      /** lãnh đạo phụ trách: the leader account in charge, and its name */
      leader: z.object({ id: z.number(), name: z.string() }).nullable(),
      version: z.number(),
      assignmentGroups: z.array(AssignmentGroupSchema),
    }),
  ),
});

export const CreatedPlanSchema = z.object({
  planId: z.number(),
  number: z.string(),
  tasks: z.number(),
  leadAssignments: z.number(),
  supportAssignments: z.number(),
  unresolved: z.array(z.object({ task: z.string(), refs: z.array(UnresolvedSchema) })),
  followupFrom: z
    .string()
    .nullable()
    .describe(
      'theo dõi từ ngày: reminders, scores and days late count from it (§6); null: from the issue date',
    ),
  pastDeadlines: z.number().describe('lead assignments due before today when the plan was registered'),
  followupNotice: z
    .string()
    .nullable()
    .describe('set when the follow-up start was not given and defaulted to today: what that means'),
});

const text = (max: number) => z.string().max(max);

export const PlanPatchSchema = z.strictObject({
  version: IdSchema,
  docType: z.string().trim().min(1).max(50).optional(),
  number: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().min(1).max(2000).optional(),
  signer: text(200).optional(),
  place: text(200).optional(),
  bases: z.array(text(2000)).max(200).optional(),
  recipients: z.array(text(500)).max(500).optional(),
  endsOn: LocalDateSchema.nullable().optional(),
  followupFrom: LocalDateSchema.nullable()
    .optional()
    .describe(
      'theo dõi từ ngày (§6); null: from the issue date. Audited; recorded reminders it no longer gives are withdrawn',
    ),
});

export const CancelBodySchema = z.strictObject({
  cancelledOn: LocalDateSchema.optional().describe('default today in the authority’s time zone'),
  version: IdSchema.optional(),
  reason: text(CANCEL_REASON_MAX).optional(),
});

export const PublishBodySchema = z.strictObject({
  published: z.boolean().describe('true: on the public page; false: taken off it'),
  version: IdSchema.optional(),
});

export const TaskPatchSchema = z.strictObject({
  version: IdSchema,
  content: z.string().trim().min(1).max(10_000).optional(),
  note: text(10_000).optional(),
  dueOn: LocalDateSchema.optional().describe('the Office’s due date; the deadline phrase stays as written'),
  leaderUserId: IdSchema.nullable()
    .optional()
    .describe('lãnh đạo phụ trách: a leader account (Phó Chủ tịch in charge); null clears it'),
});

export const TaskViewSchema = z.object({
  id: z.number(),
  planId: z.number(),
  ref: z.string(),
  content: z.string(),
  note: z.string(),
  ...TaskDeadlineFields,
  cancelledOn: z.string().nullable(),
  /** lãnh đạo phụ trách (docs/domain-rules.md §10) */
  leaderUserId: z.number().nullable(),
  version: z.number(),
});

/** The leader accounts a task can be put in the charge of. */
export const LeaderListSchema = z.object({
  items: z.array(z.object({ id: z.number(), displayName: z.string() })),
});

export const PlanListQuerySchema = PageQuerySchema.extend({
  asOf: AsOfSchema,
  q: z.string().max(SEARCH_TEXT_MAX).optional(),
});

/** `asOf` alone: the read routes of one plan or one assignment. */
export const AsOfQuerySchema = z.object({ asOf: AsOfSchema });

/** PATCH /plans/:id answers the header and, when the end date moved, the occurrences added and removed. */
export const UpdatedPlanSchema = PlanHeaderSchema.extend({
  replanned: z.object({ added: z.number(), removed: z.number() }).nullable(),
});

/** PATCH /tasks/:id answers the task and how many open assignments took the new due date. */
export const UpdatedTaskSchema = z.object({ task: TaskViewSchema, movedAssignments: z.number() });

export type Counts = z.infer<typeof CountsSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type PlanHeader = z.infer<typeof PlanHeaderSchema>;
/** What a plan's document says of itself: the fields of a stored plan and of a plan to store. */
export type PlanDocument = Omit<
  PlanHeader,
  'id' | 'endsOn' | 'cancelledOn' | 'publishedAt' | 'followupFrom' | 'version'
>;
export type PlanList = z.infer<typeof PlanListSchema>;
export type PlanListItem = PlanList['items'][number];
export type Unresolved = z.infer<typeof UnresolvedSchema>;
export type PlanDetail = z.infer<typeof PlanDetailSchema>;
export type PlanTask = PlanDetail['tasks'][number];
export type PlanAgency = z.infer<typeof PlanAgencySchema>;
export type AssignmentGroup = z.infer<typeof AssignmentGroupSchema>;
export type DeadlineKind = PlanTask['deadlineKind'];
export type CreatedPlan = z.infer<typeof CreatedPlanSchema>;
export type PlanPatch = z.infer<typeof PlanPatchSchema>;
export type CancelBody = z.infer<typeof CancelBodySchema>;
export type PublishBody = z.infer<typeof PublishBodySchema>;
export type TaskPatch = z.infer<typeof TaskPatchSchema>;
export type TaskView = z.infer<typeof TaskViewSchema>;
export type LeaderList = z.infer<typeof LeaderListSchema>;
export type PlanListQuery = z.input<typeof PlanListQuerySchema>;
export type UpdatedPlan = z.infer<typeof UpdatedPlanSchema>;
export type UpdatedTask = z.infer<typeof UpdatedTaskSchema>;
