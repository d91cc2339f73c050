/**
 * The SQL fold (fold_vi, used by the plan and assignment searches) and the TypeScript fold
 * (foldVietnamese, used by the importer and the SPA's search) give the same key for the same text,
 * so what the SPA finds on a page and what the server finds in the database agree.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { foldVietnamese } from '../src/domain/vietnamese-text.ts';
import { describeEachDatabase } from './support/databases.ts';

/**
 * Single spaces only (fold_vi keeps whitespace as written, foldVietnamese collapses it), and ASCII
 * punctuation only (unaccent also turns some punctuation into ASCII, pinned below).
 */
const SAMPLES = [
  'Sở Nội vụ',
  'ĐẮK LẮK',
  'đường Đồng Khởi',
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'Hòa Bình',
  'Hoà Bình',
  'Thừa Thiên Huế',
  'Bà Rịa - Vũng Tàu',
  'Nguyễn Thị Ánh Tuyết',
  'ỨNG DỤNG CÔNG NGHỆ THÔNG TIN',
  'phường Ô Chợ Dừa',
  'Cơ quan chủ trì, phối hợp',
  'Quảng Ngãi; Kiên Giang',
  'Ỷ Lan, Ỵ, ỹ, ý, ỳ',
  'ăn ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ ê ề ế ể ễ ệ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ư ừ ứ ử ữ ự',
  'Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Ê Ề Ế Ể Ễ Ệ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ Ư Ừ Ứ Ử Ữ Ự',
  'Số 12/KH-UBND ngày 05/01/2026',
  'plain ascii 123',
];

describeEachDatabase('fold_vi agrees with foldVietnamese', (t) => {
  it('folds every sample to the same key', async () => {
    const rows = await Promise.all(
      SAMPLES.map(async (text) => {
        const result = await sql<{ folded: string }>`select fold_vi(${text}) as folded`.execute(t.db);
        return { text, sql: result.rows[0]?.folded, ts: foldVietnamese(text) };
      }),
    );
    expect(rows.filter((r) => r.sql !== r.ts)).toEqual([]);
    expect(rows.find((r) => r.text === 'ĐẮK LẮK')?.ts).toBe('dak lak');
  });

  it('differs only where unaccent also rewrites punctuation or whitespace is not single', async () => {
    const result = await sql<{ dash: string; spaces: string }>`
      select fold_vi(${'Bà Rịa – Vũng Tàu'}) as dash, fold_vi(${' Sở  Nội vụ '}) as spaces`.execute(t.db);
    expect(result.rows[0]).toEqual({ dash: 'ba ria - vung tau', spaces: ' so  noi vu ' });
    expect(foldVietnamese('Bà Rịa – Vũng Tàu')).toBe('ba ria – vung tau');
    expect(foldVietnamese(' Sở  Nội vụ ')).toBe('so noi vu');
  });
});
