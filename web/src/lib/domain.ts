import {
  AGEING_BUCKETS,
  AGEING_LABELS,
  ASSIGNMENT_STATES,
  type AssignmentState,
  STATE_LABELS,
} from '../../../src/domain/state.ts';
import type { Lang } from './i18n.tsx';

/** Calendar arithmetic on 'YYYY-MM-DD' strings, the server's own (src/domain/dates.ts). */
export { addDays, daysBetween } from '../../../src/domain/dates.ts';
/** Several lead agencies in one cell: one chosen, the others coordinate (src/domain/lead-choice.ts, §3). */
export { chooseOneLead } from '../../../src/domain/lead-choice.ts';

/** The §5 states and ageing buckets, shared with the server (src/domain/state.ts), with English labels and colours. */
export { AGEING_BUCKETS, ASSIGNMENT_STATES, type AssignmentState };
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

const STATE_LABELS_EN: Record<AssignmentState, string> = {
  done_on_time: 'Done – on time',
  done_late: 'Done – late',
  open_on_time: 'Open – on time',
  open_overdue: 'Open – overdue',
  ongoing: 'Ongoing',
  cancelled: 'Cancelled',
};

/** The four states of docs/domain-rules.md §5 in the order reports list them. */
export const FOUR_STATES = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue'] as const;

export const STATE_COLORS: Record<AssignmentState, string> = {
  done_on_time: '#389e0d',
  done_late: '#d48806',
  open_on_time: '#1677ff',
  open_overdue: '#cf1322',
  ongoing: '#722ed1',
  cancelled: '#8c8c8c',
};

/** antd Tag colours for the same states. */
export const STATE_TAG_COLORS: Record<AssignmentState, string> = {
  done_on_time: 'success',
  done_late: 'warning',
  open_on_time: 'processing',
  open_overdue: 'error',
  ongoing: 'purple',
  cancelled: 'default',
};

export function stateLabel(state: AssignmentState, lang: Lang): string {
  return lang === 'en' ? STATE_LABELS_EN[state] : STATE_LABELS[state];
}

const AGEING_LABELS_EN: Record<AgeingBucket, string> = {
  d0_30: 'Up to 30 days',
  d31_90: '31 to 90 days',
  d91_120: '91 to 120 days',
  d120_plus: 'Over 120 days',
};

export function ageingLabel(bucket: AgeingBucket, lang: Lang): string {
  return lang === 'en' ? AGEING_LABELS_EN[bucket] : AGEING_LABELS[bucket];
}

export type Role = 'admin' | 'office' | 'leader' | 'agency';

export function roleLabel(role: Role, lang: Lang): string {
  const vi: Record<Role, string> = {
    admin: 'Quản trị',
    office: 'Văn phòng',
    leader: 'Lãnh đạo',
    agency: 'Cơ quan, đơn vị',
  };
  const en: Record<Role, string> = {
    admin: 'Administrator',
    office: 'Office',
    leader: 'Leadership',
    agency: 'Agency',
  };
  return (lang === 'en' ? en : vi)[role];
}
