import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TAY_NINH_DIRECTORY } from '../../test/support/tay-ninh-directory.ts';
import { resolveAgencyCell } from './agency-cell.ts';
import type { Directory } from './directory.ts';
import { type Expansion, expandAssignees } from './expansion.ts';

const directory = TAY_NINH_DIRECTORY;

const PROVINCE = directory.groups[0]?.members ?? [];
const DISTRICTS = directory.groups[1]?.members ?? [];
const ALL = [...PROVINCE, ...DISTRICTS];
const without = (codes: string[], ...drop: string[]) => codes.filter((c) => !drop.includes(c));

function expand(lead: string, support: string, dir: Directory = directory, onDate?: string): Expansion {
  return expandAssignees(resolveAgencyCell(lead, dir), resolveAgencyCell(support, dir), dir, onDate);
}
const leadsOf = (e: Expansion) => e.assignments.filter((a) => a.role === 'lead').map((a) => a.agencyCode);
const supportsOf = (e: Expansion) =>
  e.assignments.filter((a) => a.role === 'support').map((a) => a.agencyCode);

const SBN_HUYEN = 'Các sở, ban, ngành tỉnh và UBND cấp huyện';
const SBN_HUYEN_2 = 'Các sở ban ngành tỉnh, UBND cấp huyện';
const LIEN_QUAN = 'Các đơn vị có liên quan';
const VP = 'Văn phòng UBND tỉnh';

const seed = readFileSync(
  new URL('../modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
  'utf8',
);

describe('expandAssignees — the real rows of plan 87/KH-UBND', () => {
  it.each([
    // task, STT, lead cell, support cell, leads, supports, open groups
    ['I.1', '1', VP, SBN_HUYEN, ['VP'], without(ALL, 'VP'), []],
    ['I.2', '2', SBN_HUYEN, LIEN_QUAN, ALL, [], [{ role: 'support', name: LIEN_QUAN }]],
    ['I.3', '3', 'Sở Tư pháp', SBN_HUYEN, ['STP'], without(ALL, 'STP'), []],
    ['I.4', '4', 'Sở Thông tin và Truyền thông', SBN_HUYEN, ['STTTT'], without(ALL, 'STTTT'), []],
    ['I.5', '5', 'Sở Tài chính', VP, ['STC'], ['VP'], []],
    ['I.6', '6', 'Sở Nội vụ', 'Các sở ban ngành tỉnh', ['SNV'], without(PROVINCE, 'SNV'), []],
    ['I.7', '7', VP, SBN_HUYEN_2, ['VP'], without(ALL, 'VP'), []],
    ['I.8', '8', SBN_HUYEN_2, VP, without(ALL, 'VP'), ['VP'], []],
    ['I.15', '15', VP, LIEN_QUAN, ['VP'], [], [{ role: 'support', name: LIEN_QUAN }]],
    ['II.2', '2', 'Sở Kế hoạch và Đầu tư', SBN_HUYEN_2, ['SKHDT'], without(ALL, 'SKHDT'), []],
    ['II.3', '3', 'Sở Nội vụ', SBN_HUYEN_2, ['SNV'], without(ALL, 'SNV'), []],
    ['II.6', '6', SBN_HUYEN_2, VP, without(ALL, 'VP'), ['VP'], []],
  ])('%s: %j / %j', (_task, stt, lead, support, leads, supports, openGroups) => {
    expect(seed).toContain(`\n${stt}\t`);
    expect(seed).toMatch(new RegExp(`\\n${stt}\\t[^\\n]*\\t${lead}\\t${support}\\t`));
    const e = expand(lead, support);
    expect(leadsOf(e)).toEqual(leads);
    expect(supportsOf(e)).toEqual(supports);
    expect(e.openGroups).toEqual(openGroups);
    expect(e.unmatched).toEqual([]);
  });

  it.each([
    ['I.1', VP, SBN_HUYEN, 1, 28],
    ['I.2', SBN_HUYEN, LIEN_QUAN, 29, 0],
    ['I.3', 'Sở Tư pháp', SBN_HUYEN, 1, 28],
    ['I.5', 'Sở Tài chính', VP, 1, 1],
    ['I.8', SBN_HUYEN_2, VP, 28, 1],
    ['II.6', SBN_HUYEN_2, VP, 28, 1],
  ])('%s has %i leads and %i supports', (_task, lead, support, leadCount, supportCount) => {
    const e = expand(lead, support);
    expect(leadsOf(e)).toHaveLength(leadCount);
    expect(supportsOf(e)).toHaveLength(supportCount);
    expect(new Set(e.assignments.map((a) => a.agencyCode)).size).toBe(e.assignments.length);
  });
});

describe('expandAssignees — rules', () => {
  it.each([
    // name, lead cell, support cell, leads, supports
    [
      'lead named individually stays lead though named in support',
      'Sở Nội vụ',
      'Sở Nội vụ, Sở Tư pháp',
      ['SNV'],
      ['STP'],
    ],
    [
      'a lead-group member named individually in lead stays lead though named in support',
      'Các sở ban ngành tỉnh, Văn phòng UBND tỉnh',
      VP,
      PROVINCE,
      [],
    ],
    [
      'support-group membership does not remove a lead',
      'Các sở ban ngành tỉnh',
      'UBND cấp huyện, Các sở, ban, ngành tỉnh',
      PROVINCE,
      DISTRICTS,
    ],
    [
      'members named in support are excluded from the lead group, several at once',
      'UBND cấp huyện',
      'UBND TP Tây Ninh; UBND huyện Gò Dầu',
      without(DISTRICTS, 'TPTN', 'HGD'),
      ['TPTN', 'HGD'],
    ],
    ['duplicates collapse', 'Sở Nội vụ, so noi vu, SỞ NỘI VỤ', 'Sở Tư pháp, Sở Tư phap', ['SNV'], ['STP']],
    [
      'overlapping groups collapse',
      'Các sở ban ngành tỉnh, Các sở, ban, ngành tỉnh và Sở Y tế',
      '',
      PROVINCE,
      [],
    ],
    [
      'support agencies already leading are dropped',
      'Sở Tư pháp, Sở Nội vụ',
      'Các sở ban ngành tỉnh',
      ['STP', 'SNV'],
      without(PROVINCE, 'STP', 'SNV'),
    ],
    [
      'leads come first, in directory order within a group',
      'UBND cấp huyện, Sở Y tế',
      'Sở Nội vụ',
      [...DISTRICTS, 'SYT'],
      ['SNV'],
    ],
    ['empty cells give nothing', '', '-', [], []],
  ])('%s', (_name, lead, support, leads, supports) => {
    const e = expand(lead, support);
    expect(leadsOf(e)).toEqual(leads);
    expect(supportsOf(e)).toEqual(supports);
    expect(e.assignments.slice(0, leads.length).every((a) => a.role === 'lead')).toBe(true);
  });

  it('keeps open groups unexpanded, in either role, once each', () => {
    const e = expand(
      'Các đơn vị có liên quan, Sở Nội vụ',
      'Các cơ quan, đơn vị có liên quan; các đơn vị liên quan',
    );
    expect(leadsOf(e)).toEqual(['SNV']);
    expect(supportsOf(e)).toEqual([]);
    expect(e.openGroups).toEqual([
      { role: 'lead', name: LIEN_QUAN },
      { role: 'support', name: LIEN_QUAN },
    ]);
  });

  it('reports unmatched names with their role and suggestions', () => {
    const e = expand('Công an tỉnh, Sở Nội vụ', 'Sở Tư phsp');
    expect(leadsOf(e)).toEqual(['SNV']);
    expect(e.unmatched).toHaveLength(2);
    expect(e.unmatched[0]).toMatchObject({ role: 'lead', text: 'Công an tỉnh' });
    expect(e.unmatched[0]?.suggestions).toHaveLength(3);
    expect(e.unmatched[1]).toMatchObject({ role: 'support', text: 'Sở Tư phsp' });
    expect(e.unmatched[1]?.suggestions[0]).toBe('Sở Tư pháp');
  });

  it('sorts group members into directory order whatever the group lists', () => {
    const reversed: Directory = {
      ...directory,
      groups: [{ name: 'Khối nội chính', aliases: [], members: ['TTT', 'STP', 'SNV'] }],
    };
    const e = expandAssignees(
      [{ kind: 'group', name: 'Khối nội chính', open: false, text: '', fuzzy: false }],
      [],
      reversed,
    );
    expect(leadsOf(e)).toEqual(['SNV', 'STP', 'TTT']);
  });
});

describe('expandAssignees — validity dates', () => {
  const reorganised: Directory = {
    ...directory,
    agencies: directory.agencies.map((a) => {
      if (a.code === 'SKHDT' || a.code === 'STTTT') return { ...a, validTo: '2025-03-01' };
      if (a.code === 'TXTB') return { ...a, validFrom: '2021-06-01' };
      return a;
    }),
  };

  it.each([
    ['before the merger, SKHDT and STTTT expand; TXTB not yet', '2021-01-20', without(ALL, 'VP', 'TXTB')],
    [
      'after the merger, SKHDT and STTTT no longer expand',
      '2025-06-01',
      without(ALL, 'VP', 'SKHDT', 'STTTT'),
    ],
    ['on the day validTo falls, the agency is gone', '2025-03-01', without(ALL, 'VP', 'SKHDT', 'STTTT')],
    ['on the day before, it still expands', '2025-02-28', without(ALL, 'VP')],
    ['without a date, every member expands', undefined, without(ALL, 'VP')],
  ])('%s (%s)', (_name, onDate, leads) => {
    const e = expand(SBN_HUYEN_2, VP, reorganised, onDate);
    expect(leadsOf(e)).toEqual(leads);
    expect(supportsOf(e)).toEqual(['VP']);
  });

  it('applies to support groups too', () => {
    const e = expand('Sở Tài chính', 'Các sở ban ngành tỉnh', reorganised, '2025-06-01');
    expect(supportsOf(e)).toEqual(without(PROVINCE, 'STC', 'SKHDT', 'STTTT'));
  });

  it('keeps an agency named individually even when it is not valid on the date', () => {
    const e = expand('Sở Kế hoạch và Đầu tư', 'Sở Thông tin và Truyền thông', reorganised, '2025-06-01');
    expect(leadsOf(e)).toEqual(['SKHDT']);
    expect(supportsOf(e)).toEqual(['STTTT']);
  });
});
