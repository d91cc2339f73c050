import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import directoryJson from '../modules/demo/seed/tay-ninh-2021-directory.json' with { type: 'json' };
import { type CellRef, resolveAgencyCell } from './agency-cell.ts';
import type { AgencyKind, Directory } from './directory.ts';

const directory: Directory = {
  agencies: directoryJson.agencies.map((a) => ({
    code: a.code,
    name: a.name,
    aliases: a.aliases,
    kind: a.kind as AgencyKind,
  })),
  groups: directoryJson.groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members })),
  place: 'Tây Ninh',
};

const SBN = 'group:Các sở, ban, ngành tỉnh';
const HUYEN = 'group:UBND cấp huyện';
const LIEN_QUAN = 'group:Các đơn vị có liên quan';

/** Compact view: `SNV`, `SNV~` (fuzzy), `group:<name>`, `?<text>` (unmatched). */
function summary(refs: CellRef[]): string[] {
  return refs.map((r) => {
    if (r.kind === 'agency') return r.fuzzy ? `${r.code}~` : r.code;
    if (r.kind === 'group') return `group:${r.name}${r.fuzzy ? '~' : ''}`;
    return `?${r.text}`;
  });
}

const resolve = (cell: string) => summary(resolveAgencyCell(cell, directory));

/** Lead and support cells of the appendix of plan 87/KH-UBND (tab-separated rows). */
function seedCells(): string[] {
  const text = readFileSync(
    new URL('../modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
    'utf8',
  );
  const rows = text
    .slice(text.indexOf('\nSTT\t') + 1)
    .split('\n')
    .slice(1);
  return [...new Set(rows.flatMap((row) => row.split('\t').slice(2, 4)).filter((c) => c.trim() !== ''))];
}

describe('resolveAgencyCell — the real cells of plan 87/KH-UBND', () => {
  it.each([
    ['Văn phòng UBND tỉnh', ['VP']],
    ['Các sở, ban, ngành tỉnh và UBND cấp huyện', [SBN, HUYEN]],
    ['Các đơn vị có liên quan', [LIEN_QUAN]],
    ['Các sở ban ngành tỉnh', [SBN]],
    ['Các sở ban ngành tỉnh, UBND cấp huyện', [SBN, HUYEN]],
    ['Sở Tư pháp', ['STP']],
    ['Sở Thông tin và Truyền thông', ['STTTT']],
    ['Sở Tài chính', ['STC']],
    ['Sở Nội vụ', ['SNV']],
    ['Sở Kế hoạch và Đầu tư', ['SKHDT']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it('resolves every lead and support cell of the appendix exactly', () => {
    const cells = seedCells();
    expect(cells).toHaveLength(10);
    for (const cell of cells) {
      const refs = resolveAgencyCell(cell, directory);
      expect(refs.length, cell).toBeGreaterThan(0);
      for (const ref of refs)
        expect(ref.kind !== 'unmatched' && !ref.fuzzy, `${cell} → ${ref.text}`).toBe(true);
    }
  });

  it('marks the open group and keeps the text as written', () => {
    expect(resolveAgencyCell('Các sở, ban, ngành tỉnh và UBND cấp huyện', directory)).toEqual([
      {
        kind: 'group',
        name: 'Các sở, ban, ngành tỉnh',
        open: false,
        text: 'Các sở, ban, ngành tỉnh',
        fuzzy: false,
      },
      { kind: 'group', name: 'UBND cấp huyện', open: false, text: 'UBND cấp huyện', fuzzy: false },
    ]);
    expect(resolveAgencyCell('Các đơn vị có liên quan', directory)).toEqual([
      {
        kind: 'group',
        name: 'Các đơn vị có liên quan',
        open: true,
        text: 'Các đơn vị có liên quan',
        fuzzy: false,
      },
    ]);
  });
});

describe('resolveAgencyCell — splitting', () => {
  it.each([
    ['Sở Văn hóa, Thể thao và Du lịch', ['SVHTTDL']],
    ['Sở Lao động, Thương binh và Xã hội', ['SLDTBXH']],
    ['Sở Lao động - Thương binh và Xã hội', ['SLDTBXH']],
    ['Sở Kế hoạch và Đầu tư và Sở Tài chính', ['SKHDT', 'STC']],
    ['Sở Văn hóa, Thể thao và Du lịch, Sở Lao động, Thương binh và Xã hội', ['SVHTTDL', 'SLDTBXH']],
    ['Sở Nội vụ; Sở Tư pháp + Sở Y tế and Thanh tra tỉnh', ['SNV', 'STP', 'SYT', 'TTT']],
    ['Sở Khoa học và Công nghệ\nBan Dân tộc\r\nSở Xây dựng', ['SKHCN', 'BDT', 'SXD']],
    ['Sở Văn hóa, Thể thao\nvà Du lịch', ['SVHTTDL']],
    ['Sở Nội vụ Sở Tư pháp', ['SNV', 'STP']],
    ['Sở Nội vụ & Sở Tư pháp', ['SNV', 'STP']],
    ['Các sở, ban, ngành tỉnh', [SBN]],
    ['Các sở, ngành tỉnh, UBND các huyện, thị xã, thành phố', [SBN, HUYEN]],
    ['UBND các huyện, thị xã, thành phố Tây Ninh và Các cơ quan, đơn vị có liên quan', [HUYEN, LIEN_QUAN]],
    ['Sở Nội vụ, Sở Nội vụ', ['SNV', 'SNV']],
    ['  , Sở Nội vụ ,, ', ['SNV']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it.each(['', '   ', '-', 'x', 'X', '—'])('empty cell %j → []', (cell) => {
    expect(resolveAgencyCell(cell, directory)).toEqual([]);
  });

  it('keeps the original slice, diacritics and punctuation as written', () => {
    const refs = resolveAgencyCell(
      'Sở Lao động - Thương binh và Xã hội;  sở văn hoá, thể thao và du lịch',
      directory,
    );
    expect(refs.map((r) => r.text)).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'sở văn hoá, thể thao và du lịch',
    ]);
  });
});

describe('resolveAgencyCell — diacritics, case, spacing, abbreviations', () => {
  it.each([
    ['so noi vu', ['SNV']],
    ['SỞ NỘI VỤ', ['SNV']],
    ['Sở  Nội   vụ', ['SNV']],
    ['Sở Nội vụ'.normalize('NFD'), ['SNV']],
    ['cac so ban nganh tinh va ubnd cap huyen', [SBN, HUYEN]],
    ['so van hoa, the thao va du lich', ['SVHTTDL']],
    ['Sở KH&ĐT', ['SKHDT']],
    ['Sở KH & ĐT', ['SKHDT']],
    ['Sở KH và ĐT', ['SKHDT']],
    ['Sở Kế hoạch - Đầu tư', ['SKHDT']],
    ['Sở TT&TT, Sở LĐ-TB&XH, Sở VH-TT&DL', ['STTTT', 'SLDTBXH', 'SVHTTDL']],
    ['VP UBND tỉnh', ['VP']],
    ['Văn phòng Ủy ban nhân dân tỉnh', ['VP']],
    ['Văn phòng Uỷ ban nhân dân tỉnh', ['VP']],
    ['Ủy ban nhân dân thành phố Tây Ninh', ['TPTN']],
    ['UBND TP Tây Ninh', ['TPTN']],
    ['UBND TP. Tây Ninh', ['TPTN']],
    ['Uỷ ban nhân dân TP Tây Ninh', ['TPTN']],
    ['UBND thị xã Hoà Thành, UBND TX Trảng Bàng', ['TXHT', 'TXTB']],
    ['BQL Khu kinh tế tỉnh', ['BQLKKT']],
    ['Ban Quản lý Khu kinh tế', ['BQLKKT']],
    ['Ủy ban nhân dân cấp huyện', [HUYEN]],
    ['STP, SNV', ['STP', 'SNV']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it.each([
    ['Sở Tư pháp tỉnh Tây Ninh', 'STP', 'Sở Tư pháp tỉnh Tây Ninh'],
    ['Sở Tư pháp tỉnh', 'STP', 'Sở Tư pháp tỉnh'],
    ['Sở Tư pháp Tây Ninh', 'STP', 'Sở Tư pháp Tây Ninh'],
    ['Thanh tra tỉnh Tây Ninh', 'TTT', 'Thanh tra tỉnh Tây Ninh'],
    ['Ban Dân tộc tỉnh Tây Ninh', 'BDT', 'Ban Dân tộc tỉnh Tây Ninh'],
    ['Các sở, ban, ngành tỉnh Tây Ninh', 'group:Các sở, ban, ngành tỉnh', 'Các sở, ban, ngành tỉnh Tây Ninh'],
  ])('absorbs a trailing "tỉnh" / place: %j', (cell, expected, text) => {
    const refs = resolveAgencyCell(cell, directory);
    expect(summary(refs)).toEqual([expected]);
    expect(refs[0]?.text).toBe(text);
  });
});

describe('resolveAgencyCell — OCR slips', () => {
  it.each([
    ['Sở Tư phap', 'STP~'],
    ['Sở Thông tin và Truyèn thông', 'STTTT~'],
    ['Sở Giao thông vân tải', 'SGTVT~'],
    ['Sở Công Thuong', 'SCT~'],
    ['Sở Công Thurong', 'SCT~'],
    ['Sở Tài chánh', 'STC~'],
    ['Sở Nông nghiệp và Phát triẻn nông thôn', 'SNNPTNT~'],
    ['Sở Thông tin và Truyền thôngg', 'STTTT~'],
    ['Văn phòng UBND tinh', 'VP~'],
    ['Cac so, ban, nganh tính', `${SBN}~`],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual([expected]);
  });

  it('prefers an exact entry over a fuzzy one of the same length', () => {
    expect(resolve('Sở Nội vụ')).toEqual(['SNV']);
    expect(resolve('Sở Ngoại vụ')).toEqual(['SNGV']);
  });

  it.each([['Sở Tư phsp'], ['Sở Y tá'], ['STPP'], ['UBND huyện Tân Bien Chau']])(
    'does not stretch fuzziness: %j is not an exact match',
    (cell) => {
      const refs = resolveAgencyCell(cell, directory);
      expect(refs.some((r) => r.kind === 'unmatched' || r.fuzzy)).toBe(true);
    },
  );
});

describe('resolveAgencyCell — unknown names', () => {
  it.each([
    ['Công an tỉnh', ['?Công an tỉnh']],
    ['Công an tỉnh, Sở Tư pháp', ['?Công an tỉnh', 'STP']],
    ['Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh', ['?Công an tỉnh', '?Bộ Chỉ huy Quân sự tỉnh']],
    ['Công an tỉnh - Sở Tư pháp', ['?Công an tỉnh', 'STP']],
    ['Sở Nội vụ (chủ trì)', ['SNV', '?chủ trì']],
    ['Chánh Văn phòng UBND tỉnh', ['?Chánh', 'VP']],
    ['UBND tỉnh', ['?UBND tỉnh']],
    ['Sở Tư pháp, Tây Ninh', ['STP', '?Tây Ninh']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it.each([
    ['Sở Tư phsp', 'Sở Tư pháp'],
    ['Sở Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['Sở Ngoại giao', 'Sở Ngoại vụ'],
    ['Phòng Nội vụ', 'Sở Nội vụ'],
    ['UBND huyện', 'UBND cấp huyện'],
  ])('suggests the closest names for %j (first: %j)', (cell, first) => {
    const [ref] = resolveAgencyCell(cell, directory);
    expect(ref).toMatchObject({ kind: 'unmatched', text: cell });
    if (ref?.kind !== 'unmatched') return;
    expect(ref.suggestions[0]).toBe(first);
    expect(ref.suggestions).toHaveLength(3);
    expect(new Set(ref.suggestions).size).toBe(3);
  });

  it('suggests up to three directory names for Công an tỉnh', () => {
    const [ref] = resolveAgencyCell('Công an tỉnh', directory);
    if (ref?.kind !== 'unmatched') throw new Error('expected unmatched');
    const names = new Set([...directory.agencies.map((a) => a.name), ...directory.groups.map((g) => g.name)]);
    expect(ref.suggestions).toHaveLength(3);
    for (const s of ref.suggestions) expect(names.has(s)).toBe(true);
  });
});

describe('unknown names that contain "và"', () => {
  it.each([
    ['Đài Phát thanh và Truyền hình Bình Định', ['Đài Phát thanh và Truyền hình Bình Định']],
    ['Sở Văn hóa và Thể thao', ['Sở Văn hóa và Thể thao']],
    ['Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh', ['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh']],
  ])('%s → %o', (cell, names) => {
    const refs = resolveAgencyCell(cell, directory);
    expect(refs.map((r) => r.text)).toEqual(names);
    expect(refs.every((r) => r.kind === 'unmatched')).toBe(true);
  });

  it('still ends an unknown name where a known agency follows "và"', () => {
    const refs = resolveAgencyCell('Công an tỉnh và Sở Tư pháp', directory);
    expect(refs).toEqual([
      expect.objectContaining({ kind: 'unmatched', text: 'Công an tỉnh' }),
      expect.objectContaining({ kind: 'agency', code: 'STP' }),
    ]);
  });
});
