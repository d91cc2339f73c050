/**
 * What tesseract saw on a page (its TSV output: one row per word, with its box and confidence) →
 * positioned text for the PDF reader's layout rules (pdf-reader.ts positionedPagesToPlanText), and
 * the measures that tell a page worth reading from a blank or foreign one.
 *
 * Geometry: tesseract gives boxes in pixels from the top-left corner; the layout reader wants PDF
 * points with y upwards from the page's bottom. Every word of one recognised line gets that line's
 * baseline (so a line's words stay together however its letters rise and fall), and as font size
 * 0.9 × the line's height or the page's typical line height, whichever is larger (a line box holds
 * the stacked diacritics above and the descenders below; a short line's box, 'Thời gian', understates
 * its font, and the layout reader measures gaps in ems).
 * A scan a little rotated is turned back by the median slope of its long lines.
 */
import { splitRunTogetherSyllables } from './ocr-syllables.ts';
import type { PositionedText } from './pdf-reader.ts';

/** One recognised word, in pixels from the image's top-left corner; `conf` 0–100. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** block, paragraph and line numbers joined: words of one recognised line share it */
  line: string;
}

export interface OcrPage {
  /** the image's size in pixels */
  width: number;
  height: number;
  words: OcrWord[];
}

/** A cell border read as a character, or a speck: never text of the plan. */
const RULING = /^[|[\]{}¦!_‘’'`.,:;~^°*•—–-]+$/u;
/** a word tesseract is reasonably sure of */
const CONFIDENT = 60;

/** Tesseract's TSV (`tesseract image - tsv`) → the page's size and words; blank words dropped. */
export function readTesseractTsv(tsv: string): OcrPage {
  const page: OcrPage = { width: 0, height: 0, words: [] };
  for (const row of tsv.split(/\r?\n/u).slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = f.map(Number);
    if (level === 1) [page.width, page.height] = [width ?? 0, height ?? 0];
    const text = (f.slice(11).join('\t') ?? '').trim().normalize('NFC');
    if (level !== 5 || text === '') continue;
    page.words.push({
      text,
      left: left ?? 0,
      top: top ?? 0,
      width: width ?? 0,
      height: height ?? 0,
      conf: conf ?? 0,
      line: `${block}.${par}.${line}`,
    });
  }
  return page;
}

/** Words that carry text: cell borders and specks read as punctuation are dropped. */
export function textWords(page: OcrPage): OcrWord[] {
  return page.words
    .filter((w) => !RULING.test(w.text) || (w.conf >= CONFIDENT && /[-–.]/u.test(w.text)))
    .map((w) => ({ ...w, text: w.text.replace(BORDER_EDGES, '') }))
    .filter((w) => w.text !== '');
}

/** what is left of a cell border on a word's edge: "'Văn", '|Sở', 'tỉnh|' */
const BORDER_EDGES = /^[|[\]{}¦'‘’`](?=[\p{L}\d])|(?<=[\p{L}\d.,;:)])[|[\]{}¦]$/gu;

/**
 * The second look's words (ocr-reader.ts): only those tesseract is sure of and that carry a letter or
 * a digit; specks left on a whitened page come out as unsure punctuation.
 */
export function leftOverWords(page: OcrPage): OcrWord[] {
  return textWords(page).filter((w) => w.conf >= CONFIDENT && /[\p{L}\d]/u.test(w.text));
}

/** Letters only Vietnamese writes: ă â đ ê ô ơ ư and the tone marks (after NFD). */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]/u;

/** How much of the page is readable text, and how much of it is Vietnamese. */
export interface OcrQuality {
  /** words of 2+ letters tesseract is sure of (confidence ≥ 60) */
  confidentWords: number;
  /** share of those words written with a Vietnamese letter or tone mark (0–1) */
  vietnameseShare: number;
}

export function measureQuality(words: readonly OcrWord[]): OcrQuality {
  const confident = words.filter((w) => w.conf >= CONFIDENT && /\p{L}.*\p{L}/u.test(w.text));
  const vietnamese = confident.filter((w) => VIETNAMESE.test(w.text.normalize('NFD')));
  return {
    confidentWords: confident.length,
    vietnameseShare: confident.length ? vietnamese.length / confident.length : 0,
  };
}

/** Median slope (dy/dx, y downwards) of the word bottoms along each line of 4+ words: the scan's tilt. */
export function skewOf(words: readonly OcrWord[]): number {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const slopes: number[] = [];
  for (const line of lines.values()) {
    if (line.length < 4) continue;
    const points = line.map((w) => ({ x: w.left + w.width / 2, y: w.top + w.height }));
    // Theil–Sen: the median of the pairwise slopes, deaf to a descender or a diacritic
    const pairs: number[] = [];
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [p, q] = [points[i], points[j]];
        if (p && q && Math.abs(q.x - p.x) > 1) pairs.push((q.y - p.y) / (q.x - p.x));
      }
    }
    const slope = median(pairs);
    if (slope !== null) slopes.push(slope);
  }
  const slope = median(slopes) ?? 0;
  return Math.abs(slope) < 0.1 ? slope : 0;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/**
 * The words of a page rendered at `dpi` → positioned text in PDF points (y up from the bottom), the
 * scan's tilt turned back first. A word followed by another of its line ends with a space, so the
 * layout reader keeps the spaces tesseract found.
 */
export function wordsToPositionedText(
  page: OcrPage,
  words: readonly OcrWord[],
  dpi: number,
  /** bottom borders of the page's ruled tables (pixels from the top): see TABLE_END_GAP */
  tableBottoms: readonly number[] = [],
): PositionedText[] {
  const scale = 72 / dpi;
  const slope = skewOf(words);
  const [cx, cy] = [page.width / 2, page.height / 2];
  // rotate by the tilt around the page's centre: a point on a tilted line lands on one y
  const level = (x: number, y: number) => ({ x: x + (y - cy) * slope, y: y - (x - cx) * slope });
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const heights = [...lines.values()].map((l) => lineBox(l).bottom - lineBox(l).top);
  const typical = median(heights) ?? 40;
  const out: PositionedText[] = [];
  for (const line of lines.values()) {
    line.sort((a, b) => a.left - b.left);
    const box = lineBox(line);
    const size = 0.9 * Math.max(box.bottom - box.top, typical) * scale;
    // the line's baseline: the median bottom of its words, levelled at the line's middle
    const bottom = median(line.map((w) => w.top + w.height)) ?? box.bottom;
    const middle = (line[0]?.left ?? 0) / 2 + (box.right ?? 0) / 2;
    const below = tableBottoms.filter((b) => box.top > b).length;
    const baseline = level(middle, bottom).y + below * TABLE_END_GAP * typical;
    line.forEach((w, i) => {
      const x = level(w.left, baseline).x;
      const text = fixSlips(w.text);
      out.push({
        str: i < line.length - 1 ? `${text} ` : text,
        x: x * scale,
        y: (page.height - baseline) * scale,
        width: w.width * scale,
        height: size,
      });
    });
  }
  return out;
}

/** The table header's 'STT' as OCR misreads it ('SITT', 'SIT'); syllables run together split again. */
function fixSlips(text: string): string {
  if (/^S[ITl1][TIl1]?T$/u.test(text)) return 'STT';
  // a quarter in roman numerals with a '1' or 'l' among its I's: 'Quý 1II/2022'
  const quarter = /^([IVl1]*[IV][IVl1]*)(\/\d{2,4}\.?)$/u.exec(text);
  if (quarter?.[1] && quarter[2]) return `${quarter[1].replace(/[l1]/gu, 'I')}${quarter[2]}`;
  return splitRunTogetherSyllables(text);
}

/**
 * Lines of text a ruled table's bottom border stands for: the layout reader ends a table at a wide
 * gap, and a scan's drawn border is not text, so what follows a table (Nơi nhận, the signature) is
 * moved down this many lines below it.
 */
const TABLE_END_GAP = 5;

function lineBox(line: readonly OcrWord[]) {
  return {
    top: Math.min(...line.map((w) => w.top)),
    bottom: Math.max(...line.map((w) => w.top + w.height)),
    right: Math.max(...line.map((w) => w.left + w.width)),
  };
}
