import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TAY_NINH_DIRECTORY } from '../../test/support/tay-ninh-directory.ts';
import { type CellRef, resolveAgencyCell } from './agency-cell.ts';
import type { Directory } from './directory.ts';

const directory = TAY_NINH_DIRECTORY;

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

  it.each([
    ['Sở Y 4 tế', 'SYT~'],
    ['Sở Nội 4 vụ', 'SNV~'],
    ['Sở Tài nguyên và : Môi trường', 'STNMT'],
  ])('skips one stray character inside a name: %j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual([expected]);
  });

  it('names nobody with a lone character between names', () => {
    expect(resolve('Sở Tư pháp a Sở Nội vụ')).toEqual(['STP', 'SNV']);
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
    ['Sở Nội vụ (chủ trì)', ['SNV']],
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

/** A few ministries as the Government's reference directory writes them. */
const government: Directory = {
  agencies: [
    ['BQP', 'Bộ Quốc phòng', []],
    ['BXD', 'Bộ Xây dựng', []],
    ['BTP', 'Bộ Tư pháp', []],
    ['BTC', 'Bộ Tài chính', []],
    ['BKHDT', 'Bộ Kế hoạch và Đầu tư', ['Bộ KH&ĐT', 'Bộ KHĐT']],
    ['BKHCN', 'Bộ Khoa học và Công nghệ', ['Bộ KH&CN']],
    ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', ['Bộ VHTTDL']],
    ['BLDTBXH', 'Bộ Lao động - Thương binh và Xã hội', ['Bộ LĐTBXH']],
    ['BTNMT', 'Bộ Tài nguyên và Môi trường', ['Bộ TN&MT']],
    ['VPCP', 'Văn phòng Chính phủ', ['VPCP']],
    ['NHNN', 'Ngân hàng Nhà nước Việt Nam', ['NHNN', 'Ngân hàng Nhà nước']],
  ].map(([code, name, aliases]) => ({
    code: code as string,
    name: name as string,
    aliases: aliases as string[],
    kind: 'province' as const,
  })),
  groups: [
    {
      name: 'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      aliases: ['Các bộ, ngành', 'các bộ, ngành liên quan', 'Các bộ, cơ quan ngang bộ'],
      members: ['BQP', 'BXD', 'BTP', 'BTC', 'BKHDT', 'BKHCN', 'BVHTTDL', 'BLDTBXH', 'BTNMT', 'VPCP', 'NHNN'],
    },
    {
      name: 'UBND các tỉnh, thành phố trực thuộc trung ương',
      aliases: [
        'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương',
        'các địa phương',
        'UBND cấp tỉnh',
      ],
      members: null,
    },
  ],
};
const gov = (cell: string) => summary(resolveAgencyCell(cell, government));
const BO_NGANH = 'group:Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ';
const DIA_PHUONG = 'group:UBND các tỉnh, thành phố trực thuộc trung ương';

describe('names with "và" and commas are never split (issue #13)', () => {
  it.each([
    ['Bộ Khoa học và Công nghệ', ['BKHCN']],
    ['Bộ Văn hóa, Thể thao và Du lịch', ['BVHTTDL']],
    ['Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính', ['BLDTBXH', 'BTC']],
    ['Các bộ, ngành', [BO_NGANH]],
    ['Các bộ, ngành liên quan; các địa phương', [BO_NGANH, DIA_PHUONG]],
    ['Bộ KH&ĐT, VPCP, NHNN', ['BKHDT', 'VPCP', 'NHNN']],
  ])('%j → %j', (cell, expected) => {
    expect(gov(cell)).toEqual(expected);
  });

  it.each([
    // unknown to the directory: one name as written, whatever its commas and "và"
    ['Sở Văn hóa, Thể thao và Du lịch', ['?Sở Văn hóa, Thể thao và Du lịch']],
    ['Sở Khoa học, Công nghệ và Môi trường', ['?Sở Khoa học, Công nghệ và Môi trường']],
    ['UBND các xã, phường', ['?UBND các xã, phường']],
    ['Báo và Phát thanh, Truyền hình Quảng Ngãi', ['?Báo và Phát thanh, Truyền hình Quảng Ngãi']],
    // … but a comma or "và" before another agency's first words still separates
    ['Bộ Công an, Ngân hàng Nhà nước', ['?Bộ Công an', 'NHNN']],
    ['Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh', ['?Liên đoàn Lao động tỉnh', '?Hội Nông dân tỉnh']],
    ['Bộ Y tế và Bộ Công an', ['?Bộ Y tế', '?Bộ Công an']],
    ['Viettel, VNPT', ['?Viettel', '?VNPT']],
  ])('unknown %j → %j', (cell, expected) => {
    expect(gov(cell)).toEqual(expected);
  });
});

describe('a shared prefix expands (issue #13)', () => {
  it.each([
    ['Các Bộ: Quốc phòng, Xây dựng, Tài nguyên và Môi trường', ['BQP', 'BXD', 'BTNMT']],
    ['các bộ: Tư pháp, Tài chính', ['BTP', 'BTC']],
    ['Các Bộ Tư pháp, Tài chính', ['BTP', 'BTC']],
    ['Bộ Tài chính, Tư pháp', ['BTC', 'BTP']],
    ['Bộ Tài chính, Tư pháp và Khoa học và Công nghệ', ['BTC', 'BTP', 'BKHCN']],
    // an item the directory lacks keeps the level word: "Bộ Công an", not "Công an"
    ['Các Bộ: Quốc phòng, Công an, Tư pháp', ['BQP', '?Bộ Công an', 'BTP']],
    ['Bộ Tư pháp, Nội vụ', ['BTP', '?Bộ Nội vụ']],
  ])('%j → %j', (cell, expected) => {
    expect(gov(cell)).toEqual(expected);
  });

  it.each([
    ['Sở Tư pháp, Nội vụ', ['STP', 'SNV']],
    ['các Sở: Tài chính, Kế hoạch và Đầu tư', ['STC', 'SKHDT']],
    ['Sở Y tế, Giáo dục và Đào tạo', ['SYT', 'SGDDT']],
    ['Công an tỉnh, Sở Tư pháp, Nội vụ', ['?Công an tỉnh', 'STP', 'SNV']],
    ['Sở Du lịch, Ngoại vụ', ['?Sở Du lịch', 'SNGV']],
    ['UBND huyện Châu Thành, Gò Dầu', ['HCT', 'HGD']],
    ['UBND các huyện: Châu Thành, Gò Dầu', ['HCT', 'HGD']],
    // names that start another agency are their own
    ['Sở Nội vụ, Thanh tra tỉnh, Công an tỉnh', ['SNV', 'TTT', '?Công an tỉnh']],
    ['Sở Tư pháp, Tây Ninh', ['STP', '?Tây Ninh']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it('keeps the written item as the text of a matched agency, and gives an unknown one its level', () => {
    expect(resolveAgencyCell('Sở Tư pháp, Nội vụ, Du lịch', directory)).toEqual([
      expect.objectContaining({ kind: 'agency', code: 'STP', text: 'Sở Tư pháp' }),
      expect.objectContaining({ kind: 'agency', code: 'SNV', text: 'Nội vụ' }),
      expect.objectContaining({ kind: 'unmatched', text: 'Sở Du lịch' }),
    ]);
  });
});

describe('role words of running text are not agencies (issue #13)', () => {
  it('reads "X chủ trì, phối hợp với Y, Z" as the three agencies', () => {
    expect(gov('Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính, Bộ Tư pháp')).toEqual([
      'BKHCN',
      'BTC',
      'BTP',
    ]);
  });

  it.each([
    [
      'Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh',
      ['SLDTBXH', '?Liên đoàn Lao động tỉnh'],
    ],
    ['phối hợp với Sở Nội vụ thực hiện', ['SNV']],
    ['Giao Sở Tư pháp chủ trì', ['STP']],
    ['Công an tỉnh chủ trì', ['?Công an tỉnh']],
  ])('%j → %j', (cell, expected) => {
    expect(resolve(cell)).toEqual(expected);
  });

  it('"các cơ quan liên quan" is an open group, never an agency, when the directory has no such group', () => {
    expect(
      resolveAgencyCell('Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị có liên quan', government),
    ).toEqual([
      expect.objectContaining({ kind: 'unmatched', text: 'Sở Nội vụ' }),
      {
        kind: 'group',
        name: 'các cơ quan, đơn vị có liên quan',
        open: true,
        text: 'các cơ quan, đơn vị có liên quan',
        fuzzy: false,
      },
    ]);
  });

  it('ends the names where the action of running text starts (a verb in lower case)', () => {
    expect(
      resolve(
        'Sở Y tế, Báo Bình Định, Đài Phát thanh và Truyền hình Bình Định đẩy mạnh tuyên truyền về phòng bệnh',
      ),
    ).toEqual(['SYT', '?Báo Bình Định', '?Đài Phát thanh và Truyền hình Bình Định']);
    expect(resolve('Công an tỉnh báo cáo kết quả; Sở Tư pháp')).toEqual(['?Công an tỉnh', 'STP']);
    // capitalised, the same words are a name
    expect(resolve('Ban Tuyên truyền, Sở Nội vụ')).toEqual(['?Ban Tuyên truyền', 'SNV']);
  });

  it('keeps the words that only look like role words inside a name', () => {
    expect(resolve('Sở Ngoại giao')).toEqual(['?Sở Ngoại giao']);
    expect(gov('Bộ Giao thông vận tải')).toEqual(['?Bộ Giao thông vận tải']);
  });
});

describe('suggestions never cross levels (issue #13)', () => {
  const suggestionsOf = (cell: string, dir: Directory) => {
    const [ref] = resolveAgencyCell(cell, dir);
    if (ref?.kind !== 'unmatched') throw new Error(`${cell}: ${JSON.stringify(ref)}`);
    return ref.suggestions;
  };

  it.each([
    ['Bộ Tư pháp', directory, /^Sở /],
    ['Bộ Nội vụ', directory, /^(?:Sở|Các sở) /i],
    ['Phòng Nội vụ', directory, /^(?:Sở|Các sở) /i],
    ['UBND huyện Tân Phú', directory, /^UBND (?:tỉnh|thành phố)/],
    ['Sở Tư pháp', government, /^(?:Bộ|Các bộ) /i],
    ['Sở Xây dựng', government, /^(?:Bộ|Các bộ) /i],
  ])('%j is offered no name of another level', (cell, dir, other) => {
    const suggestions = suggestionsOf(cell, dir);
    for (const s of suggestions) expect(s).not.toMatch(other);
  });

  it('still offers names of the same level, and names without one', () => {
    expect(suggestionsOf('Bộ Công Thương', government)[0]).toMatch(/^Bộ /);
    expect(suggestionsOf('Sở Tư pháp', government)).toEqual([
      'Văn phòng Chính phủ',
      'Ngân hàng Nhà nước Việt Nam',
    ]);
    expect(suggestionsOf('UBND huyện', directory)[0]).toBe('UBND cấp huyện');
  });
});
