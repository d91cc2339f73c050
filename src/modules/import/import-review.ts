import { resolveAgencyCell } from '../../domain/agency-cell.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { type AgencyKind, type Directory, isAgencyValidOn } from '../../domain/directory.ts';
import { expandAssignees } from '../../domain/expansion.ts';
import { foldVietnamese } from '../../domain/vietnamese-text.ts';
import { taskRef } from '../plans/plans.service.ts';
import type { ImportPreview, PreviewTask } from './import-preview.ts';

/**
 * What the import review asks the Office to settle before a plan is registered (pure): the agency
 * names the directory does not know, each with what adding it would take, and the tasks that would
 * be registered without any lead assignment.
 */

/** A task that would get no lead assignment: no lead written, or only names/open groups dondoc cannot expand. */
export interface TaskWithoutLead {
  task: string;
  leadText: string;
  /** `none`: no lead agency written; `unresolved`: written, but no directory agency or group with members */
  reason: 'none' | 'unresolved';
}

/** One name the directory does not know, as the review offers it: add it, or make it an alias. */
export interface UnknownAgency {
  name: string;
  /** tasks naming it, as lead or support */
  tasks: string[];
  lead: boolean;
  /** closest directory names (the matcher's suggestions: never another level's) */
  suggestions: string[];
  /** a free code for "add as a new agency" */
  code: string;
  kind: AgencyKind;
}

/** The task rows the check reads: a preview's, or a plan input's (corrected by the Office). */
export interface LeadRow {
  sectionCode?: string | undefined;
  no: string;
  leadText?: string | undefined;
  supportText?: string | undefined;
}

/**
 * Tasks that would be registered with no lead assignment, as createPlan expands them on `onDate`
 * (the plan's issue date: group members valid then; unknown: every member).
 */
export function findTasksWithoutLead(
  tasks: LeadRow[],
  directory: Directory,
  onDate: LocalDate | undefined,
): TaskWithoutLead[] {
  const found: TaskWithoutLead[] = [];
  for (const task of tasks) {
    const leadText = task.leadText ?? '';
    const lead = resolveAgencyCell(leadText, directory);
    const support = resolveAgencyCell(task.supportText ?? '', directory);
    const { assignments } = expandAssignees(lead, support, directory, onDate);
    if (assignments.some((a) => a.role === 'lead')) continue;
    found.push({
      task: taskRef(task.sectionCode ?? '', task.no),
      leadText,
      reason: lead.length === 0 ? 'none' : 'unresolved',
    });
  }
  return found;
}

/**
 * The same as findTasksWithoutLead for a preview's tasks, from the names they already matched: no
 * text is read again, so it stays cheap for the largest documents. As expandAssignees: a named
 * agency leads; a closed group leads through its members valid on `onDate`, except those the task
 * names individually in support (they coordinate).
 */
export function previewTasksWithoutLead(
  tasks: PreviewTask[],
  directory: Directory,
  onDate: LocalDate | undefined,
): TaskWithoutLead[] {
  const codeOf = new Map(directory.agencies.map((a) => [a.name, a.code]));
  const agencyOf = new Map(directory.agencies.map((a) => [a.code, a]));
  const membersOf = new Map<string, string[]>();
  for (const group of directory.groups) {
    if (!group.members) continue;
    membersOf.set(
      group.name,
      group.members.filter((code) => {
        const agency = agencyOf.get(code);
        return !onDate || !agency || isAgencyValidOn(agency, onDate);
      }),
    );
  }
  const leads = (task: PreviewTask) => {
    if (task.lead.some((name) => codeOf.has(name))) return true;
    const coordinators = new Set(task.support.map((name) => codeOf.get(name)));
    return task.lead.some((name) => (membersOf.get(name) ?? []).some((code) => !coordinators.has(code)));
  };
  return tasks
    .filter((task) => !leads(task))
    .map((task) => ({
      task: taskRef(task.section, task.no),
      leadText: task.leadText,
      reason: task.lead.length === 0 ? ('none' as const) : ('unresolved' as const),
    }));
}

/** Names listed, and names whose suggestions are looked up: nobody settles hundreds in one review. */
const MAX_LISTED = 200;
const MAX_SUGGESTED = 20;

/**
 * Names in the preview's lead/support lists that are not a directory agency's or group's name (the
 * first MAX_LISTED of them; once they are settled, the next reading lists the rest).
 */
export function listUnknownAgencies(preview: ImportPreview, directory: Directory): UnknownAgency[] {
  const known = new Set([...directory.agencies.map((a) => a.name), ...directory.groups.map((g) => g.name)]);
  const taken = new Set(directory.agencies.map((a) => a.code.toUpperCase()));
  const byKey = new Map<string, UnknownAgency>();
  const suffixes = new Map<string, number>();
  const groupOnly = new Map<string, boolean>();
  for (const task of preview.tasks) {
    const ref = taskRef(task.section, task.no);
    for (const [role, names] of [
      ['lead', task.lead],
      ['support', task.support],
    ] as const) {
      for (const name of names) {
        if (known.has(name)) continue;
        const key = foldVietnamese(name.replace(/[^\p{L}\p{N}]+/gu, ' '));
        if (!key) continue;
        let unknown = byKey.get(key);
        if (!unknown) {
          if (byKey.size >= MAX_LISTED || namesOnlyGroups(name, directory, groupOnly)) continue;
          const code = suggestAgencyCode(name, taken, suffixes);
          taken.add(code);
          unknown = {
            name,
            tasks: [],
            lead: false,
            suggestions: byKey.size < MAX_SUGGESTED ? suggestionsFor(name, directory) : [],
            code,
            kind: guessAgencyKind(name),
          };
          byKey.set(key, unknown);
        }
        if (!unknown.tasks.includes(ref)) unknown.tasks.push(ref);
        if (role === 'lead') unknown.lead = true;
      }
    }
  }
  return [...byKey.values()];
}

/** 'các cơ quan liên quan': a name the matcher reads as a group (an open one), not an agency to add. */
function namesOnlyGroups(name: string, directory: Directory, cache: Map<string, boolean>): boolean {
  let only = cache.get(name);
  if (only === undefined) {
    const refs = resolveAgencyCell(name, directory);
    only = refs.length > 0 && refs.every((ref) => ref.kind === 'group');
    cache.set(name, only);
  }
  return only;
}

function suggestionsFor(name: string, directory: Directory): string[] {
  const names = resolveAgencyCell(name, directory).flatMap((ref) =>
    ref.kind === 'unmatched' ? ref.suggestions : [],
  );
  return [...new Set(names)];
}

/** Words left out of a code: joiners, and `tỉnh` (every provincial agency could end with it). */
const CODE_SKIPS = new Set(['va', 'cac', 'tinh']);
const MAX_CODE = 12;

/**
 * A code for a new agency, from the first letters of its name's words (`Trung tâm Phục vụ hành
 * chính công` → `TTPVHCC`, as the seed's `SKHDT`), made free by a number when taken.
 */
export function suggestAgencyCode(
  name: string,
  taken: ReadonlySet<string>,
  /** the next number to try per base, kept across calls when many names share one */
  suffixes: Map<string, number> = new Map(),
): string {
  const words = foldVietnamese(name.replace(/&/g, ' và ')).split(/[^a-z0-9]+/);
  const letters = words
    .filter((w) => !CODE_SKIPS.has(w))
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const base = (letters || 'CQ').slice(0, MAX_CODE - 2);
  if (!taken.has(base)) return base;
  for (let n = suffixes.get(base) ?? 2; ; n++) {
    const code = `${base}${n}`;
    if (!taken.has(code)) {
      suffixes.set(base, n + 1);
      return code;
    }
  }
}

/** The kind an unknown name most likely is: a district or commune committee (or its office), else provincial. */
export function guessAgencyKind(name: string): AgencyKind {
  const folded = foldVietnamese(name).replace(/\s+/g, ' ').trim();
  const level =
    /^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+(huyen|quan|thi xa|thanh pho|tp|tx|xa|phuong|thi tran)\b/.exec(
      folded,
    )?.[1];
  if (level === 'xa' || level === 'phuong' || level === 'thi tran') return 'commune';
  if (level) return 'district';
  if (/^phong\b/.test(folded)) return 'district';
  return 'province';
}
