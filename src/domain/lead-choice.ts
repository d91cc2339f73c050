/**
 * Several lead agencies in one cell (docs/domain-rules.md §3, issue #14 §3). One lead agency per task
 * is the norm: a lead cell naming two or more specific agencies is a warning the Office resolves in
 * the import review — keep them all as leads, or pick one and make the others coordinate. Pure: the
 * server flags, the review applies the choice to the task's cells, the commit stores the cells.
 */
import type { CellRef } from './agency-cell.ts';
import type { Directory } from './directory.ts';

/**
 * The directory names of the specific agencies a lead cell names, when there are two or more (else
 * []). Groups (`Các sở, ban, ngành tỉnh`, `UBND cấp huyện`) are not "several leads", whatever they
 * expand to, and neither are names the directory lacks (they have their own warning).
 */
export function severalLeadAgencies(cells: readonly CellRef[], directory: Directory): string[] {
  const names: string[] = [];
  for (const cell of cells) {
    if (cell.kind !== 'agency') continue;
    const name = directory.agencies.find((a) => a.code === cell.code)?.name ?? cell.text;
    if (!names.includes(name)) names.push(name);
  }
  return names.length >= 2 ? names : [];
}

/** A task's cells as the review holds them: names (directory names, or the text as written). */
export interface LeadCells {
  lead: readonly string[];
  support: readonly string[];
}

/**
 * The Office picked `chosen` as the one lead: every other name of the lead cell coordinates, before
 * the coordinating agencies already written (duplicates, and the chosen lead, dropped). A name the
 * cell does not hold changes nothing.
 */
export function chooseOneLead(cells: LeadCells, chosen: string): { lead: string[]; support: string[] } {
  if (!cells.lead.includes(chosen)) return { lead: [...cells.lead], support: [...cells.support] };
  const others = cells.lead.filter((name) => name !== chosen);
  const support = [...new Set([...others, ...cells.support])].filter((name) => name !== chosen);
  return { lead: [chosen], support };
}
