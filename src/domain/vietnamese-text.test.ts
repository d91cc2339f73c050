import { describe, expect, it } from 'vitest';
import {
  diacriticSignature,
  foldedWords,
  foldVietnamese,
  hasDiacritics,
  levenshtein,
  tokenize,
} from './vietnamese-text.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Sở Nội vụ', 'so noi vu'],
    ['SỞ NỘI VỤ', 'so noi vu'],
    ['  Sở  Nội \t  vụ ', 'so noi vu'],
    ['Đầu tư', 'dau tu'],
    ['ĐẦU TƯ', 'dau tu'],
    ['Ủy ban', 'uy ban'],
    ['Uỷ ban', 'uy ban'],
    ['Hòa Thành / Hoà Thành', 'hoa thanh / hoa thanh'],
    ['Thương binh và Xã hội', 'thuong binh va xa hoi'],
    ['Truyèn thông', 'truyen thong'],
    ['Sở KH&ĐT', 'so kh&dt'],
    ['dòng 1\ndòng 2', 'dong 1 dong 2'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Sở Tư pháp'.normalize('NFD'))).toBe('so tu phap');
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['chuong', 'chuong', 0],
    ['chuong', 'churong', 1],
    ['phap', 'phsp', 1],
    ['kitten', 'sitting', 3],
    ['truyền', 'truyèn', 1],
    ['đ', 'd', 1],
  ])('levenshtein(%j, %j) = %i', (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
    expect(levenshtein(b, a)).toBe(expected);
  });
});

describe('diacriticSignature', () => {
  it.each([
    ['Ủy', 'Uỷ'],
    ['Hòa', 'Hoà'],
    ['THỦY', 'thuỷ'],
    ['Pháp', 'pháp'.normalize('NFD')],
  ])('%j and %j have the same signature', (a, b) => {
    expect(diacriticSignature(a)).toBe(diacriticSignature(b));
  });

  it.each([
    ['pháp', 'phap'],
    ['Truyền', 'Truyèn'],
    ['Đầu', 'Dầu'],
    ['vụ', 'vũ'],
  ])('%j and %j differ in diacritics', (a, b) => {
    expect(diacriticSignature(a)).not.toBe(diacriticSignature(b));
  });
});

describe('hasDiacritics', () => {
  it.each([
    ['so noi vu', false],
    ['UBND TP', false],
    ['Sở', true],
    ['đ', true],
    ['Đ', true],
    ['Tư phap', true],
  ])('%j → %s', (text, expected) => {
    expect(hasDiacritics(text)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('splits words, separators and punctuation, keeping offsets into the source', () => {
    const text = 'Sở KH&ĐT, Sở LĐ-TB&XH;\nVP + (x)';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'Sở'],
      ['word', 'KH'],
      ['word', '&'],
      ['word', 'ĐT'],
      ['separator', ','],
      ['word', 'Sở'],
      ['word', 'LĐ'],
      ['punct', '-'],
      ['word', 'TB'],
      ['word', '&'],
      ['word', 'XH'],
      ['separator', ';'],
      ['separator', '\n'],
      ['word', 'VP'],
      ['separator', '+'],
      ['punct', '('],
      ['word', 'x'],
      ['punct', ')'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('treats CRLF as one line break and drops other whitespace', () => {
    expect(tokenize('a \t\r\n b').map((t) => t.text)).toEqual(['a', '\r\n', 'b']);
  });

  it('keeps combining marks of decomposed text inside words', () => {
    const nfd = 'Sở Tư pháp'.normalize('NFD');
    expect(tokenize(nfd).map((t) => t.text)).toEqual(nfd.split(' '));
  });

  it('foldedWords drops punctuation and separators', () => {
    expect(foldedWords('Các sở, ban, ngành tỉnh')).toEqual(['cac', 'so', 'ban', 'nganh', 'tinh']);
    expect(foldedWords('Sở Lao động - Thương binh và Xã hội')).toEqual(
      foldedWords('Sở Lao động, Thương binh và Xã hội'),
    );
  });
});
