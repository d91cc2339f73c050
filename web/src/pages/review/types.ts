import type { ExtensionStatus, ObstacleStatus, ResultFile, ResultStatus } from '../inbox/types.ts';

interface AgencyRef {
  id: number;
  code: string;
  name: string;
}

/** GET /api/results → items */
export interface ResultItem {
  id: number;
  assignmentId: number;
  parentAssignmentId: number | null;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: string | null;
  submittedOn: string;
  documentNumber: string | null;
  note: string;
  status: ResultStatus;
  decidedOn: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  files: ResultFile[];
}

/** GET /api/extensions → items */
export interface ExtensionItem {
  id: number;
  assignmentId: number;
  agency: AgencyRef;
  plan: string;
  task: string;
  occurrence: number;
  originalDueOn: string | null;
  currentDueOn: string | null;
  assignmentVersion: number;
  requestedOn: string;
  requestedDueOn: string;
  reason: string;
  status: ExtensionStatus;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** GET /api/obstacles → items */
export interface ObstacleItem {
  id: number;
  assignmentId: number;
  agency: AgencyRef;
  plan: string;
  task: string;
  role: 'lead' | 'support';
  occurrence: number;
  reportedOn: string;
  description: string;
  proposal: string;
  status: ObstacleStatus;
  response: string | null;
  respondedOn: string | null;
  respondedBy: string | null;
}
