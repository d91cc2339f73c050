import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** 'YYYY-MM-DD' calendar date (see type-parsers.ts). */
type DateColumn = string;
type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a default: optional on insert. */
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AuthorityTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: Generated<string>;
  place: Generated<string>;
  time_zone: Generated<string>;
  settings: JsonDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface AgencyTable {
  id: Generated<number>;
  authority_id: number;
  code: string;
  name: string;
  aliases: Generated<string[]>;
  kind: 'province' | 'district' | 'commune' | 'unit';
  parent_id: number | null;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
  is_monitor: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AgencySuccessorTable {
  id: Generated<number>;
  authority_id: number;
  from_agency_id: number;
  to_agency_id: number;
  functions: string | null;
  effective_on: DateColumn;
}

export interface AgencyGroupTable {
  id: Generated<number>;
  authority_id: number;
  name: string;
  aliases: Generated<string[]>;
  is_open: Generated<boolean>;
  note: string | null;
  version: Generated<number>;
}

export interface AgencyGroupMemberTable {
  authority_id: number;
  group_id: number;
  agency_id: number;
}

export interface PlanTable {
  id: Generated<number>;
  authority_id: number;
  doc_type: string;
  number: string;
  issued_on: DateColumn;
  place: Generated<string>;
  title: string;
  signer: Generated<string>;
  bases: JsonDefault<string[]>;
  recipients: JsonDefault<string[]>;
  ends_on: DateColumn | null;
  cancelled_on: DateColumn | null;
  /** công khai — when the Office published the plan; null: not on the public page (§11) */
  published_at: Date | null;
  /** theo dõi từ ngày — reminders, scores and days late never count a day before it; null: from the issue date (issue #14 §4, §6) */
  followup_from: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PlanSectionTable {
  id: Generated<number>;
  authority_id: number;
  plan_id: number;
  code: string;
  title: string;
  position: number;
}

/** A name in a lead/support cell that dondoc could not turn into assignments. */
export interface UnresolvedRef {
  role: 'lead' | 'support';
  kind: 'unmatched' | 'open_group';
  text: string;
  suggestions?: string[];
}

export interface TaskTable {
  id: Generated<number>;
  authority_id: number;
  plan_id: number;
  section_id: number | null;
  no: string;
  /** 'I.3': section code and number, unique within the plan */
  ref: string;
  content: string;
  lead_text: string;
  support_text: string;
  deadline_text: string;
  deadline_kind: 'once' | 'recurring' | 'ongoing' | 'unparsed';
  due_on: DateColumn | null;
  recurrence: Json<Record<string, unknown> | null>;
  unresolved: JsonDefault<UnresolvedRef[]>;
  note: string;
  position: number;
  cancelled_on: DateColumn | null;
  /** lãnh đạo phụ trách — the leader account (Phó Chủ tịch) in charge; migration 2026-12-07T1200 */
  leader_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AssignmentTable {
  id: Generated<number>;
  authority_id: number;
  task_id: number;
  agency_id: number;
  role: 'lead' | 'support';
  occurrence: number;
  period_label: string | null;
  opens_on: DateColumn;
  original_due_on: DateColumn | null;
  current_due_on: DateColumn | null;
  /** the due date as stated or extended; `current_due_on` is it moved per the authority's setting (§4a); written only by the database's trigger */
  stated_due_on: ColumnType<string | null, never, never>;
  cancelled_on: DateColumn | null;
  /** receipt date of the earliest accepted result; written only by the database's triggers */
  done_on: ColumnType<string | null, never, never>;
  parent_assignment_id: ColumnType<number | null, number | null | undefined, number | null>;
  moved_to_assignment_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ResultSubmissionTable {
  id: Generated<number>;
  authority_id: number;
  assignment_id: number;
  submitted_on: DateColumn;
  document_number: string | null;
  note: Generated<string>;
  status: 'pending' | 'accepted' | 'returned';
  decided_on: DateColumn | null;
  decided_by: string | null;
  return_reason: string | null;
  /** kỳ báo cáo `YYYY-MM` of a periodic result of an ongoing (Thường xuyên) assignment; null: the result that completes it (§5) */
  period: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface ExtensionRequestTable {
  id: Generated<number>;
  authority_id: number;
  assignment_id: number;
  requested_on: DateColumn;
  requested_due_on: DateColumn;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decided_on: DateColumn | null;
  decided_by: string | null;
  decision_note: string | null;
  /** the Office's proposal to the leader (trình, docs/domain-rules.md §10); migration 2026-12-07T1200 */
  proposed_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  proposed_by: ColumnType<string | null, string | null | undefined, string | null>;
  office_recommends: ColumnType<'approve' | 'reject' | null, 'approve' | 'reject' | null | undefined>;
  office_opinion: ColumnType<string | null, string | null | undefined, string | null>;
  /** the deciding user, and the decision document (số, ngày) when a leader decided */
  decided_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  decision_number: ColumnType<string | null, string | null | undefined, string | null>;
  decision_date: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  created_at: CreatedAt;
}

export interface WrittenReminderTable {
  id: Generated<number>;
  authority_id: number;
  assignment_id: number;
  agency_id: number;
  due_on: DateColumn;
  reminded_on: DateColumn;
  year: number;
  /** the công văn đôn đốc that listed it (set by the daily sweep) */
  letter_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** withdrawn (kept for audit, no longer counted) when the rule no longer gives it; migration 2026-11-27T2100 */
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** the correction notice that told the agency of the withdrawal (migration 2026-12-07T1100) */
  correction_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** the sweep day that recorded it: what a day off defers is told on the next working day (migration 2026-12-08T0200) */
  recorded_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  authority_id: number | null;
  at: CreatedAt;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  data: JsonDefault<Record<string, unknown>>;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
  ip: string | null | undefined;
}

export interface PlanSourceTable {
  id: Generated<number>;
  authority_id: number;
  plan_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: CreatedAt;
}

export type Role = 'admin' | 'office' | 'leader' | 'agency';

export interface AppUserTable {
  id: Generated<number>;
  authority_id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
  password_hash: string;
  disabled: Generated<boolean>;
  password_changed_at: ColumnType<Date, Date | undefined, Date>;
  /** where the follow-up e-mails go; null = in-app notifications only */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** thủ trưởng — the head of the user's agency: receives escalations */
  is_head: Generated<boolean>;
  /** the identity provider's `sub` for this account, bound at its first OpenID Connect sign-in */
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** A sign-in begun at the identity provider, not yet come back (ten minutes, used once). */
export interface OidcLoginTable {
  id: Generated<number>;
  /** sha256 of the random value in the browser's HttpOnly `dondoc_oidc` cookie */
  binding_hash: string;
  state: string;
  nonce: string;
  /** PKCE code_verifier (S256 challenge sent to the provider) */
  code_verifier: string;
  redirect_uri: string;
  /** a same-origin path to land on after sign-in */
  return_to: string;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface UserSessionTable {
  id: Generated<number>;
  authority_id: number;
  user_id: number;
  token_hash: string;
  csrf_token: string;
  expires_at: Date;
  /** the last request seen on this session (kept to the minute): idle sessions end */
  last_seen_at: Generated<Date>;
  created_at: CreatedAt;
}

/** Sign-in failures per (typed name, client address): the delay before the next try (issue #16). */
export interface LoginThrottleTable {
  name_key: string;
  address: string;
  failures: number;
  blocked_until: Date | null;
  updated_at: Generated<Date>;
}

/** Request counters of @fastify/rate-limit, shared by every server process. */
export interface RateLimitHitTable {
  key: string;
  hits: number;
  reset_at: Date;
}

export interface ApiTokenTable {
  id: Generated<number>;
  authority_id: number;
  user_id: number;
  name: string;
  token_hash: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** refused from this instant on; migration 2026-12-06T1200-tokens-results */
  expires_at: Date;
  /** the actions this token may take (null = every right of its user); migration 2026-11-27T1900-indices */
  scopes: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  created_at: CreatedAt;
}

export interface StoredFileTable {
  id: Generated<number>;
  authority_id: number;
  sha256: string;
  size_bytes: number;
  media_type: string;
  file_name: string;
  uploaded_by: number | null;
  created_at: CreatedAt;
}

export interface ResultFileTable {
  authority_id: number;
  result_id: number;
  file_id: number;
}

export interface ObstacleTable {
  id: Generated<number>;
  authority_id: number;
  assignment_id: number;
  reported_on: DateColumn;
  description: string;
  proposal: Generated<string>;
  status: 'open' | 'answered';
  response: string | null;
  responded_on: DateColumn | null;
  responded_by: string | null;
  created_at: CreatedAt;
}

/** The follow-up engine (issue #5): swept days, notifications, the e-mail outbox, reminder letters. */
export interface SweepDayTable {
  authority_id: number;
  day: DateColumn;
  completed_at: CreatedAt;
}

export type NotificationKind = 'notice' | 'reminder' | 'digest' | 'escalation' | 'overdue_list';

export interface NotificationTable {
  id: Generated<number>;
  authority_id: number;
  user_id: number;
  kind: NotificationKind;
  /** unique: the exactly-once key of the sweep, e.g. 'notice:a12:2021-01-20:d3:u7' */
  business_key: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  assignment_id: number | null;
  created_at: CreatedAt;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';
/** An attachment by reference: the bytes are read at send time. */
export type OutboxAttachment = { kind: 'reminder_letter'; letterId: number };

export interface OutboxMessageTable {
  id: Generated<number>;
  authority_id: number;
  business_key: string;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  attachments: JsonDefault<OutboxAttachment[]>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

/** Công văn đôn đốc and correction notices (migration 2026-12-07T1100-letters, docs/domain-rules.md §6.1). */
export interface ReminderLetterTable {
  id: Generated<number>;
  authority_id: number;
  /** 'correction': tells an agency that reminders of an issued letter were withdrawn */
  kind: ColumnType<LetterKind, LetterKind | undefined, LetterKind>;
  /** a draft until the Office registers it (number and date from the outgoing register) */
  status: ColumnType<LetterStatus, LetterStatus | undefined, LetterStatus>;
  /** the sweep day's year while a draft, then the year of its date */
  year: number;
  /** the register's number; null on a draft, or when left for the văn thư to write */
  number: number | null;
  symbol: string;
  /** null while a draft */
  issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  sweep_day: DateColumn;
  /** the .docx; null on a draft until its first download renders it from `input` (issue #18) */
  content: Uint8Array | null;
  file_name: string;
  /** the reply deadline the letter set and the day the sweep followed it up (docs/domain-rules.md §10) */
  reply_due_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  reply_followed_up_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  /** the facts the letter was drafted from, rendered again when it is registered; null before 2026-12-07 */
  input: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** a correction notice: the letter it corrects */
  corrects_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export type LetterKind = 'reminder' | 'correction';
export type LetterStatus = 'draft' | 'issued';

/** The agencies a letter is addressed to (Kính gửi). */
export interface ReminderLetterAgencyTable {
  letter_id: number;
  agency_id: number;
}

/** Chỉ số PCI, PAPI, PAR Index, ICT/DTI, SIPAS (migration 2026-11-27T1900-indices; global definitions). */
export interface IndexDefinitionTable {
  id: Generated<number>;
  code: string;
  valid_from: number;
  valid_to: number | null;
  name_vi: string;
  name_en: string;
  short_name: string;
  publisher: string;
  scale_max: number;
  unit: 'points' | 'percent' | 'ratio';
  higher_is_better: boolean;
  component_kind: 'sub_index' | 'dimension' | 'area' | 'pillar' | 'factor';
  groups: string[];
  successor_code: string | null;
  method_note: string;
  source_note: string;
}

export interface IndexComponentTable {
  id: Generated<number>;
  definition_id: number;
  code: string;
  position: number;
  name_vi: string;
  name_en: string;
  max: number;
}

export interface IndexResultTable {
  id: Generated<number>;
  authority_id: number;
  index_code: string;
  year: number;
  definition_id: number;
  score: number | null;
  rank: number | null;
  ranked_of: number | null;
  group_label: string | null;
  source_note: string;
  source_url: string | null;
  published: boolean;
  internal_note: string;
  entered_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IndexComponentScoreTable {
  id: Generated<number>;
  authority_id: number;
  result_id: number;
  component_id: number;
  score: number;
}

export interface IndexTargetTable {
  id: Generated<number>;
  authority_id: number;
  index_code: string;
  /** '' = the whole index */
  component_code: string;
  from_year: number;
  to_year: number;
  target_score: number | null;
  target_rank: number | null;
  target_group: string | null;
  source_note: string;
  created_at: CreatedAt;
}

export interface IndexOwnerTable {
  id: Generated<number>;
  authority_id: number;
  index_code: string;
  component_code: string;
  agency_id: number;
  owner_can_edit: boolean;
  created_at: CreatedAt;
}

export interface IndexLinkTable {
  id: Generated<number>;
  authority_id: number;
  index_code: string;
  component_code: string;
  plan_id: number | null;
  task_id: number | null;
  assignment_id: number | null;
  created_by: string;
  created_at: CreatedAt;
}

/** A day of an authority's working calendar that is not as its weekday says (docs/domain-rules.md §4a). */
export interface CalendarDayTable {
  authority_id: number;
  date: DateColumn;
  kind: 'day_off' | 'working_day';
  name: string;
  source: 'shipped' | 'office';
}

/**
 * What a counted lead assignment was last counted as in `statistic_delta` (migration 2026-12-08T0600;
 * kept by triggers, never written by the app).
 */
export interface StatisticFactTable {
  assignment_id: number;
  authority_id: number;
  agency_id: number;
  plan_id: number;
  opened_on: DateColumn;
  due_on: DateColumn | null;
  done_on: DateColumn | null;
  cancelled_on: DateColumn | null;
}

/**
 * How much each §5 figure of an agency (or plan) changes on a day, at the grain of that day, its month
 * or its year (`day` is then the first of the month or year): the overview as of D sums the changes
 * dated on or before D (statistics.repo.ts `countFromDeltas`). Kept by triggers (migration 2026-12-08T0600).
 */
export interface StatisticDeltaTable {
  authority_id: number;
  dimension: 'agency' | 'plan';
  grain: 'y' | 'm' | 'd';
  day: DateColumn;
  group_id: number;
  total: number;
  done_on_time: number;
  done_late: number;
  open_on_time: number;
  open_overdue: number;
  ongoing: number;
  cancelled: number;
  due: number;
  due_on_time: number;
  reminders: number;
  d0_30: number;
  d31_90: number;
  d91_120: number;
  d120_plus: number;
}

/**
 * `statistic_delta` with the month of the due date (`due_month`, 'infinity' for an ongoing assignment)
 * and the month it was done or withdrawn (`end_month`, 'infinity' while neither): a report for a
 * period of whole months sums the assignments in force in it (statistics.repo.ts `countReportFromDeltas`).
 * Kept by triggers (migration 2026-12-09T0100).
 */
export interface ReportDeltaTable extends StatisticDeltaTable {
  due_month: DateColumn;
  end_month: DateColumn;
}

export interface DB {
  authority: AuthorityTable;
  agency: AgencyTable;
  agency_successor: AgencySuccessorTable;
  agency_group: AgencyGroupTable;
  agency_group_member: AgencyGroupMemberTable;
  plan: PlanTable;
  plan_section: PlanSectionTable;
  task: TaskTable;
  assignment: AssignmentTable;
  result_submission: ResultSubmissionTable;
  extension_request: ExtensionRequestTable;
  written_reminder: WrittenReminderTable;
  audit_log: AuditLogTable;
  plan_source: PlanSourceTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  oidc_login: OidcLoginTable;
  login_throttle: LoginThrottleTable;
  rate_limit_hit: RateLimitHitTable;
  api_token: ApiTokenTable;
  stored_file: StoredFileTable;
  result_file: ResultFileTable;
  obstacle: ObstacleTable;
  sweep_day: SweepDayTable;
  notification: NotificationTable;
  outbox_message: OutboxMessageTable;
  reminder_letter: ReminderLetterTable;
  reminder_letter_agency: ReminderLetterAgencyTable;
  index_definition: IndexDefinitionTable;
  index_component: IndexComponentTable;
  index_result: IndexResultTable;
  index_component_score: IndexComponentScoreTable;
  index_target: IndexTargetTable;
  index_owner: IndexOwnerTable;
  index_link: IndexLinkTable;
  calendar_day: CalendarDayTable;
  statistic_fact: StatisticFactTable;
  statistic_delta: StatisticDeltaTable;
  report_delta: ReportDeltaTable;
}

export type Authority = Selectable<AuthorityTable>;
export type Agency = Selectable<AgencyTable>;
export type Plan = Selectable<PlanTable>;
export type Task = Selectable<TaskTable>;
export type Assignment = Selectable<AssignmentTable>;
export type NewAssignment = Insertable<AssignmentTable>;
