/**
 * From a task's resolved lead and support cells to its assignments (docs/domain-rules.md §3).
 *
 * - each lead agency → one lead; each lead group → one lead per member, except members named
 *   individually in the same task's support cell (they coordinate and do not report to themselves);
 * - an agency named individually as lead stays lead even if also named in support;
 * - support agencies and support-group members become supports, minus agencies that already lead;
 * - open groups (`members: null`) stay unexpanded; duplicates collapse.
 */
import type { CellRef } from './agency-cell.ts';
import type { LocalDate } from './dates.ts';
import type { Directory, DirectoryAgency } from './directory.ts';
import { isAgencyValidOn } from './directory.ts';

export type AssignmentRole = 'lead' | 'support';

export interface ExpandedAssignment {
  agencyCode: string;
  role: AssignmentRole;
}

export interface Expansion {
  /** Leads first (directory order within a group), then supports; no duplicates. */
  assignments: ExpandedAssignment[];
  /** Open groups (members null) stay unexpanded. */
  openGroups: { role: AssignmentRole; name: string }[];
  unmatched: { role: AssignmentRole; text: string; suggestions: string[] }[];
}

/** A group's members in directory order (codes unknown to the directory last), valid on `onDate`. */
function groupMembers(
  members: string[],
  byCode: Map<string, { agency: DirectoryAgency; order: number }>,
  onDate: LocalDate | undefined,
): string[] {
  const orderOf = (code: string) => byCode.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...members]
    .sort((a, b) => orderOf(a) - orderOf(b))
    .filter((code) => {
      const known = byCode.get(code);
      return !onDate || !known || isAgencyValidOn(known.agency, onDate);
    });
}

/** onDate: only agencies valid on that date (isAgencyValidOn) expand from groups. */
export function expandAssignees(
  lead: CellRef[],
  support: CellRef[],
  directory: Directory,
  onDate?: LocalDate,
): Expansion {
  const byCode = new Map(directory.agencies.map((agency, order) => [agency.code, { agency, order }]));
  const groups = new Map(directory.groups.map((g) => [g.name, g]));
  const named = (refs: CellRef[]) => new Set(refs.flatMap((r) => (r.kind === 'agency' ? [r.code] : [])));
  const namedInLead = named(lead);
  /** Members a lead group skips: named individually in support (and not individually in lead). */
  const coordinators = new Set([...named(support)].filter((code) => !namedInLead.has(code)));

  const leads: string[] = [];
  const supports: string[] = [];
  const openGroups: Expansion['openGroups'] = [];
  const unmatched: Expansion['unmatched'] = [];

  const addOpen = (role: AssignmentRole, name: string) => {
    if (!openGroups.some((g) => g.role === role && g.name === name)) openGroups.push({ role, name });
  };
  const addUnmatched = (role: AssignmentRole, text: string, suggestions: string[]) => {
    if (!unmatched.some((u) => u.role === role && u.text === text))
      unmatched.push({ role, text, suggestions });
  };
  /** Members of a closed group, or null when the group is open or unknown. */
  const membersOf = (name: string): string[] | null => {
    const members = groups.get(name)?.members;
    return members ? groupMembers(members, byCode, onDate) : null;
  };

  for (const ref of lead) {
    if (ref.kind === 'agency') {
      if (!leads.includes(ref.code)) leads.push(ref.code);
    } else if (ref.kind === 'group') {
      const members = membersOf(ref.name);
      if (!members) {
        addOpen('lead', ref.name);
        continue;
      }
      for (const code of members) {
        if (!coordinators.has(code) && !leads.includes(code)) leads.push(code);
      }
    } else {
      addUnmatched('lead', ref.text, ref.suggestions);
    }
  }

  const addSupport = (code: string) => {
    if (!leads.includes(code) && !supports.includes(code)) supports.push(code);
  };
  for (const ref of support) {
    if (ref.kind === 'agency') {
      addSupport(ref.code);
    } else if (ref.kind === 'group') {
      const members = membersOf(ref.name);
      if (members) members.forEach(addSupport);
      else addOpen('support', ref.name);
    } else {
      addUnmatched('support', ref.text, ref.suggestions);
    }
  }

  return {
    assignments: [
      ...leads.map((agencyCode) => ({ agencyCode, role: 'lead' as const })),
      ...supports.map((agencyCode) => ({ agencyCode, role: 'support' as const })),
    ],
    openGroups,
    unmatched,
  };
}
