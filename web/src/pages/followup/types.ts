import type { AssignmentState } from '../../lib/domain.ts';

/** GET /api/reminders */
export interface Reminders {
  asOf: string;
  reminders: {
    agency: string;
    agencyName: string;
    plan: string;
    task: string;
    occurrence: number;
    dueOn: string;
    remindedOn: string;
    year: number;
  }[];
}
export type Reminder = Reminders['reminders'][number];

/** One row of GET /api/letters */
export interface Letter {
  id: number;
  year: number;
  number: number;
  issuedOn: string;
  agency: { code: string; name: string };
  fileName: string;
  tasks: {
    plan: string;
    task: string;
    dueOn: string;
    withdrawnAt: string | null;
    withdrawnReason: string | null;
  }[];
}

/** POST /api/sweeps */
export interface SweepResult {
  authority: string;
  asOf: string;
  days: string[];
  reminders: number;
  letters: number;
  notifications: number;
  emails: number;
}

/** A reminder or a task behind a point lost, or behind a criticism. */
export interface Cause {
  plan: string;
  task: string;
  occurrence: number;
  dueOn: string;
  remindedOn?: string;
  doneOn?: string | null;
  state?: AssignmentState;
}

export interface AgencyScore {
  code: string;
  name: string;
  max: number;
  points: number;
  rate: number;
  grade: string;
  reminders: number;
  due: number;
  onTime: number;
  criteria: {
    id: string;
    name: string;
    kind: 'per_reminder' | 'rate_bands' | 'nd335';
    max: number;
    points: number;
    note: string | null;
  }[];
  lost: { criterion: string; points: number; reason: string; because: Cause[] }[];
}

/** GET /api/scores?year= */
export interface Scores {
  year: number;
  asOf: string;
  provisional: boolean;
  ruleSet: { name: string; source: 'configured' | 'default'; version: number | null; excluded: string[] };
  agencies: AgencyScore[];
}

/** GET /api/commendations?from=&to= */
export interface Commendations {
  from: string;
  to: string;
  asOf: string;
  provisional: boolean;
  threshold: number;
  commended: { code: string; name: string; due: number }[];
  criticised: { code: string; name: string; reminders: number; because: Cause[] }[];
}
