/**
 * Vietnamese text helpers for matching names typed, scanned or OCR'd in plans: folding
 * (diacritics, case, spacing), edit distance and a tokenizer that keeps source offsets.
 */

const COMBINING_MARKS = /\p{M}/gu;
const HAS_DIACRITIC = /[\p{M}đ]/u;

/**
 * The one Vietnamese fold, for accent- and case-insensitive matching on the server and in the SPA:
 * lower-case, strip diacritics (NFD + remove combining marks), đ→d, collapse whitespace, trim
 * ('  Sở Nội  vụ ' → 'so noi vu'). The SQL function fold_vi (migration 2026-11-27T1400-api) folds
 * the same way but keeps whitespace as written and turns some punctuation into ASCII ('–' → '-'):
 * test/fold-vi.test.ts holds the two together.
 */
export function foldVietnamese(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The letters without their diacritics, case kept: "Đắk Lắk" → "Dak Lak" (an ASCII file name, agency initials). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * A word's spelling with its diacritics, insensitive to case and to where the tone mark sits
 * (`Ủy` = `Uỷ`, `Hòa` = `Hoà`): the lower-cased letters (đ kept) plus the sorted combining marks.
 * Two words with the same fold but different signatures differ in their diacritics.
 */
export function diacriticSignature(word: string): string {
  const decomposed = word.toLowerCase().normalize('NFD');
  const marks = decomposed.match(COMBINING_MARKS) ?? [];
  return `${decomposed.replace(COMBINING_MARKS, '')}|${marks.sort().join('')}`;
}

/** True when the text carries any Vietnamese diacritic (a combining mark or đ). */
export function hasDiacritics(text: string): boolean {
  return HAS_DIACRITIC.test(text.toLowerCase().normalize('NFD'));
}

/** Levenshtein distance (insertions, deletions, substitutions) over code points. */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * `word`: a run of letters/digits, or `&` (it stands for `và`);
 * `separator`: `,` `;` `+` or a line break; `punct`: any other non-space character.
 */
export type TextTokenKind = 'word' | 'separator' | 'punct';

export interface TextToken {
  kind: TextTokenKind;
  /** The token exactly as written. */
  text: string;
  /** Offsets into the source string: text = source.slice(start, end). */
  start: number;
  end: number;
}

const TOKEN = /([\p{L}\p{M}\p{N}]+|&)|([,;+]|\r\n|\r|\n)|([^\S\r\n]+)|(.)/gsu;

/** Splits text into words, separators and punctuation; horizontal whitespace is dropped. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[3] !== undefined) continue;
    const kind: TextTokenKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'separator' : 'punct';
    const start = m.index;
    tokens.push({ kind, text: m[0], start, end: start + m[0].length });
  }
  return tokens;
}

/** The folded words of a text, punctuation and separators dropped (`&` kept as a word). */
export function foldedWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => foldVietnamese(t.text));
}
