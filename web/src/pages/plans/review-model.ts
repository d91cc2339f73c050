import type { Agency, Group } from '../../../../src/shared/schemas/directory.ts';
import type { ImportPreview, PreviewWarning } from '../../../../src/shared/schemas/import.ts';
import type { PlanDocument } from '../../../../src/shared/schemas/plan.ts';
import { chooseOneLead } from '../../lib/domain.ts';
import { taskRef } from './plan-state.ts';

/** The import review's state and rules, without React: what the clerk changed and what is left. */

/** The plan as POST /api/plans (and the `plan` field of POST /api/plans/import) takes it. */
export interface PlanInput extends PlanDocument {
  sections: { code: string; title: string }[];
  tasks: {
    sectionCode: string;
    no: string;
    content: string;
    leadText: string;
    supportText: string;
    deadlineText: string;
    note: string;
    dueOn?: string | null;
  }[];
}

export interface ReviewState {
  /** did the clerk change anything? then `plan` is stored instead of what was read */
  corrected: boolean;
  plan: PlanInput;
  /** the clerk confirmed registering tasks that have no lead agency */
  confirmTasksWithoutLead: boolean;
  /** theo dõi từ ngày, asked when a deadline has passed (docs/domain-rules.md §6); absent otherwise */
  followupFrom?: string;
}

/** The clerk's change of one task row (by its position: a re-read of the same file keeps the order). */
export interface Edit {
  lead?: string[];
  support?: string[];
  dueOn?: string;
  /** a lead cell naming several agencies (warning several_leads): keep them all, or the one chosen */
  leadChoice?: LeadChoice;
}

/** The Office's answer to several_leads (docs/domain-rules.md §3): all lead, or one leads and the others coordinate. */
export type LeadChoice = { keepAll: true } | { one: string };

/**
 * The row's change for a lead choice, from the cells as read: keeping all leaves them as the
 * document has them; one lead makes the cell's other names coordinating agencies.
 */
export function leadChoiceEdit(task: { lead: string[]; support: string[] }, choice: LeadChoice): Edit {
  if ('keepAll' in choice) return { leadChoice: choice, lead: undefined, support: undefined };
  return { leadChoice: choice, ...chooseOneLead(task, choice.one) };
}

export type Edits = Record<number, Edit>;

/** The authority's directory as the review uses it. */
export interface ReviewDirectory {
  agencies: Agency[];
  groups: Group[];
}

/** Warnings about the document as a whole that the review shows at the top, before anything else. */
const PROMINENT: Record<string, 'error' | 'warning'> = {
  ocr_blank: 'error',
  ocr_not_vietnamese: 'error',
  ocr_text: 'warning',
  prose_items_without_lead: 'warning',
  missing_title: 'warning',
};

export function prominentWarnings(warnings: PreviewWarning[]) {
  return warnings
    .filter((w) => PROMINENT[w.code] !== undefined)
    .map((w) => ({ ...w, severity: PROMINENT[w.code] ?? 'warning' }));
}

/** Every name a task cell may hold and count as known: agencies' and groups' canonical names. */
export function knownNamesOf(directory: ReviewDirectory | null): Set<string> {
  return new Set([
    ...(directory?.agencies ?? []).map((a) => a.name),
    ...(directory?.groups ?? []).map((g) => g.name),
  ]);
}

/** Names that give a task a lead assignment: agencies, and groups with members. */
function leadingNamesOf(directory: ReviewDirectory): Set<string> {
  return new Set([
    ...directory.agencies.map((a) => a.name),
    ...directory.groups.filter((g) => !g.isOpen && g.members.length > 0).map((g) => g.name),
  ]);
}

/**
 * The tasks that would be registered with no lead agency: as the server said for rows the clerk left
 * alone, and from the chosen names for rows whose lead the clerk changed.
 */
export function tasksWithoutLeadOf(
  preview: ImportPreview,
  edits: Edits,
  directory: ReviewDirectory | null,
): string[] {
  const serverSaid = new Set(preview.tasksWithoutLead.map((t) => t.task));
  const leading = directory ? leadingNamesOf(directory) : null;
  return preview.tasks
    .map((task, index) => ({ ref: taskRef(task.section, task.no), lead: edits[index]?.lead }))
    .filter(({ ref, lead }) =>
      lead === undefined || leading === null ? serverSaid.has(ref) : !lead.some((name) => leading.has(name)),
    )
    .map(({ ref }) => ref);
}

/** After `from` became a directory name (`to`), the clerk's chosen names follow it. */
export function renameInEdits(edits: Edits, from: string, to: string): Edits {
  const rename = (names: string[] | undefined) =>
    names === undefined ? undefined : [...new Set(names.map((n) => (n === from ? to : n)))];
  const next: Edits = {};
  for (const [index, edit] of Object.entries(edits)) {
    const lead = rename(edit.lead);
    const support = rename(edit.support);
    next[Number(index)] = {
      ...edit,
      ...(lead ? { lead } : {}),
      ...(support ? { support } : {}),
    };
  }
  return next;
}

/** Has a warning been dealt with by the clerk's edits? */
export function isResolved(
  w: PreviewWarning,
  preview: ImportPreview,
  edits: Edits,
  known: Set<string>,
): boolean {
  const index = preview.tasks.findIndex((task) => taskRef(task.section, task.no) === w.task);
  const edit = edits[index];
  if (!edit) return false;
  if (w.code === 'several_leads') {
    // chosen in the review, or the lead cell edited by hand down to one of the agencies it named
    if (edit.leadChoice !== undefined) return true;
    return edit.lead !== undefined && edit.lead.filter((name) => w.agencies?.includes(name)).length < 2;
  }
  if (w.field === 'deadline') return edit.dueOn !== undefined;
  if (w.field === 'lead' || w.field === 'support') {
    const names = edit[w.field];
    return names !== undefined && names.length > 0 && names.every((name) => known.has(name));
  }
  return false;
}
