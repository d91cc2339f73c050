/**
 * Word's automatic list numbering (word/numbering.xml): a paragraph with w:numPr shows "1.", "a)",
 * "II." or a bullet that is not in its text. The Word reader writes that label in front of the
 * paragraph, as a reader of the printed page sees it, so that prose plans numbered by Word read as
 * prose plans typed by hand. Bullets become "-". Numbering inherited from a paragraph style is not read.
 */

/** The shape of the Word reader's XML elements (docx-reader.ts). */
export interface NumberingXml {
  name: string;
  attrs: Map<string, string>;
  children: (NumberingXml | string)[];
}

interface Level {
  format: string;
  text: string;
  start: number;
}

interface List {
  /** lists of one w:abstractNum count together (Word continues the numbering) … */
  abstractId: string;
  levels: Level[];
  /** … unless the w:num restarts a level at a given number (w:lvlOverride/w:startOverride) */
  restarts: Map<number, number>;
  used: boolean;
}

export interface ListNumbering {
  /** every w:num, by numId */
  lists: Map<string, List>;
  /** the current count of each level, by abstractNumId */
  counters: Map<string, number[]>;
}

const kids = (el: NumberingXml | undefined) =>
  (el?.children ?? []).filter((c): c is NumberingXml => typeof c !== 'string');
const first = (el: NumberingXml | undefined, name: string) => kids(el).find((c) => c.name === name);
const val = (el: NumberingXml | undefined) => el?.attrs.get('val') ?? '';

/** word/numbering.xml, parsed → the numbering of every list (empty when the file has none). */
export function readListNumbering(root: NumberingXml | null): ListNumbering {
  const numbering = first(root ?? undefined, 'w:numbering');
  const abstracts = new Map<string, Level[]>();
  for (const abstract of kids(numbering).filter((c) => c.name === 'w:abstractNum')) {
    const levels: Level[] = [];
    for (const lvl of kids(abstract).filter((c) => c.name === 'w:lvl')) {
      const ilvl = Number.parseInt(lvl.attrs.get('ilvl') ?? '', 10);
      if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) continue;
      const start = Number.parseInt(val(first(lvl, 'w:start')) || '1', 10);
      levels[ilvl] = {
        format: val(first(lvl, 'w:numFmt')) || 'decimal',
        text: val(first(lvl, 'w:lvlText')),
        start: Number.isFinite(start) ? start : 1,
      };
    }
    abstracts.set(abstract.attrs.get('abstractNumId') ?? '', levels);
  }
  const lists = new Map<string, List>();
  for (const num of kids(numbering).filter((c) => c.name === 'w:num')) {
    const abstractId = val(first(num, 'w:abstractNumId'));
    const levels = abstracts.get(abstractId);
    if (!levels) continue;
    const restarts = new Map<number, number>();
    for (const override of kids(num).filter((c) => c.name === 'w:lvlOverride')) {
      const start = Number.parseInt(val(first(override, 'w:startOverride')), 10);
      const ilvl = Number.parseInt(override.attrs.get('ilvl') ?? '', 10);
      if (Number.isInteger(start) && Number.isInteger(ilvl)) restarts.set(ilvl, start);
    }
    lists.set(num.attrs.get('numId') ?? '', { abstractId, levels, restarts, used: false });
  }
  return { lists, counters: new Map() };
}

/** The label Word shows before a paragraph with these properties (w:pPr): "1.", "a)", "-"; '' when none. */
export function listLabel(numbering: ListNumbering, pPr: NumberingXml | undefined): string {
  const numPr = first(pPr, 'w:numPr');
  if (!numPr) return '';
  const numId = val(first(numPr, 'w:numId'));
  const ilvl = Math.min(8, Math.max(0, Number.parseInt(val(first(numPr, 'w:ilvl')) || '0', 10) || 0));
  const list = numbering.lists.get(numId);
  const levels = list?.levels;
  const level = levels?.[ilvl];
  if (!list || !levels || !level) return '';
  if (level.format === 'bullet') return '-';
  if (level.format === 'none') return '';
  const counters = numbering.counters.get(list.abstractId) ?? [];
  if (!list.used) {
    list.used = true;
    for (const [at, start] of list.restarts) if (at <= ilvl) counters[at] = start - 1;
  }
  counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
  counters.length = ilvl + 1;
  numbering.counters.set(list.abstractId, counters);
  return level.text.replace(/%([1-9])/gu, (_, k: string) => {
    const at = Number(k) - 1;
    const count = counters[at] ?? levels[at]?.start ?? 1;
    return formatNumber(count, levels[at]?.format ?? 'decimal');
  });
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** 1 → a, 26 → z, 27 → aa (Word repeats the letter). */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((Math.max(1, n) - 1) % 26));
  return letter.repeat(Math.floor((Math.max(1, n) - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = Math.max(1, Math.min(n, 3999));
  let out = '';
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
