import type { AssignmentState } from '../../lib/domain.ts';

/** The answers of the plans API (src/modules/plans/plans.schemas.ts) as the pages read them. */

export interface Counts {
  done_on_time: number;
  done_late: number;
  open_on_time: number;
  open_overdue: number;
  ongoing: number;
  cancelled: number;
  total: number;
}

/** What a plan's document says of itself: the fields of a stored plan and of a plan to store. */
export interface PlanDocument {
  docType: string;
  number: string;
  issuedOn: string;
  place: string;
  title: string;
  signer: string;
  bases: string[];
  recipients: string[];
}

export interface PlanHeader extends PlanDocument {
  id: number;
  endsOn: string | null;
  cancelledOn: string | null;
  version: number;
}

export interface PlanListItem extends PlanHeader {
  tasks: number | null;
  progress: Counts | null;
}

export interface PlanList {
  asOf: string;
  items: PlanListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Unresolved {
  role: 'lead' | 'support';
  kind: 'unmatched' | 'open_group';
  text: string;
  suggestions?: string[];
}

export interface PlanAssignment {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  role: 'lead' | 'support';
  occurrence: number;
  periodLabel: string | null;
  opensOn: string;
  originalDueOn: string | null;
  currentDueOn: string | null;
  state: AssignmentState;
  daysOverdue: number;
  doneOn: string | null;
}

export type DeadlineKind = 'once' | 'recurring' | 'ongoing' | 'unparsed';

export interface PlanTask {
  id: number;
  ref: string;
  sectionCode: string;
  no: string;
  content: string;
  leadText: string;
  supportText: string;
  deadlineText: string;
  deadlineKind: DeadlineKind;
  dueOn: string | null;
  recurrence: Record<string, unknown> | null;
  note: string;
  unresolved: Unresolved[];
  cancelledOn: string | null;
  version: number;
  assignments: PlanAssignment[];
}

export interface Progress extends Counts {
  onTimeRate: number | null;
}

export interface PlanDetail {
  asOf: string;
  plan: PlanHeader & { hasSource: boolean };
  progress: Progress;
  sections: { code: string; title: string; progress: Progress }[];
  tasks: PlanTask[];
}

export interface PreviewWarning {
  task: string | null;
  field: string | null;
  code: string;
  message: string;
  suggestions?: string[];
}

export interface PreviewTask {
  section: string;
  no: string;
  content: string;
  lead: string[];
  support: string[];
  /** the agency cells as written */
  leadText: string;
  supportText: string;
  deadlineText: string;
  dueOn: string | null;
  recurrence: Record<string, unknown> | null;
  product: string | null;
  note: string;
  extra: Record<string, string>;
  raw: string;
}

export interface ImportPreview {
  plan: {
    number: string | null;
    docType: string;
    issuedOn: string | null;
    place: string | null;
    title: string | null;
    signer: string | null;
    bases: string[];
    recipients: string[];
  };
  sections: { code: string; title: string }[];
  tasks: PreviewTask[];
  warnings: PreviewWarning[];
  /** names the directory does not know: each can be added as an agency or as an alias */
  unknownAgencies: UnknownAgency[];
  /** tasks that would be registered with no lead assignment */
  tasksWithoutLead: TaskWithoutLead[];
}

export interface UnknownAgency {
  name: string;
  tasks: string[];
  lead: boolean;
  /** the closest directory names, never of another level */
  suggestions: string[];
  /** a free code for a new agency */
  code: string;
  kind: 'province' | 'district' | 'commune' | 'unit';
}

export interface TaskWithoutLead {
  task: string;
  leadText: string;
  reason: 'none' | 'unresolved';
}

export interface CreatedPlan {
  planId: number;
  number: string;
  tasks: number;
  leadAssignments: number;
  supportAssignments: number;
  unresolved: { task: string; refs: Unresolved[] }[];
}

export interface Imported {
  plan: CreatedPlan;
  warnings: PreviewWarning[];
}

/** Done and total of a progress: the done ones whether on time or late; cancelled ones left out. */
export function doneOf(counts: Counts): { done: number; total: number } {
  return {
    done: counts.done_on_time + counts.done_late,
    total: counts.total - counts.cancelled,
  };
}

/** A task's reference as the server writes it: 'I.3', or '3' without a section. */
export function taskRef(sectionCode: string, no: string): string {
  return sectionCode ? `${sectionCode}.${no}` : no;
}
