import { describe, expect, it } from 'vitest';
import { splitRunTogetherSyllables } from './ocr-syllables.ts';
import {
  leftOverWords,
  measureQuality,
  type OcrWord,
  readTesseractTsv,
  skewOf,
  textWords,
  wordsToPositionedText,
} from './ocr-words.ts';

const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (level: number, line: number, word: number, box: number[], conf: number, text: string) =>
  [level, 1, 1, 1, line, word, ...box, conf, text].join('\t');

describe("tesseract's TSV → words", () => {
  it('reads the page size and the words with their line, dropping blanks', () => {
    const tsv = [
      HEAD,
      row(1, 0, 0, [0, 0, 2480, 3508], -1, ''),
      row(4, 1, 0, [300, 400, 500, 40], -1, ''),
      row(5, 1, 1, [300, 400, 120, 40], 96.5, 'Sở'),
      row(5, 1, 2, [440, 400, 100, 40], 95, 'Nội'),
      row(5, 1, 3, [560, 400, 10, 40], 95, ' '),
    ].join('\n');
    const page = readTesseractTsv(tsv);
    expect([page.width, page.height]).toEqual([2480, 3508]);
    expect(page.words.map((w) => [w.text, w.line, w.conf])).toEqual([
      ['Sở', '1.1.1', 96.5],
      ['Nội', '1.1.1', 95],
    ]);
  });

  it('drops cell borders read as characters, and their remains on a word', () => {
    const word = (text: string, conf = 90): OcrWord => ({
      text,
      conf,
      left: 0,
      top: 0,
      width: 10,
      height: 10,
      line: '1',
    });
    const page = {
      width: 100,
      height: 100,
      words: ['|', '[', "'Văn", 'phòng', 'tỉnh|', '-', '2020-'].map((t) => word(t)),
    };
    expect(textWords(page).map((w) => w.text)).toEqual(['Văn', 'phòng', 'tỉnh', '-', '2020-']);
    const unsure = { ...page, words: [word('6', 95), word('.', 95), word('ã', 30)] };
    expect(leftOverWords(unsure).map((w) => w.text)).toEqual(['6']);
  });
});

describe('how much of a page is readable Vietnamese', () => {
  const words = (texts: string[], conf = 90): OcrWord[] =>
    texts.map((text, i) => ({ text, conf, left: i * 50, top: 0, width: 40, height: 30, line: '1' }));
  it('counts confident words and the share written with Vietnamese letters or tones', () => {
    const vietnamese = measureQuality(words('Sở Nội vụ chủ trì phối hợp với các sở ban ngành'.split(' ')));
    expect(vietnamese.confidentWords).toBe(12);
    expect(vietnamese.vietnameseShare).toBeGreaterThan(0.6);
    const english = measureQuality(
      words('The committee reviewed the maintenance schedule of the network'.split(' ')),
    );
    expect(english.vietnameseShare).toBe(0);
    expect(measureQuality(words(['Sở', 'Nội'], 20)).confidentWords).toBe(0);
  });
});

describe('word boxes → positioned text in PDF points', () => {
  it('turns back a tilted scan: the words of two cells on one row share one baseline', () => {
    // a page tilted by 1 %: y grows by 1 px every 100 px to the right
    const tilt = 0.01;
    const line = (id: string, x0: number, texts: string[]): OcrWord[] =>
      texts.map((text, i) => {
        const left = x0 + i * 120;
        return {
          text,
          conf: 95,
          left,
          top: 1000 + Math.round(left * tilt),
          width: 100,
          height: 40,
          line: id,
        };
      });
    const words = [
      ...line('a', 300, ['Báo', 'cáo', 'đánh', 'giá', 'kết', 'quả']),
      ...line('b', 1500, ['Sở', 'Nội', 'vụ', 'tỉnh']),
    ];
    expect(skewOf(words)).toBeCloseTo(tilt, 2);
    const placed = wordsToPositionedText({ width: 2480, height: 3508, words }, words, 300);
    // untilted, the two cells' baselines would be 1080 px × 1 % ≈ 2.6 pt apart
    const baselines = placed.map((p) => p.y);
    expect(Math.max(...baselines) - Math.min(...baselines)).toBeLessThan(0.5);
    const first = placed[0];
    expect(first?.str).toBe('Báo ');
    const cell = placed.find((p) => p.str.startsWith('Sở'));
    expect((cell?.x ?? 0) - (first?.x ?? 0)).toBeCloseTo((1500 - 300) * 0.24, 0);
    expect(placed.at(-1)?.str).toBe('tỉnh');
  });
});

describe('syllables OCR ran together', () => {
  it('splits them back when the split is certain, and leaves everything else alone', () => {
    const cases: Array<[string, string]> = [
      ['SởNộivụ', 'Sở Nội vụ'],
      ['Vănphòng', 'Văn phòng'],
      ['UBNDtỉnh', 'UBND tỉnh'],
      ['Cácsởban', 'Các sở ban'],
      ['ngànhtỉnh,', 'ngành tỉnh,'],
      ['nhànước', 'nhà nước'],
      // 'thực hiện' or 'thự chiện': two splits as good, so none
      ['thựchiện', 'thựchiện'],
      ['huyện', 'huyện'],
      ['CBCCVC', 'CBCCVC'],
      ['20/1/2021.', '20/1/2021.'],
    ];
    for (const [word, expected] of cases) expect(splitRunTogetherSyllables(word), word).toBe(expected);
  });
});
