import { describe, expect, it } from 'vitest';
import { readAgencyCsv, writeAgencyCsv } from './agency-csv.ts';

const agencies = [
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'province' as const,
    aliases: ['Sở VH-TT&DL', 'Sở "VHTTDL"'],
    valid_from: null,
    valid_to: null,
  },
  {
    code: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    kind: 'province' as const,
    aliases: [],
    valid_from: null,
    valid_to: '2025-03-01',
  },
  { code: 'STP-P1', name: 'Phòng 1', kind: 'unit' as const, aliases: [], valid_from: null, valid_to: null },
];

describe('agency CSV', () => {
  it('reads back what it writes (commas, quotes, aliases, validity), without internal units', () => {
    const text = writeAgencyCsv(agencies);
    expect(text.split('\r\n')[1]).toBe(
      'SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",province,"Sở VH-TT&DL;Sở ""VHTTDL""",,',
    );
    const { rows, problems } = readAgencyCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        code: 'SVHTTDL',
        name: 'Sở Văn hóa, Thể thao và Du lịch',
        kind: 'province',
        aliases: ['Sở VH-TT&DL', 'Sở "VHTTDL"'],
        validFrom: null,
        validTo: null,
      },
      {
        line: 3,
        code: 'SKHDT',
        name: 'Sở Kế hoạch và Đầu tư',
        kind: 'province',
        aliases: [],
        validFrom: null,
        validTo: '2025-03-01',
      },
    ]);
  });

  it('lists every bad line and reads none of the file', () => {
    const { rows, problems } = readAgencyCsv(
      'Code;Name;Kind;Aliases\nstp;Sở Tư pháp;province;\n;Không mã;province;\nSNV;Sở Nội vụ;city;\nSTP;Sở khác;province;\nX;sở tư pháp;province;\n',
    );
    expect(rows.map((r) => r.code)).toEqual(['STP']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(problems[3]?.message).toContain('dòng 2');
    expect(readAgencyCsv('ma,ten\nA,B\n').problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('thiếu code, name, kind'),
    });
    expect(readAgencyCsv('code,name,kind,note\n').problems[0]?.message).toContain('note');
    expect(
      readAgencyCsv('code,name,kind,aliases,valid_from\nA,B,province,,2025-13-01\n').problems[0]?.line,
    ).toBe(2);
  });
});
