/**
 * Directory-aware reading of a lead / support cell ("Cơ quan chủ trì", "Cơ quan phối hợp"):
 * splits the cell into the agencies and groups it names (docs/domain-rules.md §3), left to right — the longest
 * directory name at each word (agency-matching.ts), level words shared by a list ("Sở Tư pháp, Nội
 * vụ", "Các Bộ: …"), names the directory lacks kept whole as written, role words dropped.
 */

import {
  absorbSuffix,
  bestMatch,
  type Compiled,
  compile,
  type Match,
  suggest,
  suggestionWords,
  toUnits,
  type Unit,
  type Word,
} from './agency-matching.ts';
import {
  isActionAt,
  isAgencyHead,
  isRelatedBodiesPhrase,
  levelPrefix,
  rolePhraseAt,
} from './agency-words.ts';
import type { Directory } from './directory.ts';
import { foldVietnamese, type TextToken, tokenize } from './vietnamese-text.ts';

export type CellRef =
  | { kind: 'agency'; code: string; text: string; fuzzy: boolean }
  | { kind: 'group'; name: string; open: boolean; text: string; fuzzy: boolean }
  | { kind: 'unmatched'; text: string; suggestions: string[] };

/** Cells that name nobody. */
const EMPTY_CELLS = new Set(['', '-', '--', 'x', '–', '—', '/']);

/** Trailing dashes, colons, dots and an unbalanced `)` are not part of an unmatched name. */
function trimUnmatched(text: string): string {
  const trimmed = text.replace(/[\s\-–—:/.,;]+$/u, '');
  return trimmed.endsWith(')') && !trimmed.includes('(') ? trimUnmatched(trimmed.slice(0, -1)) : trimmed;
}

/** Level words several names share: "Sở Tư pháp, Nội vụ", "Các Bộ: Quốc phòng, Xây dựng". */
interface SharedPrefix {
  words: Word[];
  /** as written, capitalised: "Sở", "Bộ", "UBND huyện" */
  text: string;
  /** stated as a list ("Các Bộ: …"): every item takes it, and a comma always ends an item */
  list: boolean;
}

type CellMatch = Match & { fuzzy: boolean };

/** One pass over a cell's units, left to right. */
class CellReader {
  readonly refs: CellRef[] = [];
  private shared: SharedPrefix | null = null;
  private readonly tokens: TextToken[];
  private readonly units: Unit[];

  constructor(
    private readonly cell: string,
    private readonly compiled: Compiled,
  ) {
    this.tokens = tokenize(cell);
    this.units = toUnits(this.tokens);
  }

  readonly slice = (start: number, end: number): string => {
    const first = this.units[start];
    const last = this.units[end - 1];
    if (!first || !last || start >= end) return '';
    return this.cell.slice(this.tokens[first.tok]?.start, this.tokens[last.tok]?.end);
  };

  read(): CellRef[] {
    let p = 0;
    while (p < this.units.length) p = this.step(p);
    return this.refs;
  }

  private fold(i: number): string | undefined {
    const u = this.units[i];
    return u?.kind === 'word' ? u.fold : undefined;
  }

  /** The folded words from `i` on, up to the next non-word unit. */
  private wordsFrom(i: number): string[] {
    const words: string[] = [];
    for (let k = i; this.units[k]?.kind === 'word'; k++) words.push(this.fold(k) ?? '');
    return words;
  }

  private isHead(i: number): boolean {
    const u = this.units[i];
    return u?.kind === 'word' && isAgencyHead(this.wordsFrom(i), 0, this.tokens[u.tok]?.text ?? '');
  }

  /** A lower-case action verb at `i` ("đẩy mạnh", "báo cáo"): the names end before it. */
  private isAction(i: number): boolean {
    const u = this.units[i];
    return u?.kind === 'word' && isActionAt(this.wordsFrom(i), 0, this.tokens[u.tok]?.text ?? '');
  }

  /** Past the action text: up to the next `;` or line break. */
  private skipAction(p: number): number {
    let q = p;
    while (q < this.units.length) {
      const u = this.units[q];
      if (u?.kind === 'hard' || (u?.kind === 'soft' && /[\r\n]/.test(this.tokens[u.tok]?.text ?? ''))) break;
      q++;
    }
    this.shared = null;
    return q;
  }

  /** A role phrase of two words or more at `i` ("chủ trì", "phối hợp với"): one word ("giao", "với") may belong to a name. */
  private endsName(i: number): boolean {
    return rolePhraseAt(this.wordsFrom(i), 0) > 1;
  }

  private step(p: number): number {
    const unit = this.units[p];
    if (unit?.kind !== 'word') {
      if (unit?.kind !== 'soft') this.shared = null;
      return p + 1;
    }
    const direct = bestMatch(this.units, p, this.compiled, this.slice);
    const prefixed = this.shared ? this.prefixedMatch(p, this.shared) : null;
    if (prefixed && (!direct || prefixed.end > direct.end)) return this.push(p, prefixed);
    if (direct) {
      this.shared = this.prefixOf(p, direct.end, false);
      return this.push(p, direct);
    }
    if (unit.joiner) return p + 1;
    const list = this.listMarkerAt(p);
    if (list) {
      this.shared = list.shared;
      return list.end;
    }
    if (this.isAction(p)) return this.skipAction(p);
    const role = rolePhraseAt(this.wordsFrom(p), 0);
    if (role > 0) return p + role;
    return this.unmatched(p);
  }

  private push(p: number, match: CellMatch): number {
    const end = absorbSuffix(this.units, match.end, this.compiled.place);
    const text = this.slice(p, end);
    const t = match.entry.target;
    this.refs.push(
      t.kind === 'agency'
        ? { kind: 'agency', code: t.code, text, fuzzy: match.fuzzy }
        : { kind: 'group', name: t.name, open: t.open, text, fuzzy: match.fuzzy },
    );
    return end;
  }

  /** The longest entry matching the shared level words followed by the words at `p`. */
  private prefixedMatch(p: number, shared: SharedPrefix): CellMatch | null {
    const k = shared.words.length;
    const synthetic: Unit[] = [
      ...shared.words.map((w) => ({ ...w, kind: 'word' as const, tok: -1, last: true, joiner: false })),
      ...this.units.slice(p),
    ];
    const text = (s: number, e: number) => this.slice(p + Math.max(s - k, 0), p + e - k);
    const m = bestMatch(synthetic, 0, this.compiled, text);
    return m && m.end > k ? { ...m, end: m.end - k + p } : null;
  }

  /** The level words a name in [start, end) begins with, as a prefix its siblings may share. */
  private prefixOf(start: number, end: number, plural: boolean): SharedPrefix | null {
    const found = levelPrefix(this.wordsFrom(start).slice(0, end - start), plural);
    if (!found) return null;
    const indexes = Array.from({ length: found.length }, (_, k) => start + k).filter(
      (i) => !(plural && (this.fold(i) === 'cac' || this.fold(i) === 'cap')),
    );
    const words = indexes.flatMap((i) => {
      const u = this.units[i];
      return u?.kind === 'word' ? [{ fold: u.fold, sig: u.sig }] : [];
    });
    const toks = [...new Set(indexes.map((i) => this.units[i]?.tok ?? -1))];
    const written = toks.map((t) => this.tokens[t]?.text ?? '').join(' ');
    return { words, text: written.charAt(0).toLocaleUpperCase('vi') + written.slice(1), list: false };
  }

  /** "Các Bộ: …", "các Sở Tư pháp, Nội vụ", "UBND các huyện: …": the items share the level words. */
  private listMarkerAt(p: number): { shared: SharedPrefix; end: number } | null {
    const words = this.wordsFrom(p);
    const found = levelPrefix(words, true);
    if (!found || !words.slice(0, found.length).includes('cac')) return null;
    const prefix = this.prefixOf(p, p + found.length, true);
    if (!prefix) return null;
    const shared = { ...prefix, list: true };
    const after = p + found.length;
    const next = this.units[after];
    if (next?.kind === 'punct' && this.tokens[next.tok]?.text === ':') return { shared, end: after + 1 };
    if (next?.kind === 'word' && this.prefixedMatch(after, shared)) return { shared, end: after };
    return null;
  }

  /** A name the directory does not know, up to where another one starts. */
  private unmatched(p: number): number {
    const q = this.unmatchedEnd(p);
    const text = trimUnmatched(this.slice(p, q));
    const words = suggestionWords(text);
    // nothing, or one character (an OCR speck): no agency is named
    if (words.length === 0 || (words.length === 1 && [...(words[0] ?? '')].length === 1)) return q;
    const shared = this.shared;
    if (isRelatedBodiesPhrase(words)) {
      this.refs.push({ kind: 'group', name: text, open: true, text, fuzzy: false });
      this.shared = null;
    } else if (shared && this.takesPrefix(p, words, shared)) {
      const name = `${shared.text} ${text}`;
      this.refs.push({ kind: 'unmatched', text: name, suggestions: suggest(name, this.compiled) });
    } else {
      this.refs.push({ kind: 'unmatched', text, suggestions: suggest(text, this.compiled) });
      this.shared = this.prefixOf(p, q, false);
    }
    return q;
  }

  /** An unknown name after "Sở Tư pháp," or in "Các Bộ: …" is that level's, unless it has its own. */
  private takesPrefix(p: number, words: string[], shared: SharedPrefix): boolean {
    if (levelPrefix(words, true) || words[0] === 'cac') return false;
    const place = this.compiled.place.join(' ');
    if (place !== '' && (words[0] === 'tinh' ? words.slice(1) : words).join(' ') === place) return false;
    return shared.list || !this.isHead(p);
  }

  /**
   * Where an unknown name starting at `p` ends: at `;`, at a role word (`chủ trì` …), at an exact
   * directory name, or at `và` / a comma before words that start another agency (a head word, a
   * directory name, a name of the same level: "Sở Du lịch, Ngoại vụ"). Otherwise `và` and commas
   * stay inside the name ("UBND các xã, phường", "Sở Văn hóa, Thể thao và Du lịch").
   */
  private unmatchedEnd(p: number): number {
    const ownPrefix = this.prefixOf(p, p + this.wordsFrom(p).length, false) ?? this.shared;
    const startsAnother = (i: number): boolean => {
      if (this.units[i]?.kind !== 'word') return false;
      if (this.isHead(i) || this.endsName(i) || this.isAction(i)) return true;
      const next = bestMatch(this.units, i, this.compiled, this.slice);
      if (next && !next.fuzzy) return true;
      return ownPrefix !== null && this.prefixedMatch(i, ownPrefix) !== null;
    };
    let q = p + 1;
    while (q < this.units.length) {
      const u = this.units[q];
      if (u?.kind === 'hard') break;
      if (u?.kind === 'soft') {
        let r = q + 1;
        while (this.units[r]?.kind === 'soft') r++;
        if (this.shared?.list || startsAnother(r)) break;
        q = r;
        continue;
      }
      if (u?.kind === 'word' && this.units[q - 1]?.tok !== u.tok) {
        if (u.joiner && startsAnother(q + 1)) break;
        if (!u.joiner && (this.endsName(q) || this.isAction(q))) break;
        const next = bestMatch(this.units, q, this.compiled, this.slice);
        if (next && !next.fuzzy) break;
      }
      q++;
    }
    return q;
  }
}

/** Splits a lead / support cell into the agencies, groups and unmatched names it holds, in order. */
export function resolveAgencyCell(cell: string, directory: Directory): CellRef[] {
  if (EMPTY_CELLS.has(foldVietnamese(cell))) return [];
  return new CellReader(cell, compile(directory)).read();
}
