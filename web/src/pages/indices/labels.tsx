import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { Definition, IndexUnit, Target, TargetCheck } from '../../../../src/shared/schemas/indices.ts';
import type { Lang } from '../../lib/i18n.tsx';

/** How the indices read: scores with their unit, ranks, moves, targets and whether they are met. */

/** The order the Đề án names them in. */
export const INDEX_ORDER = ['PCI', 'PAPI', 'PAR', 'ICT', 'DTI', 'SIPAS'];

export function byIndexOrder(a: string, b: string): number {
  const ia = INDEX_ORDER.indexOf(a);
  const ib = INDEX_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

function locale(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'vi-VN';
}

export function formatNumberExact(value: number, lang: Lang): string {
  return value.toLocaleString(locale(lang), { maximumFractionDigits: 4 });
}

/** 67.8 points of 100 → '67,8 / 100'; 80.05 % → '80,05 %'; 0.4582 → '0,4582'; null → null. */
export function formatScore(
  score: number | null | undefined,
  unit: IndexUnit,
  scaleMax: number,
  lang: Lang,
): string | null {
  if (score === null || score === undefined) return null;
  const value = formatNumberExact(score, lang);
  if (unit === 'percent') return `${value} %`;
  if (unit === 'ratio') return value;
  return `${value} / ${formatNumberExact(scaleMax, lang)}`;
}

/** 20 of 63 → '20/63'; 9 of an unknown number → 'hạng 9'; null → null. */
export function formatRank(rank: number | null | undefined, rankedOf: number | null | undefined, lang: Lang) {
  if (rank === null || rank === undefined) return null;
  if (rankedOf) return `${rank}/${rankedOf}`;
  return lang === 'en' ? `rank ${rank}` : `hạng ${rank}`;
}

/** A signed score change with its unit: '+3,64 điểm', '−1,2 điểm %', '+0,0123'. */
export function formatScoreChange(change: number, unit: IndexUnit, lang: Lang): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const value = formatNumberExact(Math.abs(change), lang);
  if (unit === 'ratio') return `${sign}${value}`;
  if (unit === 'percent') return `${sign}${value} ${lang === 'en' ? 'percentage points' : 'điểm %'}`;
  return `${sign}${value} ${lang === 'en' ? 'points' : 'điểm'}`;
}

/** Positive = moved up the ranking: 'tăng 4 bậc', 'giảm 9 bậc', 'giữ nguyên hạng'. */
export function formatRankMove(move: number, lang: Lang): string {
  if (move > 0) return lang === 'en' ? `up ${move} places` : `tăng ${move} bậc`;
  if (move < 0) return lang === 'en' ? `down ${-move} places` : `giảm ${-move} bậc`;
  return lang === 'en' ? 'same rank' : 'giữ nguyên hạng';
}

/** An arrow for a change, green when it is better, red when worse. */
export function ChangeArrow({ better }: { better: boolean | null }) {
  if (better === null) return <MinusOutlined style={{ color: '#8c8c8c' }} aria-hidden />;
  return better ? (
    <ArrowUpOutlined style={{ color: '#389e0d' }} aria-hidden />
  ) : (
    <ArrowDownOutlined style={{ color: '#cf1322' }} aria-hidden />
  );
}

/** 'nhóm Tốt · top 10 · ≥ 70 / 100 (2021–2025)'. */
export function targetText(
  target: Pick<Target, 'score' | 'rank' | 'group' | 'fromYear' | 'toYear'>,
  unit: IndexUnit,
  scaleMax: number,
  lang: Lang,
  withYears = true,
): string {
  const parts: string[] = [];
  if (target.score !== null) parts.push(`≥ ${formatScore(target.score, unit, scaleMax, lang)}`);
  if (target.rank !== null) parts.push(lang === 'en' ? `top ${target.rank}` : `nằm trong top ${target.rank}`);
  if (target.group !== null) parts.push(lang === 'en' ? `group “${target.group}”` : `nhóm “${target.group}”`);
  const years =
    target.fromYear === target.toYear ? `${target.fromYear}` : `${target.fromYear}–${target.toYear}`;
  return withYears ? `${parts.join(' · ')} (${years})` : parts.join(' · ');
}

/** Đạt / Chưa đạt / Chưa có số liệu. */
export function TargetTag({ check, lang }: { check: TargetCheck | null; lang: Lang }) {
  const met = check?.met ?? null;
  if (met === true) return <Tag color="success">{lang === 'en' ? 'Met' : 'Đạt'}</Tag>;
  if (met === false) return <Tag color="error">{lang === 'en' ? 'Not met' : 'Chưa đạt'}</Tag>;
  return <Tag>{lang === 'en' ? 'No figures yet' : 'Chưa có số liệu'}</Tag>;
}

export const NOT_PUBLISHED = { vi: 'Chưa công bố', en: 'Not published' };

/** The method version of an index that scored `year`. */
export function definitionFor(defs: Definition[], code: string, year: number): Definition | undefined {
  return defs.find(
    (d) => d.code === code && d.validFrom <= year && (d.validTo === null || year <= d.validTo),
  );
}

/** The latest method version of each index, in the Đề án's order. */
export function latestDefinitions(defs: Definition[]): Definition[] {
  const latest = new Map<string, Definition>();
  for (const d of defs) {
    const seen = latest.get(d.code);
    if (!seen || d.validFrom > seen.validFrom) latest.set(d.code, d);
  }
  return [...latest.values()].sort((a, b) => byIndexOrder(a.code, b.code));
}

/** Component name in the language of the page. */
export function componentName(c: { nameVi: string; nameEn: string } | undefined, code: string, lang: Lang) {
  if (!c) return code;
  return lang === 'en' ? c.nameEn : c.nameVi;
}

/** The Vietnamese word for the kind of component (chỉ số thành phần, lĩnh vực…). */
export function componentKindLabel(kind: string, lang: Lang): string {
  const vi: Record<string, string> = {
    sub_index: 'Chỉ số thành phần',
    dimension: 'Nội dung',
    area: 'Lĩnh vực',
    pillar: 'Trụ cột',
    factor: 'Yếu tố',
  };
  const en: Record<string, string> = {
    sub_index: 'Sub-index',
    dimension: 'Dimension',
    area: 'Area',
    pillar: 'Pillar',
    factor: 'Factor',
  };
  return (lang === 'en' ? en : vi)[kind] ?? kind;
}
