/**
 * The prose items read by plan-prose.ts → tasks: an item is a task when it names a lead (attribute
 * lines, attributes in its own paragraph, an inline "giao X chủ trì" clause, or an item addressed to an
 * agency, "1. Sở Y tế: …"); its number from its place in the outline ('2', '2a', '3.1').
 */

import type { ParsedSection, ParsedTask, ParseWarning } from './parsed-plan.ts';
import {
  type Attribute,
  type AttributeField,
  attributesInText,
  findAddressee,
  findAssignment,
  splitAssignee,
  trimEnd,
} from './plan-prose-clause.ts';
import { columnMap } from './plan-text-columns.ts';
import { collapse, fixOcr } from './plan-text-header.ts';

export type Kind = 'number' | 'letter' | 'dash' | 'plus';

export interface Item {
  kind: Kind;
  /** '1', '1.2' (number), 'a' (letter), '' (dash, plus) */
  marker: string;
  depth: number;
  parent: Item | null;
  children: Item[];
  sectionCode: string;
  text: string[];
  attributes: Partial<Record<AttributeField, string[]>>;
  raw: string[];
  line: number;
}

export interface ProseResult {
  sections: ParsedSection[];
  tasks: ParsedTask[];
  /** numbered or lettered items of sections with tasks that assign nothing, as 'II.3' labels */
  unassigned: { label: string; line: number }[];
}

/** Adds attributes to an item; returns the last one's field (where a wrapped line continues). */
export function setAttributes(item: Item, attributes: Attribute[]): AttributeField {
  let last: AttributeField = 'lead';
  for (const { field, value } of attributes) {
    item.attributes[field] = [...(item.attributes[field] ?? []), value];
    last = field;
  }
  return last;
}

export function assemble(items: Item[], sections: ParsedSection[]): ProseResult {
  const tasks: ParsedTask[] = [];
  const assigning = new Set<Item>();
  const dashOrdinal = new Map<Item | null, number>();
  const tasksOf = new Map<Item, ParsedTask>();
  for (const item of items) {
    const task = toTask(item);
    if (!task) continue;
    assigning.add(item);
    for (let p = item.parent; p; p = p.parent) assigning.add(p);
    if (item.kind === 'dash' || item.kind === 'plus') {
      const ordinal = (dashOrdinal.get(item.parent) ?? 0) + 1;
      dashOrdinal.set(item.parent, ordinal);
      const parentNo = item.parent ? numberOf(item.parent) : '';
      task.no = parentNo ? `${parentNo}.${ordinal}` : String(ordinal);
    }
    tasksOf.set(item, task);
    tasks.push(task);
  }
  const withTasks = new Set(tasks.map((task) => task.sectionCode));
  const unassigned = items
    .filter((item) => (item.kind === 'number' || item.kind === 'letter') && !assigning.has(item))
    .filter((item) => withTasks.has(item.sectionCode))
    .map((item) => ({ label: label(item.sectionCode, numberOf(item)), line: item.line }));
  // a heading over no task (MỤC ĐÍCH, YÊU CẦU; TỔ CHỨC THỰC HIỆN) is text, not a section of the plan
  return { sections: sections.filter((section) => withTasks.has(section.code)), tasks, unassigned };
}

/** '2' for item 2, '2a' for its "a)", the dash item's parent's number for a dash item. */
function numberOf(item: Item): string {
  if (item.kind === 'number') return item.marker;
  if (item.kind === 'letter') return `${item.parent ? numberOf(item.parent) : ''}${item.marker}`;
  return item.parent ? numberOf(item.parent) : '';
}

function label(sectionCode: string, no: string): string {
  return sectionCode ? `${sectionCode}.${no}` : no;
}

/** The item as a task when it names a lead (attribute lines first, else an inline clause), else null. */
function toTask(item: Item): ParsedTask | null {
  let text = fixOcr(collapse(item.text.join(' ')));
  const written = item.attributes.lead || item.attributes.assignee ? null : attributesInText(text);
  if (written) {
    text = written.content;
    setAttributes(item, written.attributes);
  }
  const attr = (field: AttributeField) => (item.attributes[field] ?? []).map(collapse).join('; ');
  const assignee = item.attributes.assignee ? splitAssignee(attr('assignee')) : null;
  let lead = [assignee?.lead ?? '', trimEnd(attr('lead'))].filter((part) => part !== '').join('; ');
  let support = [assignee?.support ?? '', trimEnd(attr('support'))].filter((part) => part !== '').join('; ');
  let deadline = attr('deadline');
  let content = trimEnd(text);
  if (!lead) {
    const inline = findAssignment(text) ?? findAddressee(text);
    if (!inline) return null;
    ({ lead, support } = inline);
    // "1. Sở Y tế:" over dash lines: the duties are the lines under it
    content = inline.content || item.children.map((c) => trimEnd(collapse(c.text.join(' ')))).join('; ');
    deadline ||= inline.deadline;
  }
  return {
    sectionCode: item.sectionCode,
    no: numberOf(item),
    content,
    leadText: lead,
    supportText: support,
    deadlineText: deadline,
    note: '',
    product: trimEnd(attr('product')),
    extra: columnMap(),
    raw: item.raw.join('\n'),
    line: item.line,
  };
}

/** The warning that lists the numbered items which assign nothing (null when there are none). */
export function unassignedWarning(unassigned: ProseResult['unassigned']): ParseWarning | null {
  const first = unassigned[0];
  if (!first) return null;
  const labels = unassigned.map((item) => item.label);
  const shown = labels.length > 12 ? `${labels.slice(0, 12).join(', ')} …` : labels.join(', ');
  return {
    line: first.line,
    code: 'prose_items_without_lead',
    message: `${labels.length} mục không giao cơ quan chủ trì, được coi là văn bản, không phải nhiệm vụ: ${shown}.`,
  };
}
