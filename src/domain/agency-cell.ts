/**
 * Directory-aware reading of a lead / support cell ("Cơ quan chủ trì", "Cơ quan phối hợp"):
 * splits the cell into the agencies and groups it names (DOMAIN §3).
 *
 * The cell is tokenized into folded words, separators and punctuation; at each word the longest
 * directory entry (name, alias or code) whose words match is taken, punctuation (`,` `-` line
 * breaks) being ignored inside a match. Longer beats shorter, then exact beats fuzzy.
 *
 * `fuzzy` marks an OCR slip: a word of 5+ letters one edit away (`Churong`), or — in a slice
 * written with diacritics — a word whose diacritics differ (`Sở Tư phap`, `Truyèn`). Input typed
 * entirely without diacritics (`so noi vu`) matches exactly.
 */
import type { Directory } from './directory.ts';
import type { TextToken } from './vietnamese-text.ts';
import {
  diacriticSignature,
  foldVietnamese,
  hasDiacritics,
  levenshtein,
  tokenize,
} from './vietnamese-text.ts';

export type CellRef =
  | { kind: 'agency'; code: string; text: string; fuzzy: boolean }
  | { kind: 'group'; name: string; open: boolean; text: string; fuzzy: boolean }
  | { kind: 'unmatched'; text: string; suggestions: string[] };

/** Abbreviations written in cells and directory entries alike, keyed by folded form. */
const ABBREVIATIONS: Record<string, string[]> = {
  ubnd: ['ủy', 'ban', 'nhân', 'dân'],
  tp: ['thành', 'phố'],
  tx: ['thị', 'xã'],
  bql: ['ban', 'quản', 'lý'],
  '&': ['và'],
};
/** Words that join names when no directory entry spans them. */
const JOINERS = new Set(['va', 'and']);
/** Cells that name nobody. */
const EMPTY_CELLS = new Set(['', '-', '--', 'x', '–', '—', '/']);
const MAX_SUGGESTIONS = 3;
const STOP_WORDS = new Set(['so', 'tinh', 'cac', 'va']);
const FUZZY_MIN_LETTERS = 5;

interface Word {
  fold: string;
  sig: string;
}

/** One unit of the cell: a word (an abbreviation yields several) or a non-word token. */
type Unit =
  | (Word & { kind: 'word'; tok: number; last: boolean; joiner: boolean })
  | { kind: 'soft' | 'hard' | 'punct'; tok: number };

type Target = { kind: 'agency'; code: string } | { kind: 'group'; name: string; open: boolean };

interface Entry {
  target: Target;
  words: Word[];
  /** Codes (`STP`) match only exactly. */
  exactOnly: boolean;
}

interface Compiled {
  entries: Entry[];
  place: string[];
  /** Display name and the folded words of its name and aliases, for suggestions. */
  suggestions: { name: string; keys: string[][] }[];
}

interface Match {
  entry: Entry;
  end: number;
  edits: number;
  slips: number;
}

function expandWord(text: string): Word[] {
  const fold = foldVietnamese(text);
  const expansion = ABBREVIATIONS[fold];
  if (expansion) return expansion.map((w) => ({ fold: foldVietnamese(w), sig: diacriticSignature(w) }));
  return [{ fold, sig: diacriticSignature(text) }];
}

function entryWords(text: string): Word[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .flatMap((t) => expandWord(t.text));
}

function suggestionWords(text: string): string[] {
  return entryWords(text).map((w) => w.fold);
}

const compiledCache = new WeakMap<Directory, Compiled>();

function compile(directory: Directory): Compiled {
  const cached = compiledCache.get(directory);
  if (cached) return cached;
  const entries: Entry[] = [];
  const suggestions: Compiled['suggestions'] = [];
  for (const agency of directory.agencies) {
    const target: Target = { kind: 'agency', code: agency.code };
    for (const text of [agency.name, ...agency.aliases]) {
      entries.push({ target, words: entryWords(text), exactOnly: false });
    }
    entries.push({ target, words: [{ fold: foldVietnamese(agency.code), sig: '' }], exactOnly: true });
    suggestions.push({ name: agency.name, keys: [agency.name, ...agency.aliases].map(suggestionWords) });
  }
  for (const group of directory.groups) {
    const target: Target = { kind: 'group', name: group.name, open: group.members === null };
    for (const text of [group.name, ...group.aliases]) {
      entries.push({ target, words: entryWords(text), exactOnly: false });
    }
    suggestions.push({ name: group.name, keys: [group.name, ...group.aliases].map(suggestionWords) });
  }
  const compiled: Compiled = {
    entries: entries.filter((e) => e.words.length > 0),
    place: directory.place ? entryWords(directory.place).map((w) => w.fold) : [],
    suggestions,
  };
  compiledCache.set(directory, compiled);
  return compiled;
}

function toUnits(tokens: TextToken[]): Unit[] {
  const units: Unit[] = [];
  tokens.forEach((token, tok) => {
    if (token.kind === 'separator') {
      units.push({ kind: token.text === ',' || /[\r\n]/.test(token.text) ? 'soft' : 'hard', tok });
    } else if (token.kind === 'punct') {
      units.push({ kind: 'punct', tok });
    } else {
      const words = expandWord(token.text);
      words.forEach((w, i) => {
        units.push({ ...w, kind: 'word', tok, last: i === words.length - 1, joiner: JOINERS.has(w.fold) });
      });
    }
  });
  return units;
}

function matchEntry(units: Unit[], start: number, entry: Entry): Match | null {
  let i = start;
  let edits = 0;
  let slips = 0;
  for (const [k, w] of entry.words.entries()) {
    while (k > 0 && (units[i]?.kind === 'punct' || units[i]?.kind === 'soft')) i++;
    const u = units[i];
    if (u?.kind !== 'word') return null;
    if (u.fold === w.fold) {
      if (!entry.exactOnly && u.sig !== w.sig) slips++;
    } else if (
      !entry.exactOnly &&
      entry.words.length > 1 &&
      w.fold.length >= FUZZY_MIN_LETTERS &&
      levenshtein(u.fold, w.fold) <= 1
    ) {
      edits++;
    } else {
      return null;
    }
    i++;
  }
  const lastUnit = units[i - 1];
  if (lastUnit?.kind !== 'word' || !lastUnit.last) return null;
  if (edits * 2 > entry.words.length) return null;
  return { entry, end: i, edits, slips };
}

function bestMatch(units: Unit[], start: number, compiled: Compiled, text: (s: number, e: number) => string) {
  let best: (Match & { fuzzy: boolean }) | null = null;
  for (const entry of compiled.entries) {
    const m = matchEntry(units, start, entry);
    if (!m) continue;
    const fuzzy = m.edits > 0 || (m.slips > 0 && hasDiacritics(text(start, m.end)));
    const better =
      !best ||
      m.end > best.end ||
      (m.end === best.end && (Number(fuzzy) - Number(best.fuzzy) || m.edits - best.edits) < 0);
    if (better) best = { ...m, fuzzy };
  }
  return best;
}

/** Index past a trailing `tỉnh` and/or the place name (`Sở Tư pháp tỉnh Tây Ninh`), else `end`. */
function absorbSuffix(units: Unit[], end: number, place: string[]): number {
  const skipPunct = (i: number) => {
    while (units[i]?.kind === 'punct') i++;
    return i;
  };
  const wordAt = (i: number) => {
    const u = units[i];
    return u?.kind === 'word' ? u.fold : undefined;
  };
  let result = end;
  let i = skipPunct(end);
  if (wordAt(i) === 'tinh') {
    result = i + 1;
    i = skipPunct(i + 1);
  }
  if (place.length > 0 && place.every((w, k) => wordAt(i + k) === w)) result = i + place.length;
  return result;
}

/** Closest directory names: most shared words (beyond `sở`, `tỉnh`, `các`, `và`), then edit distance. */
function suggest(text: string, compiled: Compiled): string[] {
  const words = suggestionWords(text);
  const key = words.join(' ');
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return compiled.suggestions
    .map((s, order) => ({
      name: s.name,
      order,
      shared: Math.max(...s.keys.map((k) => content.filter((w) => k.includes(w)).length)),
      distance: Math.min(...s.keys.map((k) => levenshtein(key, k.join(' ')))),
    }))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || a.order - b.order)
    .map((s) => s.name)
    .filter((name, i, all) => all.indexOf(name) === i)
    .slice(0, MAX_SUGGESTIONS);
}

/** Trailing dashes, colons, dots and an unbalanced `)` are not part of an unmatched name. */
function trimUnmatched(text: string): string {
  const trimmed = text.replace(/[\s\-–—:/.,;]+$/u, '');
  return trimmed.endsWith(')') && !trimmed.includes('(') ? trimUnmatched(trimmed.slice(0, -1)) : trimmed;
}

/**
 * First words of an agency's name (folded). Inside a name unknown to the directory, `và` separates
 * two agencies only when what follows starts like one: "Sở Nội vụ và Công an tỉnh" is two,
 * "Đài Phát thanh và Truyền hình Bình Định" is one.
 */
const AGENCY_HEADS = new Set([
  'so',
  'ubnd',
  'uy',
  'ban',
  'van',
  'cong',
  'bo',
  'dai',
  'trung',
  'thanh',
  'cuc',
  'chi',
  'phong',
  'cac',
  'hoi',
  'lien',
  'tinh',
  'ngan',
  'kho',
  'bao',
  'vien',
  'truong',
  'mat',
  'doan',
  'hdnd',
  'toa',
  'dang',
  'benh',
  'hoc',
  'quy',
  'cang',
  'buu',
  'cty',
  'tong',
  'bql',
  'vp',
  'tp',
  'tx',
]);

function startsAnAgencyName(units: Unit[], at: number): boolean {
  const unit = units[at];
  return unit?.kind === 'word' && AGENCY_HEADS.has(unit.fold);
}

/** Splits a lead / support cell into the agencies, groups and unmatched names it holds, in order. */
export function resolveAgencyCell(cell: string, directory: Directory): CellRef[] {
  if (EMPTY_CELLS.has(foldVietnamese(cell))) return [];
  const compiled = compile(directory);
  const tokens = tokenize(cell);
  const units = toUnits(tokens);
  const slice = (start: number, end: number): string => {
    const first = units[start];
    const last = units[end - 1];
    if (!first || !last) return '';
    return cell.slice(tokens[first.tok]?.start, tokens[last.tok]?.end);
  };
  const refs: CellRef[] = [];
  let p = 0;
  while (p < units.length) {
    const unit = units[p];
    if (unit?.kind !== 'word') {
      p++;
      continue;
    }
    const match = bestMatch(units, p, compiled, slice);
    if (match) {
      const end = absorbSuffix(units, match.end, compiled.place);
      const text = slice(p, end);
      const t = match.entry.target;
      refs.push(
        t.kind === 'agency'
          ? { kind: 'agency', code: t.code, text, fuzzy: match.fuzzy }
          : { kind: 'group', name: t.name, open: t.open, text, fuzzy: match.fuzzy },
      );
      p = end;
      continue;
    }
    if (unit.joiner) {
      p++;
      continue;
    }
    // Unmatched: up to the next separator, joiner word or the start of an exact directory match.
    let q = p + 1;
    while (q < units.length) {
      const u = units[q];
      if (u?.kind === 'soft' || u?.kind === 'hard') break;
      if (u?.kind === 'word' && units[q - 1]?.tok !== u.tok) {
        if (u.joiner && startsAnAgencyName(units, q + 1)) break;
        const next = bestMatch(units, q, compiled, slice);
        if (next && !next.fuzzy) break;
      }
      q++;
    }
    const text = trimUnmatched(slice(p, q));
    refs.push({ kind: 'unmatched', text, suggestions: suggest(text, compiled) });
    p = q;
  }
  return refs;
}
