import type { UnresolvedRef } from '../../db/schema.ts';
import { resolveAgencyCell } from '../../domain/agency-cell.ts';
import { type LocalDate, maxDate } from '../../domain/dates.ts';
import { type ParsedDeadline, parseDeadline } from '../../domain/deadline.ts';
import type { Directory } from '../../domain/directory.ts';
import { type Expansion, expandAssignees } from '../../domain/expansion.ts';
import { defaultOccurrencesEnd, listOccurrences } from '../../domain/occurrences.ts';

/** One due date a task produces: a single one, one per period of a recurring task, or none (ongoing). */
export interface PlannedOccurrence {
  occurrence: number;
  periodLabel: string | null;
  opensOn: LocalDate;
  dueOn: LocalDate | null;
}

export interface PlannedTask {
  deadline: ParsedDeadline;
  occurrences: PlannedOccurrence[];
  expansion: Expansion;
  unresolved: UnresolvedRef[];
}

export interface PlanContext {
  issuedOn: LocalDate;
  endsOn: LocalDate | null;
  beforeIsStrict?: boolean;
}

/** What a task row becomes: its deadline, its occurrences and its assignees (pure). */
export function planTask(
  row: { leadText: string; supportText: string; deadlineText: string; dueOn?: LocalDate | null },
  directory: Directory,
  ctx: PlanContext,
): PlannedTask {
  const parsed = parseDeadline(row.deadlineText, {
    referenceDate: ctx.issuedOn,
    beforeIsStrict: ctx.beforeIsStrict ?? false,
  });
  const deadline: ParsedDeadline = row.dueOn
    ? { kind: 'once', dueOn: row.dueOn, yearInferred: false }
    : parsed;
  const expansion = expandAssignees(
    resolveAgencyCell(row.leadText, directory),
    resolveAgencyCell(row.supportText, directory),
    directory,
    ctx.issuedOn,
  );
  const unresolved: UnresolvedRef[] = [
    ...expansion.openGroups.map((g) => ({ role: g.role, kind: 'open_group' as const, text: g.name })),
    ...expansion.unmatched.map((u) => ({
      role: u.role,
      kind: 'unmatched' as const,
      text: u.text,
      suggestions: u.suggestions,
    })),
  ];
  return { deadline, occurrences: occurrencesOf(deadline, ctx), expansion, unresolved };
}

function occurrencesOf(deadline: ParsedDeadline, ctx: PlanContext): PlannedOccurrence[] {
  switch (deadline.kind) {
    case 'once':
      return [{ occurrence: 0, periodLabel: null, opensOn: ctx.issuedOn, dueOn: deadline.dueOn }];
    case 'ongoing':
    case 'unparsed':
      return [{ occurrence: 0, periodLabel: null, opensOn: ctx.issuedOn, dueOn: null }];
    case 'recurring': {
      const until = ctx.endsOn ?? defaultOccurrencesEnd(deadline.recurrence, ctx.issuedOn);
      return listOccurrences(deadline.recurrence, ctx.issuedOn, until).map((o) => ({
        occurrence: o.index,
        periodLabel: o.label,
        opensOn: maxDate(o.opensOn, ctx.issuedOn),
        dueOn: o.dueOn,
      }));
    }
  }
}
