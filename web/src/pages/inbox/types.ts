import type { AssignmentState } from '../../lib/domain.ts';

/** GET /api/assignments → items (src/modules/assignments/assignments.routes.ts, WorkItemSchema). */
export interface WorkItem {
  id: number;
  planId: number;
  planNumber: string;
  taskId: number;
  taskRef: string;
  taskContent: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  role: 'lead' | 'support';
  occurrence: number;
  periodLabel: string | null;
  originalDueOn: string | null;
  currentDueOn: string | null;
  state: AssignmentState;
  daysOverdue: number;
  doneOn: string | null;
}

export interface WorkList {
  asOf: string;
  items: WorkItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ResultFile {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export type ResultStatus = 'pending' | 'accepted' | 'returned';
export type ExtensionStatus = 'pending' | 'approved' | 'rejected';
export type ObstacleStatus = 'open' | 'answered';

/** GET /api/assignments/:id */
export interface AssignmentDetail {
  asOf: string;
  assignment: WorkItem & {
    opensOn: string;
    cancelledOn: string | null;
    parentAssignmentId: number | null;
    movedToAssignmentId: number | null;
    version: number;
  };
  task: {
    id: number;
    ref: string;
    content: string;
    leadText: string;
    supportText: string;
    deadlineText: string;
    deadlineKind: 'once' | 'recurring' | 'ongoing' | 'unparsed';
    dueOn: string | null;
    note: string;
    cancelledOn: string | null;
  };
  plan: {
    id: number;
    docType: string;
    number: string;
    issuedOn: string;
    title: string;
    signer: string;
    cancelledOn: string | null;
  };
  results: {
    id: number;
    submittedOn: string;
    documentNumber: string | null;
    note: string;
    status: ResultStatus;
    decidedOn: string | null;
    decidedBy: string | null;
    returnReason: string | null;
    files: ResultFile[];
  }[];
  extensions: {
    id: number;
    requestedOn: string;
    requestedDueOn: string;
    reason: string;
    status: ExtensionStatus;
    decidedOn: string | null;
    decidedBy: string | null;
    decisionNote: string | null;
  }[];
  obstacles: {
    id: number;
    reportedOn: string;
    description: string;
    proposal: string;
    status: ObstacleStatus;
    response: string | null;
    respondedOn: string | null;
    respondedBy: string | null;
  }[];
}

/** GET /api/assignments/:id/subassignments */
export interface Subassignments {
  parent: { id: number; agencyId: number; agencyCode: string; dueOn: string | null };
  items: {
    id: number;
    agencyId: number;
    agencyCode: string;
    agencyName: string;
    opensOn: string;
    dueOn: string | null;
    note: string;
    state: AssignmentState;
    resultStatus: ResultStatus | null;
  }[];
  progress: { done: number; total: number };
}

/** GET /api/units → items */
export interface Unit {
  id: number;
  code: string;
  name: string;
  parentId: number;
  parentCode: string;
}
