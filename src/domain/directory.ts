import type { LocalDate } from './dates.ts';

/** Loại cơ quan — what kind of body an agency is. */
export type AgencyKind = 'province' | 'district' | 'commune' | 'unit';

/** Cơ quan — one agency of the authority's directory, as the domain rules see it. */
export interface DirectoryAgency {
  code: string;
  name: string;
  aliases: string[];
  kind: AgencyKind;
  /** Hiệu lực từ / đến — the agency exists on [validFrom, validTo). Null = unbounded. */
  validFrom?: LocalDate | null;
  validTo?: LocalDate | null;
}

/** Nhóm cơ quan — e.g. "Các sở, ban, ngành tỉnh". `members: null` is an open group. */
export interface DirectoryGroup {
  name: string;
  aliases: string[];
  members: string[] | null;
}

export interface Directory {
  agencies: DirectoryAgency[];
  groups: DirectoryGroup[];
  /** The authority's place name ("Tây Ninh"), a word cells may append to agency names. */
  place?: string;
}

export function isAgencyValidOn(agency: DirectoryAgency, date: LocalDate): boolean {
  if (agency.validFrom && date < agency.validFrom) return false;
  if (agency.validTo && date >= agency.validTo) return false;
  return true;
}
