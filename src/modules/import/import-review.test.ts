import { describe, expect, it } from 'vitest';
import type { Directory } from '../../domain/directory.ts';
import { buildImportPreview, type ImportPreview, type PreviewTask } from './import-preview.ts';
import {
  findTasksWithoutLead,
  guessAgencyKind,
  listUnknownAgencies,
  previewTasksWithoutLead,
  suggestAgencyCode,
} from './import-review.ts';
import type { ParsedPlan } from './plan-text.ts';

const directory: Directory = {
  agencies: [
    { code: 'VP', name: 'Văn phòng UBND tỉnh', aliases: [], kind: 'province' },
    { code: 'STP', name: 'Sở Tư pháp', aliases: [], kind: 'province' },
    { code: 'SNV', name: 'Sở Nội vụ', aliases: [], kind: 'province' },
    { code: 'HTB', name: 'UBND huyện Tân Biên', aliases: [], kind: 'district', validTo: '2025-07-01' },
  ],
  groups: [
    { name: 'UBND cấp huyện', aliases: [], members: ['HTB'] },
    { name: 'Các đơn vị có liên quan', aliases: [], members: null },
  ],
  place: 'Tây Ninh',
};

const task = (no: string, lead: string[], support: string[] = []): PreviewTask => ({
  section: 'II',
  no,
  content: `Nhiệm vụ ${no}`,
  lead,
  support,
  leadText: lead.join('; '),
  supportText: support.join('; '),
  deadlineText: '',
  dueOn: null,
  recurrence: null,
  product: null,
  note: '',
  extra: {},
  raw: '',
});

const preview = (tasks: PreviewTask[]): ImportPreview => ({
  plan: {
    number: '1/KH-UBND',
    docType: 'KH',
    issuedOn: '2021-03-01',
    place: 'Tây Ninh',
    title: 'Kế hoạch',
    signer: null,
    bases: [],
    recipients: [],
  },
  sections: [{ code: 'II', title: 'NHIỆM VỤ' }],
  tasks,
  warnings: [],
});

describe('tasks without lead', () => {
  const rows = [
    { sectionCode: 'II', no: '1', leadText: 'Sở Tư pháp' },
    { sectionCode: 'II', no: '2', leadText: '' },
    { sectionCode: 'II', no: '3', leadText: 'Công an tỉnh', supportText: 'Sở Nội vụ' },
    { sectionCode: 'II', no: '4', leadText: 'Các đơn vị có liên quan' },
    { sectionCode: 'II', no: '5', leadText: 'UBND cấp huyện' },
    { sectionCode: '', no: '6', leadText: 'Sở Nội vụ', supportText: 'Sở Tư pháp' },
    // the group's only member is named in support: it coordinates, nobody leads
    { sectionCode: 'II', no: '7', leadText: 'UBND cấp huyện', supportText: 'UBND huyện Tân Biên' },
  ];

  it('are those whose lead names nobody, or only names the directory lacks and open groups', () => {
    expect(findTasksWithoutLead(rows, directory, '2021-03-01')).toEqual([
      { task: 'II.2', leadText: '', reason: 'none' },
      { task: 'II.3', leadText: 'Công an tỉnh', reason: 'unresolved' },
      { task: 'II.4', leadText: 'Các đơn vị có liên quan', reason: 'unresolved' },
      { task: 'II.7', leadText: 'UBND cấp huyện', reason: 'unresolved' },
    ]);
  });

  it('are the same whether read from the cells or from a preview’s matched names', () => {
    for (const issuedOn of ['2021-03-01', '2025-08-01']) {
      const parsed = {
        number: '1/KH-UBND',
        docType: 'KH',
        issuedOn,
        place: 'Tây Ninh',
        title: 'Kế hoạch',
        signer: null,
        bases: [],
        recipients: [],
        sections: [{ code: 'II', title: 'NHIỆM VỤ', line: 1 }],
        tasks: rows.map((row, line) => ({
          supportText: '',
          deadlineText: '',
          content: 'Việc',
          note: '',
          product: '',
          extra: {},
          raw: '',
          line,
          ...row,
        })),
        warnings: [],
      } as unknown as ParsedPlan;
      expect(
        previewTasksWithoutLead(
          buildImportPreview(parsed, directory, '2026-01-01').tasks,
          directory,
          issuedOn,
        ),
      ).toEqual(findTasksWithoutLead(rows, directory, issuedOn));
    }
  });

  it('count a group as lead only when a member exists on the plan’s date', () => {
    const refs = (onDate: string) => findTasksWithoutLead(rows, directory, onDate).map((t) => t.task);
    expect(refs('2025-08-01')).toContain('II.5');
    expect(refs('2025-06-30')).not.toContain('II.5');
  });
});

describe('names the directory lacks', () => {
  it('are listed once, with their tasks, whether they lead anywhere, a free code and a level', () => {
    const unknown = listUnknownAgencies(
      preview([
        task('1', ['Sở Tư pháp'], ['Công an tỉnh']),
        task('2', ['Công an tỉnh'], ['Các đơn vị có liên quan']),
        task('3', ['UBND xã Tân Lập']),
        task('4', ['Sở Nội vụ'], ['CÔNG AN TỈNH']),
      ]),
      directory,
    );
    expect(unknown.map(({ suggestions: _, ...u }) => u)).toEqual([
      { name: 'Công an tỉnh', tasks: ['II.1', 'II.2', 'II.4'], lead: true, code: 'CA', kind: 'province' },
      { name: 'UBND xã Tân Lập', tasks: ['II.3'], lead: true, code: 'UXTL', kind: 'commune' },
    ]);
  });

  it('does not offer an open group the matcher recognises (các cơ quan liên quan) as a new agency', () => {
    const unknown = listUnknownAgencies(
      preview([task('1', ['Sở Tư pháp'], ['các cơ quan liên quan', 'Công an tỉnh'])]),
      directory,
    );
    expect(unknown.map((u) => u.name)).toEqual(['Công an tỉnh']);
  });

  it('gets a code nobody holds', () => {
    expect(suggestAgencyCode('Sở Tư pháp', new Set(['STP']))).toBe('STP2');
    expect(suggestAgencyCode('Sở Tư pháp', new Set(['STP', 'STP2']))).toBe('STP3');
    expect(suggestAgencyCode('Sở Khoa học & Công nghệ', new Set())).toBe('SKHCN');
    expect(suggestAgencyCode('Đài Phát thanh và Truyền hình tỉnh', new Set())).toBe('DPTTH');
    expect(suggestAgencyCode('—', new Set())).toBe('CQ');
  });

  it('gets the level its words say', () => {
    expect(guessAgencyKind('UBND huyện Tân Biên')).toBe('district');
    expect(guessAgencyKind('Ủy ban nhân dân thị xã Hòa Thành')).toBe('district');
    expect(guessAgencyKind('Phòng Tư pháp')).toBe('district');
    expect(guessAgencyKind('UBND phường 1')).toBe('commune');
    expect(guessAgencyKind('Ủy ban nhân dân thị trấn Gò Dầu')).toBe('commune');
    expect(guessAgencyKind('Sở Du lịch')).toBe('province');
    expect(guessAgencyKind('Bộ Tư pháp')).toBe('province');
  });
});
