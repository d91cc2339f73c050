/** Answers of the settings API (src/modules/followup/followup-admin.routes.ts, src/modules/scoring/scoring.routes.ts). */

export interface LetterSettings {
  issuer: { parent: string; name: string; place: string };
  symbol: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  consequence: string;
  reportWithinDays: number;
}

/** GET|PUT /api/settings/letters */
export interface LetterSettingsView {
  /** what the authority has set; a missing field takes the default */
  settings: Partial<LetterSettings> & Record<string, unknown>;
  /** what the next letter uses; null while the stored settings are invalid */
  effective: LetterSettings | null;
  problems: string[];
  version: number;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';
export type OutboxFilter = 'pending' | 'sent' | 'dead';

export interface OutboxMessage {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** GET /api/outbox */
export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<OutboxStatus, number>;
}

export interface GradeBand {
  minRate: number;
  label: string;
}

export type Criterion =
  | {
      kind: 'per_reminder';
      id: string;
      name: string;
      max: number;
      maxByAgency?: Record<string, number>;
      deduction: number;
      floor: number;
    }
  | {
      kind: 'rate_bands';
      id: string;
      name: string;
      max: number;
      maxByAgency?: Record<string, number>;
      bands: { minRate: number; points: number }[];
    }
  | {
      kind: 'nd335';
      id: string;
      name: string;
      max: number;
      general: { max: number; points?: Record<string, number> };
      results: { max: number; deductionPerLateTask: number; deductionPerOverdueTask: number };
      grades: { min: number; label: string }[];
    };

export type CriterionKind = Criterion['kind'];

export interface RuleSet {
  year: number;
  name: string;
  criteria: Criterion[];
  grades: GradeBand[];
  exclude: string[];
  criticismThreshold: number;
}

/** GET|PUT /api/score-rule-sets/:year */
export interface RuleSetReply {
  year: number;
  source: 'configured' | 'default';
  /** the stored row's version; null for the default (PUT with null creates) */
  version: number | null;
  ruleSet: RuleSet;
}

export interface AgencyOption {
  id: number;
  code: string;
  name: string;
}
