import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TAY_NINH_DIRECTORY } from '../../test/support/tay-ninh-directory.ts';
import { resolveAgencyCell } from './agency-cell.ts';
import { expandAssignees } from './expansion.ts';
import { chooseOneLead, severalLeadAgencies } from './lead-choice.ts';

const directory = TAY_NINH_DIRECTORY;
const flagged = (cell: string) => severalLeadAgencies(resolveAgencyCell(cell, directory), directory);

/** docs/domain-rules.md §3 (issue #14 §3): a lead cell naming several specific agencies. */
describe('severalLeadAgencies', () => {
  it('flags two or more agencies, however written, under their directory names', () => {
    expect(flagged('Sở Tư pháp, Sở Nội vụ')).toEqual(['Sở Tư pháp', 'Sở Nội vụ']);
    expect(flagged('Sở Tư pháp, Nội vụ')).toEqual(['Sở Tư pháp', 'Sở Nội vụ']);
    expect(flagged('Sở Y tế và Sở Giáo dục và Đào tạo (chủ trì)')).toEqual([
      'Sở Y tế',
      'Sở Giáo dục và Đào tạo',
    ]);
    // a group beside the agencies is not counted, the agencies are
    expect(flagged('Sở Nội vụ; Sở Tài chính; UBND cấp huyện')).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
  });

  it('does not flag one agency, a group expansion, one agency with a group, or names the directory lacks', () => {
    expect(flagged('Sở Tư pháp')).toEqual([]);
    expect(flagged('Sở Tư pháp; Sở Tư pháp')).toEqual([]);
    expect(flagged('Các sở, ban, ngành tỉnh và UBND cấp huyện')).toEqual([]);
    expect(flagged('Sở Nội vụ, UBND cấp huyện')).toEqual([]);
    expect(flagged('Sở Tư pháp, Trung tâm Hành chính công tỉnh')).toEqual([]);
  });

  it('flags no task of the seed plan 87/KH-UBND (its several-agency cells are groups)', () => {
    const seed = readFileSync(
      new URL('../modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
      'utf8',
    );
    const leadCells = seed
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => /^\d+$/.test(cells[0] ?? '') && cells.length >= 5)
      .map((cells) => cells[2] ?? '');
    expect(leadCells.length).toBe(29);
    expect(leadCells.filter((cell) => flagged(cell).length > 0)).toEqual([]);
  });
});

describe('chooseOneLead', () => {
  it('keeps the chosen agency as the lead; the others coordinate, before the support as written', () => {
    expect(
      chooseOneLead(
        { lead: ['Sở Tư pháp', 'Sở Nội vụ', 'Công an tỉnh'], support: ['Sở Tài chính', 'Sở Nội vụ'] },
        'Sở Nội vụ',
      ),
    ).toEqual({ lead: ['Sở Nội vụ'], support: ['Sở Tư pháp', 'Công an tỉnh', 'Sở Tài chính'] });
  });

  it('changes nothing for a name the cell does not hold', () => {
    expect(chooseOneLead({ lead: ['Sở Tư pháp', 'Sở Nội vụ'], support: [] }, 'Sở Y tế')).toEqual({
      lead: ['Sở Tư pháp', 'Sở Nội vụ'],
      support: [],
    });
  });

  it('as cells, gives one lead assignment and the others support assignments', () => {
    const { lead, support } = chooseOneLead(
      { lead: ['Sở Tư pháp', 'Sở Nội vụ'], support: ['Sở Tài chính'] },
      'Sở Tư pháp',
    );
    const { assignments } = expandAssignees(
      resolveAgencyCell(lead.join('; '), directory),
      resolveAgencyCell(support.join('; '), directory),
      directory,
      '2021-01-13',
    );
    expect(assignments.map((a) => [a.agencyCode, a.role])).toEqual([
      ['STP', 'lead'],
      ['SNV', 'support'],
      ['STC', 'support'],
    ]);
  });
});
