import { describe, expect, it } from 'vitest';
import {
  findMarks,
  type GreyImage,
  readPgm,
  removeRulingLines,
  removeSpecks,
  stripOf,
  whitenBoxes,
  writePgm,
} from './ocr-image.ts';

/** A white page of `width` × `height` with black rectangles [x, y, w, h]. */
function page(width: number, height: number, boxes: number[][]): GreyImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [x = 0, y = 0, w = 0, h = 0] of boxes)
    for (let r = y; r < y + h; r++) pixels.fill(0, r * width + x, r * width + x + w);
  return { width, height, pixels };
}
const darkIn = (image: GreyImage, [x = 0, y = 0, w = 0, h = 0]: number[]) => {
  let n = 0;
  for (let r = y; r < y + h; r++)
    for (let c = x; c < x + w; c++) if ((image.pixels[r * image.width + c] ?? 255) < 128) n++;
  return n;
};

describe('the raster step of OCR', () => {
  it('reads and writes the PGM of pdftoppm -gray', () => {
    const image = page(3, 2, [[1, 0, 1, 2]]);
    const bytes = writePgm(image);
    expect(new TextDecoder().decode(bytes.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect(readPgm(bytes)).toEqual(image);
    expect(readPgm(new TextEncoder().encode('P6\n3 2\n255\n'))).toBeNull();
  });

  it('whitens the ruling lines of a table, tilted a little, and leaves the text', () => {
    // 300 dpi: a rule 1.2 in long each way; a glyph of 0.1 in; a rule drifting 1 px every 40 px
    const glyph = [400, 400, 20, 30];
    const tilted = Array.from({ length: 360 }, (_, i) => [600 + Math.floor(i / 40), 100 + i, 3, 1]);
    const image = page(1000, 600, [[100, 100, 360, 3], [100, 100, 3, 360], glyph, ...tilted]);
    const { whitened, verticals } = removeRulingLines(image, 300);
    expect(whitened).toBeGreaterThan(360 * 3 * 3 - 20);
    // the left border and the tilted rule, each one box however many pixel columns it covers
    expect(verticals.map((v) => [v.left, v.top, v.height])).toEqual([
      [98, 100, 360],
      [600, 100, 360],
    ]);
    expect(darkIn(image, [100, 100, 360, 3])).toBe(0);
    expect(darkIn(image, [590, 90, 30, 380])).toBe(0);
    expect(darkIn(image, glyph)).toBe(20 * 30);
  });

  it('finds the marks left beside the words already read and lines them up for one look', () => {
    const image = page(800, 600, [
      [100, 100, 20, 30], // '6'
      [100, 300, 12, 30], // '1' and '0' of '10', 6 px apart: one mark
      [118, 300, 14, 30],
      [400, 100, 200, 30], // a word already read
      [500, 500, 1, 1], // a speck
    ]);
    expect(whitenBoxes(image, [{ left: 400, top: 100, width: 200, height: 30 }])).toBe(
      20 * 30 + 12 * 30 + 14 * 30 + 1,
    );
    const marks = findMarks(image, 300);
    expect(marks).toEqual([
      { left: 100, top: 100, width: 20, height: 30 },
      { left: 100, top: 300, width: 32, height: 30 },
    ]);
    const { strip, spans } = stripOf(image, marks);
    expect(spans.length).toBe(2);
    expect(spans[1]?.from ?? 0).toBeGreaterThan((spans[0]?.to ?? 0) + 60);
    expect(darkIn(strip, [0, 0, strip.width, strip.height])).toBe(20 * 30 + 12 * 30 + 14 * 30);
  });

  it("whitens dust, never a letter's dot or a diacritic beside its letter", () => {
    const letter = [200, 200, 12, 30];
    const dot = [204, 190, 4, 4]; // an 'i' dot, 6 px above its stem
    const dust = [
      [50, 50, 3, 3],
      [600, 400, 2, 2],
    ];
    const image = page(800, 600, [letter, dot, ...dust]);
    expect(removeSpecks(image, 300)).toBe(12 * 30 + 4 * 4);
    expect(darkIn(image, [0, 0, 100, 100]) + darkIn(image, [590, 390, 20, 20])).toBe(0);
    expect(darkIn(image, dot)).toBe(16);
    expect(removeSpecks(page(800, 600, dust), 300)).toBe(0);
  });
});
