/**
 * Spaces tesseract lost: on a line that crosses table cells it often runs syllables together
 * ('SởNộivụ', 'Vănphòng', 'thựchiện', 'UBNDtỉnh'). Vietnamese writes one syllable a word, and a
 * syllable has a closed shape — onset consonant, vowel nucleus, final consonant, at most one tone
 * mark — so such a run splits back into syllables: at a change of case ('SởNội', 'UBNDtỉnh'), then
 * into the fewest valid syllables when exactly one such split is best (segment below).
 */

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])';
/** nucleus and final consonant of a syllable, tone marks removed */
const RHYME = '(?:[aăâeêioôơuưy]{1,3})(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}?${RHYME}$`, 'u');
const STARTS_WITH_ONSET = new RegExp(`^${ONSET}[aăâeêioôơuưy]`, 'u');
const LETTERS = /^\p{L}+$/u;

/** A word (NFC) → its syllables joined by spaces, when it is a run of them; otherwise the word unchanged. */
export function splitRunTogetherSyllables(word: string): string {
  const match = /^(\p{P}*)(.*?)(\p{P}*)$/u.exec(word);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (core.length < 5 || !LETTERS.test(core)) return word;
  const parts = core
    .split(/(?<=\p{Ll})(?=\p{Lu})/u)
    .flatMap(splitAfterCapitals)
    .flatMap((part) => (part === part.toUpperCase() ? [part] : segment(part)));
  return parts.length > 1 ? `${lead}${parts.join(' ')}${trail}` : word;
}

/** 'UBNDtỉnh' → 'UBND', 'tỉnh'; 'ÂCác' → 'Â', 'Các' (the last capital starts a syllable when it can). */
function splitAfterCapitals(part: string): string[] {
  const match = /^(\p{Lu}{2,})(\p{Ll}.*)$/u.exec(part);
  if (!match) return [part];
  const [, capitals = '', rest = ''] = match;
  const last = capitals.slice(-1);
  return isSyllable(last + rest) ? [capitals.slice(0, -1), last + rest] : [capitals, rest];
}

/** The letters of one syllable, lower-cased without tone marks; null when it carries two tones. */
function base(text: string): string | null {
  const decomposed = text.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE)?.length ?? 0;
  return tones > 1 ? null : decomposed.replace(TONE, '').normalize('NFC');
}

function isSyllable(text: string): boolean {
  const letters = base(text);
  return letters !== null && SYLLABLE.test(letters);
}

/**
 * A mixed- or lower-case run → syllables: the split into the fewest valid syllables, preferring ones
 * that start with a consonant ('nhà nước', not 'nhàn ước'); the run itself when it is one syllable,
 * does not split, or splits two equally good ways ('thựchiện': 'thực hiện' or 'thự chiện').
 */
function segment(run: string): string[] {
  if (isSyllable(run)) return [run];
  const chars = [...run];
  type Split = { parts: string[]; count: number; vowelStarts: number; ways: number };
  // best[i]: the best splits of chars[i..] (`ways`: how many score the same)
  const best: Array<Split | null> = [];
  best[chars.length] = { parts: [], count: 0, vowelStarts: 0, ways: 1 };
  for (let i = chars.length - 1; i >= 0; i--) {
    let found: Split | null = null;
    for (let j = i + 1; j <= Math.min(chars.length, i + 8); j++) {
      const rest = best[j];
      const syllable = chars.slice(i, j).join('');
      if (!rest || !isSyllable(syllable)) continue;
      const candidate: Split = {
        parts: [syllable, ...rest.parts],
        count: rest.count + 1,
        vowelStarts: rest.vowelStarts + (STARTS_WITH_ONSET.test(base(syllable) ?? '') ? 0 : 1),
        ways: rest.ways,
      };
      const order = found ? candidate.count - found.count || candidate.vowelStarts - found.vowelStarts : -1;
      if (order < 0) found = candidate;
      else if (order === 0 && found) found.ways += candidate.ways;
    }
    best[i] = found;
  }
  const split = best[0];
  return split && split.ways === 1 ? split.parts : [run];
}
