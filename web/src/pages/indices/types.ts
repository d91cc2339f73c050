import type { AssignmentState } from '../../lib/domain.ts';

/** The answers of the indices API (src/modules/indices/indices.schemas.ts) as the pages read them. */

export type IndexUnit = 'points' | 'percent' | 'ratio';

export interface ComponentDef {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  max: number;
  position: number;
}

/** GET /api/indices/definitions — one method version of an index. */
export interface Definition {
  id: number;
  code: string;
  validFrom: number;
  validTo: number | null;
  nameVi: string;
  nameEn: string;
  shortName: string;
  publisher: string;
  scaleMax: number;
  unit: IndexUnit;
  higherIsBetter: boolean;
  componentKind: string;
  groups: string[];
  successorCode: string | null;
  methodNote: string;
  sourceNote: string;
  components: ComponentDef[];
}

export interface ComponentScore {
  code: string;
  nameVi: string;
  nameEn: string;
  max: number;
  score: number;
}

/** GET /api/indices/results */
export interface IndexResult {
  index: string;
  year: number;
  methodFrom: number;
  scaleMax: number;
  unit: IndexUnit;
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  sourceNote: string;
  sourceUrl: string | null;
  components: ComponentScore[];
  published: boolean;
  internalNote: string;
  enteredBy: string;
  version: number;
  updatedAt: string;
}

/** PUT /api/indices/results/:index/:year body */
export interface ResultBody {
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  sourceNote: string;
  sourceUrl: string | null;
  published: boolean;
  internalNote: string;
  components: { code: string; score: number }[];
}

export interface Target {
  id: number;
  index: string;
  component: string | null;
  fromYear: number;
  toYear: number;
  score: number | null;
  rank: number | null;
  group: string | null;
  sourceNote: string;
}

export interface TargetCheck {
  score: boolean | null;
  rank: boolean | null;
  group: boolean | null;
  met: boolean | null;
}

export type TargetWithCheck = Target & { check: TargetCheck };

export interface Owner {
  id: number;
  index: string;
  component: string | null;
  agency: { id: number; code: string; name: string };
  ownerCanEdit: boolean;
}

export interface Link {
  id: number;
  index: string;
  component: string | null;
  kind: 'plan' | 'task' | 'assignment';
  planId: number | null;
  plan: string | null;
  taskId: number | null;
  task: string | null;
  taskContent: string | null;
  assignmentId: number | null;
  agency: string | null;
}

export interface LinkedAssignment {
  id: number;
  agency: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: string | null;
  state: AssignmentState;
  stateLabel: string;
}

export interface LinkWithState extends Link {
  counts: Partial<Record<AssignmentState, number>>;
  assignments: LinkedAssignment[];
}

export interface Figures {
  year: number;
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  sourceNote: string;
  sourceUrl: string | null;
}

/** GET /api/indices/:index/overview */
export interface Overview {
  index: {
    code: string;
    shortName: string;
    nameVi: string;
    nameEn: string;
    publisher: string;
    scaleMax: number;
    unit: IndexUnit;
    higherIsBetter: boolean;
    groups: string[];
    componentKind: string;
    methodFrom: number;
    methodTo: number | null;
    successorCode: string | null;
  };
  asOf: string;
  latest: Figures | null;
  previous: Figures | null;
  change: { score: number | null; rank: number | null } | null;
  target: TargetWithCheck | null;
  owner: Owner | null;
  links: LinkWithState[];
  components: {
    code: string;
    nameVi: string;
    nameEn: string;
    max: number;
    score: number | null;
    previousScore: number | null;
    change: number | null;
    target: TargetWithCheck | null;
    owner: Owner | null;
    links: LinkWithState[];
  }[];
}

/** GET /api/indices/:index/trend */
export interface Trend {
  index: string;
  successorCode: string | null;
  predecessorCode: string | null;
  points: {
    year: number;
    score: number | null;
    rank: number | null;
    rankedOf: number | null;
    group: string | null;
    scaleMax: number;
    unit: IndexUnit;
    methodFrom: number;
    components: Record<string, number>;
  }[];
}

/** 422 INDEX_IMPORT_INVALID details */
export interface ImportRowError {
  row: number;
  message: string;
}
