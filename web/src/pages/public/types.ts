import type { Counts } from '../../../../src/shared/schemas/plan.ts';
import type { AssignmentState } from '../../lib/domain.ts';

/** The answers of the public routes (src/modules/public/public.routes.ts, GET /api/public/indices). */

export interface PublicAuthority {
  code: string;
  name: string;
}

export interface PublicProgress {
  asOf: string;
  counts: Counts;
  onTimeRate: number | null;
}

export interface PublicPlans {
  authority: PublicAuthority;
  asOf: string;
  plans: {
    id: number;
    docType: string;
    number: string;
    title: string;
    issuedOn: string;
    progress: PublicProgress;
  }[];
}

export interface PublicPlan {
  asOf: string;
  plan: {
    id: number;
    authority: PublicAuthority;
    docType: string;
    number: string;
    title: string;
    issuedOn: string;
    signer: string;
    progress: PublicProgress;
  };
  sections: { code: string; title: string }[];
  tasks: {
    stt: string;
    ref: string;
    section: string | null;
    content: string;
    leadAgencies: string[];
    deadline: string;
    state: AssignmentState | null;
    stateLabel: string;
  }[];
}

export interface PublicIndices {
  authority: PublicAuthority;
  indices: { code: string; shortName: string; nameVi: string; nameEn: string; publisher: string }[];
  results: {
    index: string;
    year: number;
    methodFrom: number;
    scaleMax: number;
    unit: 'points' | 'percent' | 'ratio';
    score: number | null;
    rank: number | null;
    rankedOf: number | null;
    group: string | null;
    sourceNote: string;
    sourceUrl: string | null;
  }[];
}
