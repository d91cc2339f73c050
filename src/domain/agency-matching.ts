/**
 * Matching the words of an agency cell against the directory (docs/domain-rules.md §3), for agency-cell.ts.
 *
 * The cell is tokenized into folded words, separators and punctuation; at a word the longest
 * directory entry (name, alias or code) whose words match is taken, punctuation (`,` `-` line
 * breaks) being ignored inside a match. Longer beats shorter, then exact beats fuzzy.
 *
 * `fuzzy` marks an OCR slip: a word of 5+ letters one edit away (`Churong`), or — in a slice
 * written with diacritics — a word whose diacritics differ (`Sở Tư phap`, `Truyèn`). Input typed
 * entirely without diacritics (`so noi vu`) matches exactly.
 */
import { type AgencyLevel, levelOf } from './agency-words.ts';
import type { Directory } from './directory.ts';
import type { TextToken } from './vietnamese-text.ts';
import {
  diacriticSignature,
  foldVietnamese,
  hasDiacritics,
  levenshtein,
  tokenize,
} from './vietnamese-text.ts';

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
const MAX_SUGGESTIONS = 3;
const STOP_WORDS = new Set(['so', 'tinh', 'cac', 'va']);
const FUZZY_MIN_LETTERS = 5;

export interface Word {
  fold: string;
  sig: string;
}

/** One unit of the cell: a word (an abbreviation yields several) or a non-word token. */
export type Unit =
  | (Word & { kind: 'word'; tok: number; last: boolean; joiner: boolean })
  | { kind: 'soft' | 'hard' | 'punct'; tok: number };

type Target = { kind: 'agency'; code: string } | { kind: 'group'; name: string; open: boolean };

interface Entry {
  target: Target;
  words: Word[];
  /** Codes (`STP`) match only exactly. */
  exactOnly: boolean;
}

export interface Compiled {
  entries: Entry[];
  /** The entries a word may start: same first word, or one edit away (fuzzy), memoised per word. */
  startingWith: (fold: string) => Entry[];
  place: string[];
  /** Display name, its level and the folded words of its name and aliases, for suggestions. */
  suggestions: { name: string; level: AgencyLevel | null; keys: string[][] }[];
  /** Suggestions already made, by the folded words of the unknown name. */
  suggested: Map<string, string[]>;
}

export interface Match {
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

export function suggestionWords(text: string): string[] {
  return entryWords(text).map((w) => w.fold);
}

const compiledCache = new WeakMap<Directory, Compiled>();

export function compile(directory: Directory): Compiled {
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
    suggestions.push({
      name: agency.name,
      level: levelOf(suggestionWords(agency.name)),
      keys: [agency.name, ...agency.aliases].map(suggestionWords),
    });
  }
  for (const group of directory.groups) {
    const target: Target = { kind: 'group', name: group.name, open: group.members === null };
    for (const text of [group.name, ...group.aliases]) {
      entries.push({ target, words: entryWords(text), exactOnly: false });
    }
    suggestions.push({
      name: group.name,
      level: levelOf(suggestionWords(group.name)),
      keys: [group.name, ...group.aliases].map(suggestionWords),
    });
  }
  const usable = entries.filter((e) => e.words.length > 0);
  const compiled: Compiled = {
    entries: usable,
    startingWith: entriesByFirstWord(usable),
    place: directory.place ? entryWords(directory.place).map((w) => w.fold) : [],
    suggestions,
    suggested: new Map(),
  };
  compiledCache.set(directory, compiled);
  return compiled;
}

/**
 * Only entries whose first word is the word itself — or, for a word of 5+ letters, one edit away
 * (an OCR slip, as matchEntry allows) — can match there: an index keeps matching linear in the cell.
 */
function entriesByFirstWord(entries: Entry[]): (fold: string) => Entry[] {
  const byFirst = new Map<string, Entry[]>();
  for (const entry of entries) {
    const first = entry.words[0]?.fold ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
  }
  const memo = new Map<string, Entry[]>();
  return (fold) => {
    let found = memo.get(fold);
    if (found) return found;
    found = [...(byFirst.get(fold) ?? [])];
    for (const [first, list] of byFirst) {
      if (first === fold || first.length < FUZZY_MIN_LETTERS || Math.abs(first.length - fold.length) > 1)
        continue;
      if (levenshtein(first, fold) <= 1)
        found.push(...list.filter((e) => !e.exactOnly && e.words.length > 1));
    }
    memo.set(fold, found);
    return found;
  };
}

export function toUnits(tokens: TextToken[]): Unit[] {
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
  let strays = 0;
  for (const [k, w] of entry.words.entries()) {
    while (k > 0 && (units[i]?.kind === 'punct' || units[i]?.kind === 'soft')) i++;
    // An OCR speck inside a name ("Sở Y 4 tế"): one stray character, skipped once, counted as an edit.
    if (k > 0 && strays === 0 && !entry.exactOnly && entry.words.length >= 3 && isStray(units, i, w)) {
      i++;
      strays++;
      edits++;
    }
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

/** A one-character word at `i` that is not `expected`, followed by `expected` itself. */
function isStray(units: Unit[], i: number, expected: Word): boolean {
  const u = units[i];
  const next = units[i + 1];
  return (
    u?.kind === 'word' &&
    u.last &&
    [...u.fold].length === 1 &&
    u.fold !== expected.fold &&
    next?.kind === 'word' &&
    next.fold === expected.fold
  );
}

export function bestMatch(
  units: Unit[],
  start: number,
  compiled: Compiled,
  text: (s: number, e: number) => string,
) {
  let best: (Match & { fuzzy: boolean }) | null = null;
  const unit = units[start];
  if (unit?.kind !== 'word') return null;
  for (const entry of compiled.startingWith(unit.fold)) {
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
export function absorbSuffix(units: Unit[], end: number, place: string[]): number {
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

/**
 * Closest directory names: most shared words (beyond `sở`, `tỉnh`, `các`, `và`), then edit distance.
 * Never across levels: an unknown `Bộ …` is offered no `Sở …`, a `Phòng …` no `Sở …`.
 */
export function suggest(text: string, compiled: Compiled): string[] {
  const words = suggestionWords(text);
  const key = words.join(' ');
  const memo = compiled.suggested.get(key);
  if (memo) return memo;
  const level = levelOf(words);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const candidates = compiled.suggestions
    .map((s, order) => ({
      ...s,
      order,
      shared: Math.max(...s.keys.map((k) => content.filter((w) => k.includes(w)).length)),
    }))
    .filter((s) => level === null || s.level === null || s.level === level)
    .sort((a, b) => b.shared - a.shared || a.order - b.order);
  // Edit distances only break ties: those sharing at least as many words as the last one kept.
  const floor = candidates[MAX_SUGGESTIONS - 1]?.shared ?? 0;
  const names = candidates
    .filter((s) => s.shared >= floor)
    .map((s) => ({ ...s, distance: Math.min(...s.keys.map((k) => levenshtein(key, k.join(' ')))) }))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || a.order - b.order)
    .map((s) => s.name)
    .filter((name, i, all) => all.indexOf(name) === i)
    .slice(0, MAX_SUGGESTIONS);
  compiled.suggested.set(key, names);
  return names;
}
