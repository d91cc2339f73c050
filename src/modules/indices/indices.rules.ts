import { AppError } from '../../shared/errors.ts';

/**
 * Pure rules of the indices: what a result may hold under its method version, and whether a result
 * meets a target. No I/O; the services pass the definition as stored.
 */
export interface DefinitionShape {
  code: string;
  shortName: string;
  scaleMax: number;
  unit: 'points' | 'percent' | 'ratio';
  higherIsBetter: boolean;
  groups: readonly string[];
  validFrom: number;
  validTo: number | null;
  components: readonly { code: string; nameVi: string; max: number }[];
}

export interface ResultValues {
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  components: readonly { code: string; score: number }[];
}

const UNIT_LABEL = { points: 'điểm', percent: '%', ratio: '' } as const;

function scaleText(max: number, unit: DefinitionShape['unit']): string {
  return unit === 'ratio' ? `0–${max}` : `0–${max} ${UNIT_LABEL[unit]}`;
}

/**
 * Checks a result against its method version; throws the first problem with a stable code and a
 * Vietnamese message naming the field (score beyond the scale, unknown component, rank beyond the
 * number ranked, unknown group).
 */
export function assertValidResult(def: DefinitionShape, year: number, values: ResultValues): void {
  const label = `${def.shortName} năm ${year}`;
  if (values.score === null && values.rank === null)
    throw new AppError('VALIDATION_FAILED', `${label}: cần ít nhất điểm số hoặc thứ hạng.`, {
      field: 'score',
    });
  if (values.score !== null && !(values.score >= 0 && values.score <= def.scaleMax))
    throw new AppError(
      'INDEX_SCORE_OUT_OF_RANGE',
      `${label}: điểm ${values.score} nằm ngoài thang ${scaleText(def.scaleMax, def.unit)}.`,
      { field: 'score', max: def.scaleMax },
    );
  if (values.rank !== null && !(Number.isInteger(values.rank) && values.rank >= 1))
    throw new AppError('INDEX_RANK_INVALID', `${label}: thứ hạng phải là số nguyên từ 1.`, { field: 'rank' });
  if (values.rankedOf !== null && !(Number.isInteger(values.rankedOf) && values.rankedOf >= 1))
    throw new AppError('INDEX_RANK_INVALID', `${label}: số tỉnh được xếp hạng phải là số nguyên từ 1.`, {
      field: 'rankedOf',
    });
  if (values.rank !== null && values.rankedOf !== null && values.rank > values.rankedOf)
    throw new AppError(
      'INDEX_RANK_INVALID',
      `${label}: thứ hạng ${values.rank} lớn hơn số tỉnh được xếp hạng (${values.rankedOf}).`,
      { field: 'rank' },
    );
  if (values.group !== null && def.groups.length > 0 && !def.groups.includes(values.group))
    throw new AppError(
      'INDEX_GROUP_UNKNOWN',
      `${label}: nhóm "${values.group}" không có trong phân nhóm của ${def.shortName} (${def.groups.join(', ')}).`,
      { field: 'group' },
    );
  const seen = new Set<string>();
  for (const component of values.components) {
    const known = def.components.find((c) => c.code === component.code);
    if (!known)
      throw new AppError(
        'INDEX_COMPONENT_UNKNOWN',
        `${label}: không có chỉ số thành phần "${component.code}" (có: ${def.components.map((c) => c.code).join(', ')}).`,
        { field: 'components', component: component.code },
      );
    if (seen.has(component.code))
      throw new AppError('VALIDATION_FAILED', `${label}: chỉ số thành phần "${component.code}" bị lặp.`, {
        field: 'components',
        component: component.code,
      });
    seen.add(component.code);
    if (!(component.score >= 0 && component.score <= known.max))
      throw new AppError(
        'INDEX_SCORE_OUT_OF_RANGE',
        `${label}: điểm "${known.nameVi}" ${component.score} nằm ngoài thang ${scaleText(known.max, def.unit)}.`,
        { field: 'components', component: component.code, max: known.max },
      );
  }
}

export interface TargetValues {
  score: number | null;
  rank: number | null;
  group: string | null;
}

export interface TargetCheck {
  /** each criterion the target sets: true met, false missed, null not known (no figure for it) */
  score: boolean | null;
  rank: boolean | null;
  group: boolean | null;
  /** false if any criterion is missed; true if every one set is met; null otherwise */
  met: boolean | null;
}

/**
 * Đạt mục tiêu? A score target is met at or above it (below it for an index where lower is better),
 * a rank target (top N) at rank N or better, a group target in that group or a better one (the
 * definition lists groups best first).
 */
export function checkTarget(
  def: Pick<DefinitionShape, 'higherIsBetter' | 'groups'>,
  result: TargetValues | null,
  target: TargetValues,
): TargetCheck {
  const score =
    target.score === null
      ? null
      : result?.score == null
        ? null
        : def.higherIsBetter
          ? result.score >= target.score
          : result.score <= target.score;
  const rank = target.rank === null ? null : result?.rank == null ? null : result.rank <= target.rank;
  let group: boolean | null = null;
  if (target.group !== null && result?.group != null) {
    const have = def.groups.indexOf(result.group);
    const want = def.groups.indexOf(target.group);
    group = have < 0 || want < 0 ? result.group === target.group : have <= want;
  }
  const set = [
    target.score === null ? undefined : score,
    target.rank === null ? undefined : rank,
    target.group === null ? undefined : group,
  ].filter((v) => v !== undefined);
  const met = set.includes(false) ? false : set.length > 0 && set.every((v) => v === true) ? true : null;
  return { score, rank, group, met };
}
