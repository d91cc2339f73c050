import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAgencyCell } from '../../domain/agency-cell.ts';
import { isAgencyValidOn } from '../../domain/directory.ts';
import { nameKey } from './agency-names.ts';
import {
  cityName,
  loadReferenceDirectory,
  localiseReference,
  REFERENCE_IDS,
  type ReferenceDirectory,
  referenceAsDirectory,
} from './reference-directories.ts';

/** The agencies of `category` that exist on `date`. */
function validOn(reference: ReferenceDirectory, date: string, category?: string) {
  return reference.agencies.filter(
    (a) =>
      (category === undefined || a.category === category) &&
      isAgencyValidOn({ ...a, validFrom: a.validFrom ?? null, validTo: a.validTo ?? null }, date),
  );
}

describe.each(REFERENCE_IDS)('reference directory %s', (id) => {
  const reference = loadReferenceDirectory(id);

  it('has unique codes, and every name and alias names one agency or group only', () => {
    const codes = reference.agencies.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9_.-]{1,32}$/u);
    const owners = new Map<string, string>();
    const entries = [
      ...reference.agencies.map((a) => ({ owner: a.code, names: [a.name, ...a.aliases] })),
      ...reference.groups.map((g) => ({ owner: `group ${g.name}`, names: [g.name, ...g.aliases] })),
    ];
    for (const { owner, names } of entries) {
      for (const name of names) {
        const key = nameKey(name);
        expect(owners.get(key) ?? owner, `"${name}" of ${owner}`).toBe(owner);
        owners.set(key, owner);
      }
    }
  });

  it('names only its own agencies in groups and successor links, with sane validity', () => {
    const codes = new Set(reference.agencies.map((a) => a.code));
    for (const g of reference.groups) for (const m of g.members ?? []) expect(codes).toContain(m);
    for (const s of reference.successors) {
      expect(codes).toContain(s.from);
      expect(codes).toContain(s.to);
      expect(reference.agencies.find((a) => a.code === s.from)?.validTo ?? s.effectiveOn).toBe(s.effectiveOn);
    }
    for (const a of reference.agencies) {
      if (a.validFrom && a.validTo) expect(a.validFrom < a.validTo).toBe(true);
      expect(['province', 'district', 'commune', 'unit']).toContain(a.kind);
    }
    expect(reference.about.length).toBeGreaterThan(200);
  });
});

describe('the Government reference', () => {
  const government = loadReferenceDirectory('government');
  const before = '2025-02-28';
  const after = '2025-03-01';

  it('has 18 ministries and 4 ministerial-level agencies before 1 March 2025, 14 and 3 after', () => {
    expect(validOn(government, before, 'ministry')).toHaveLength(18);
    expect(validOn(government, before, 'ministerial')).toHaveLength(4);
    expect(validOn(government, after, 'ministry')).toHaveLength(14);
    expect(validOn(government, after, 'ministerial')).toHaveLength(3);
    expect(validOn(government, before, 'government-agency')).toHaveLength(8);
    expect(validOn(government, after, 'government-agency').map((a) => a.name)).toEqual([
      'Thông tấn xã Việt Nam',
      'Đài Tiếng nói Việt Nam',
      'Đài Truyền hình Việt Nam',
      'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
      'Viện Hàn lâm Khoa học xã hội Việt Nam',
    ]);
    const afterNames = validOn(government, after).map((a) => a.name);
    expect(afterNames).toEqual(
      expect.arrayContaining(['Bộ Nông nghiệp và Môi trường', 'Bộ Dân tộc và Tôn giáo']),
    );
    expect(afterNames).not.toContain('Bộ Kế hoạch và Đầu tư');
  });

  it('expands its groups by the plan date', () => {
    const ministries = government.groups.find(
      (g) => g.name === 'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
    );
    const provinces = government.groups.find(
      (g) => g.name === 'UBND các tỉnh, thành phố trực thuộc trung ương',
    );
    const members = (codes: string[] | null | undefined, date: string) =>
      validOn(government, date).filter((a) => codes?.includes(a.code)).length;
    expect(members(ministries?.members, before)).toBe(18 + 4 + 8);
    expect(members(ministries?.members, after)).toBe(14 + 3 + 5);
    expect(members(provinces?.members, '2025-06-30')).toBe(63);
    expect(members(provinces?.members, '2025-07-01')).toBe(34);
    expect(ministries?.aliases).toEqual(
      expect.arrayContaining(['Các bộ, ngành', 'Các bộ, cơ quan ngang bộ']),
    );
    expect(provinces?.aliases).toEqual(expect.arrayContaining(['các địa phương', 'UBND cấp tỉnh']));
  });

  it('carries the provinces exactly as provinces.json has them', () => {
    const provinces = loadReferenceDirectory('provinces').agencies;
    expect(government.agencies.filter((a) => a.category === 'province')).toEqual(provinces);
  });

  it('reads the names plans write, never splitting a name at "và" or a comma', () => {
    const directory = referenceAsDirectory(government);
    const read = (cell: string) =>
      resolveAgencyCell(cell, directory).map((r) =>
        r.kind === 'agency' ? r.code : r.kind === 'group' ? r.name : `?${r.text}`,
      );
    expect(read('Bộ KH&ĐT')).toEqual(['BKHDT']);
    expect(read('Bộ TT&TT, VPCP')).toEqual(['BTTTT', 'VPCP']);
    expect(read('Bộ Văn hóa, Thể thao và Du lịch')).toEqual(['BVHTTDL']);
    expect(read('Bộ Khoa học và Công nghệ')).toEqual(['BKHCN']);
    expect(read('Bộ LĐTBXH')).toEqual(['BLDTBXH']);
    expect(read('NHNN')).toEqual(['NHNN']);
    expect(read('Các bộ, ngành')).toEqual(['Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ']);
    expect(read('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương')).toEqual([
      'UBND các tỉnh, thành phố trực thuộc trung ương',
    ]);
    expect(read('UBND tỉnh Lào Cai')).toEqual(['LAOCAI']);
  });
});

describe('the provinces reference', () => {
  const provinces = loadReferenceDirectory('provinces');

  it('has the 63 provinces and cities before 1 July 2025 and the 34 after', () => {
    expect(validOn(provinces, '2025-06-30')).toHaveLength(63);
    const after = validOn(provinces, '2025-07-01');
    expect(after).toHaveLength(34);
    expect(
      after
        .filter((a) => a.name.startsWith('UBND thành phố '))
        .map((a) => a.code)
        .sort(),
    ).toEqual(['CANTHO', 'DANANG', 'HAIPHONG', 'HANOI', 'HOCHIMINH', 'HUE']);
    for (const a of provinces.agencies) {
      expect(a.name).toMatch(/^UBND (tỉnh|thành phố) /u);
      expect(a.aliases).toContain(a.name.replace(/^UBND/u, 'Ủy ban nhân dân'));
    }
    // every unit absorbed on 1 July 2025 names the unit it joined
    const absorbed = provinces.agencies.filter((a) => a.validTo === '2025-07-01').map((a) => a.code);
    expect(absorbed).toHaveLength(29);
    expect(provinces.successors.map((s) => s.from).sort()).toEqual(absorbed.sort());
    expect(provinces.successors.find((s) => s.from === 'LONGAN')?.to).toBe('TAYNINH');
  });
});

describe('the provincial departments reference', () => {
  const departments = loadReferenceDirectory('provincial-departments');

  it('has the 17 standard agencies before 1 March 2025 and the 12 after, named as in the seed', () => {
    expect(validOn(departments, '2025-02-28', 'department')).toHaveLength(17);
    expect(validOn(departments, '2025-03-01', 'department')).toHaveLength(12);
    const seed = JSON.parse(
      readFileSync(new URL('../demo/seed/tay-ninh-2021-directory.json', import.meta.url), 'utf8'),
    ) as { agencies: { code: string; name: string; aliases: string[] }[] };
    for (const agency of seed.agencies) {
      const same = departments.agencies.find((a) => a.code === agency.code);
      if (same) {
        expect(same.name).toBe(agency.name);
        expect(same.aliases).toEqual(expect.arrayContaining(agency.aliases));
      }
    }
    expect(departments.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['Các sở, ban, ngành tỉnh', 'UBND cấp huyện']),
    );
  });

  it('reads "thành phố" for "tỉnh" in a centrally-run city', () => {
    expect(cityName('Văn phòng UBND tỉnh')).toBe('Văn phòng UBND thành phố');
    expect(cityName('Tỉnh đoàn')).toBe('Thành đoàn');
    expect(cityName('Sở Tài chính')).toBe('Sở Tài chính');
    const hanoi = localiseReference(departments, 'Ủy ban nhân dân thành phố Hà Nội');
    expect(hanoi.agencies.find((a) => a.code === 'TTT')?.name).toBe('Thanh tra thành phố');
    expect(hanoi.groups[0]?.name).toBe('Các sở, ban, ngành thành phố');
    expect(localiseReference(departments, 'Ủy ban nhân dân tỉnh Lào Cai')).toBe(departments);
  });

  it('refuses an unknown reference with the list of known ones', () => {
    expect(() => loadReferenceDirectory('../etc/passwd')).toThrow(
      /government, provincial-departments, provinces/u,
    );
  });
});
