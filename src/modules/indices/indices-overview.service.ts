import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { type AssignmentState, assignmentStateAsOf, STATE_LABELS } from '../../domain/state.ts';
import { parseAsOf } from '../../shared/as-of.ts';
import { authorityOf, requireAccess } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { type AssignmentFactsRow, listAssignmentFacts } from '../status/status.repo.ts';
import { INDEX_DEFINITIONS } from './definitions.ts';
import {
  ensureIndexDefinitions,
  findDefinition,
  listDefinitions,
  listResults,
  type ResultRow,
} from './indices.repo.ts';
import { checkTarget } from './indices.rules.ts';
import { requireIndexCode, resultFigures } from './indices.shared.ts';
import { type LinkRow, listLinks, listOwners, listTargets, type TargetRow } from './indices-config.repo.ts';
import { toOwnerView, toTargetView } from './indices-config.service.ts';
import { toLinkView } from './indices-links.service.ts';

function targetFor(targets: TargetRow[], component: string, year: number) {
  return targets.find((t) => t.component_code === component && t.from_year <= year && year <= t.to_year);
}

/**
 * Tổng quan chỉ số — for one index: the latest result (up to `year` if given), the change from the
 * previous result, the target of that year and whether it is met; per component its score against
 * its target, its owner agency and the linked assignments with their state as of `asOf`
 * (src/domain/state.ts, the same facts as src/modules/status).
 */
export async function getIndexOverview(
  { db, actor, now }: ServiceContext,
  code: string,
  query: { asOf?: string | undefined; year?: number | undefined },
) {
  const authority = await findAuthorityById(db, authorityOf(actor));
  requireAccess(actor, 'index.read', { authorityId: authority.id });
  await ensureIndexDefinitions(db);
  const index = requireIndexCode(code);
  const asOf = parseAsOf(query.asOf, authority.time_zone, now);
  const results = (await listResults(db, authority.id, { index })).filter(
    (r) => query.year === undefined || r.year <= query.year,
  );
  const latest = results.at(-1);
  const previous = results.at(-2);
  const year = latest?.year ?? query.year ?? Number(asOf.slice(0, 4));
  const def =
    (await findDefinition(db, index, year)) ??
    (await listDefinitions(db)).filter((d) => d.code === index).at(-1);
  if (!def) throw new Error(`index ${index} has no definition`);
  const [targets, owners, links] = await Promise.all([
    listTargets(db, authority.id, index),
    listOwners(db, authority.id, index),
    listLinks(db, authority.id, { index }),
  ]);
  const linked = await linkedAssignments(db, authority.id, links, asOf);
  const targetView = (
    component: string,
    result: { score: number | null; rank: number | null; group: string | null } | null,
  ) => {
    const target = targetFor(targets, component, year);
    if (!target) return null;
    const check = checkTarget(def, result, {
      score: target.target_score,
      rank: target.target_rank,
      group: target.target_group,
    });
    return { ...toTargetView(target), check };
  };
  const ownerOf = (component: string) => {
    const owner = owners.find((o) => o.component_code === component);
    return owner ? toOwnerView(owner) : null;
  };
  const linksOf = (component: string) => linked.filter((l) => (l.component ?? '') === component);
  const scoreOf = (row: ResultRow | undefined, component: string) =>
    row?.components.find((c) => c.code === component)?.score ?? null;
  return {
    index: {
      code: def.code,
      shortName: def.shortName,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      publisher: def.publisher,
      scaleMax: def.scaleMax,
      unit: def.unit,
      higherIsBetter: def.higherIsBetter,
      groups: def.groups,
      componentKind: def.componentKind,
      methodFrom: def.validFrom,
      methodTo: def.validTo,
      successorCode: def.successorCode,
    },
    asOf,
    latest: latest ? resultFigures(latest) : null,
    previous: previous ? resultFigures(previous) : null,
    change:
      latest && previous
        ? {
            score:
              latest.score !== null && previous.score !== null ? round(latest.score - previous.score) : null,
            /** positive = moved up the ranking */
            rank: latest.rank !== null && previous.rank !== null ? previous.rank - latest.rank : null,
          }
        : null,
    target: targetView(
      '',
      latest ? { score: latest.score, rank: latest.rank, group: latest.group_label } : null,
    ),
    owner: ownerOf(''),
    links: linksOf(''),
    components: def.components.map((c) => {
      const score = scoreOf(latest, c.code);
      const before = scoreOf(previous, c.code);
      return {
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        max: c.max,
        score,
        previousScore: before,
        change: score !== null && before !== null ? round(score - before) : null,
        target: targetView(c.code, latest ? { score, rank: null, group: null } : null),
        owner: ownerOf(c.code),
        links: linksOf(c.code),
      };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

interface LinkedAssignment {
  id: number;
  agency: string;
  agencyName: string;
  plan: string;
  task: string;
  occurrence: number;
  dueOn: LocalDate | null;
  state: AssignmentState;
  stateLabel: string;
}

/**
 * Each link with the assignments it stands for — a plan: its lead assignments; a task: that task's
 * lead assignments; an assignment: itself — and their state as of `asOf`.
 */
async function linkedAssignments(db: Kysely<DB>, authorityId: number, links: LinkRow[], asOf: LocalDate) {
  const planIds = [
    ...new Set(links.map((l) => l.resolved_plan_id).filter((id): id is number => id !== null)),
  ];
  const factsByPlan = new Map<number, AssignmentFactsRow[]>();
  for (const planId of planIds)
    factsByPlan.set(planId, await listAssignmentFacts(db, authorityId, { planId, openedBy: asOf }));
  return links.map((link) => {
    const facts = link.resolved_plan_id === null ? [] : (factsByPlan.get(link.resolved_plan_id) ?? []);
    const chosen =
      link.assignment_id !== null
        ? facts.filter((f) => f.id === link.assignment_id)
        : facts.filter((f) => f.role === 'lead' && (link.task_id === null || f.task_ref === link.task_ref));
    const assignments: LinkedAssignment[] = chosen.map((f) => {
      const state = assignmentStateAsOf(
        { dueOn: f.due_on, doneOn: f.done_on ?? null, cancelledOn: f.cancelled_on },
        asOf,
      );
      return {
        id: f.id,
        agency: f.agency_code,
        agencyName: f.agency_name,
        plan: f.plan_number,
        task: f.task_ref,
        occurrence: f.occurrence,
        dueOn: f.due_on,
        state,
        stateLabel: STATE_LABELS[state],
      };
    });
    const counts: Partial<Record<AssignmentState, number>> = {};
    for (const a of assignments) counts[a.state] = (counts[a.state] ?? 0) + 1;
    return { ...toLinkView(link), counts, assignments };
  });
}

/** Xu hướng — score and rank per year of one index (and its components), across method versions. */
export async function getIndexTrend({ db, actor }: ServiceContext, code: string) {
  const authorityId = authorityOf(actor);
  requireAccess(actor, 'index.read', { authorityId });
  const index = requireIndexCode(code);
  const rows = await listResults(db, authorityId, { index });
  const versions = INDEX_DEFINITIONS.filter((d) => d.code === index);
  const predecessor = INDEX_DEFINITIONS.find((d) => d.successorCode === index)?.code ?? null;
  return {
    index,
    successorCode: versions.at(-1)?.successorCode ?? null,
    predecessorCode: predecessor,
    points: rows.map((r) => ({
      year: r.year,
      score: r.score,
      rank: r.rank,
      rankedOf: r.ranked_of,
      group: r.group_label,
      scaleMax: r.scale_max,
      unit: r.unit,
      methodFrom: r.valid_from,
      components: Object.fromEntries(r.components.map((c) => [c.code, c.score])),
    })),
  };
}
