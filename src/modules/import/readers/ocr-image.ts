/**
 * The raster step of OCR (ocr-reader.ts): a page rendered by pdftoppm as a grey PGM (P5) → the same
 * page with the table's ruling lines whitened. Tesseract reads a cell border as '|', '[' or 'l' and
 * loses the header cells around it; a ruled table is the common case of a plan's appendix. A line is
 * a run of dark pixels longer than any stroke of text (`minRunInches`) along a row or a column; a
 * slightly rotated scan is allowed for by looking `band` pixels to each side of the run.
 */

/** A grey image: one byte a pixel (0 black … 255 white), row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const DARK = 160;
/** lighter than text, darker than paper: the blurred edge of a rule */
const HALO = 235;
/** runs shorter than this are text: 0.3 in ≈ 22 pt, taller than a capital with two diacritics */
const VERTICAL_RUN_INCHES = 0.3;
/** a word's serifs can touch along its baseline: a horizontal rule must be longer than a long word */
const HORIZONTAL_RUN_INCHES = 0.6;

/** Reads a binary PGM (P5, maxval ≤ 255), the format of `pdftoppm -gray`; null for anything else. */
export function readPgm(bytes: Uint8Array): GreyImage | null {
  const fields: number[] = [];
  let i = 2;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return null;
  while (fields.length < 3 && i < bytes.length) {
    const c = bytes[i] ?? 0;
    if (c === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++; // a comment line
    } else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while (i < bytes.length && (bytes[i] ?? 0) >= 0x30 && (bytes[i] ?? 0) <= 0x39) {
        n = n * 10 + ((bytes[i] ?? 0) - 0x30);
        i++;
      }
      fields.push(n);
      continue;
    }
    i++;
  }
  const [width = 0, height = 0, maxval = 0] = fields;
  const start = i + 1; // the one whitespace byte after maxval
  if (width <= 0 || height <= 0 || maxval <= 0 || maxval > 255) return null;
  if (bytes.length - start < width * height) return null;
  return { width, height, pixels: bytes.subarray(start, start + width * height) };
}

export function writePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/**
 * Whitens the ruling lines of a page rendered at `dpi` (in place) and returns how many pixels it
 * whitened. Text is left alone: its strokes are shorter than the runs looked for.
 */
export function removeRulingLines(image: GreyImage, dpi: number): RulingLines {
  const { width, height, pixels } = image;
  const band = 2;
  const dark = new Uint8Array(width * height);
  for (let p = 0; p < dark.length; p++) dark[p] = (pixels[p] ?? 255) < DARK ? 1 : 0;
  // dark within `band` pixels across: a rule a little rotated stays one run along the other way
  const across = new Uint8Array(width * height);
  const down = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark[y * width + x]) continue;
      for (let d = Math.max(0, x - band); d <= Math.min(width - 1, x + band); d++) across[y * width + d] = 1;
      for (let d = Math.max(0, y - band); d <= Math.min(height - 1, y + band); d++) down[d * width + x] = 1;
    }
  }
  const erase = new Uint8Array(width * height);
  const runs: PixelBox[] = [];
  const minVertical = Math.round(VERTICAL_RUN_INCHES * dpi);
  for (let x = 0; x < width; x++) {
    eachRun(
      height,
      (y) => across[y * width + x] === 1,
      (start, end) => {
        if (end - start < minVertical) return;
        for (let k = start; k < end; k++) erase[k * width + x] = 1;
        runs.push({ left: x, top: start, width: 1, height: end - start });
      },
    );
  }
  const minHorizontal = Math.round(HORIZONTAL_RUN_INCHES * dpi);
  for (let y = 0; y < height; y++) {
    eachRun(
      width,
      (x) => down[y * width + x] === 1,
      (start, end) => {
        if (end - start >= minHorizontal) erase.fill(1, y * width + start, y * width + end);
      },
    );
  }
  let whitened = 0;
  for (let p = 0; p < erase.length; p++) {
    // the rule's grey edges too (anti-aliasing, scanner blur): left, they read as '|' or 'l'
    if (erase[p] && (pixels[p] ?? 255) < HALO) {
      pixels[p] = 255;
      whitened++;
    }
  }
  return { whitened, verticals: joinRuns(runs, dpi) };
}

/** What removeRulingLines found: pixels whitened, and the vertical rules (a tilted rule is one box). */
export interface RulingLines {
  whitened: number;
  verticals: PixelBox[];
}

/** Vertical runs of neighbouring columns (a rule's thickness, its drift when tilted) → one box a rule. */
function joinRuns(runs: PixelBox[], dpi: number): PixelBox[] {
  const near = 0.03 * dpi;
  const rules: PixelBox[] = [];
  for (const run of runs) {
    const rule = rules.find(
      (r) =>
        run.left <= r.left + r.width + 1 &&
        run.top <= r.top + r.height + near &&
        r.top <= run.top + run.height + near,
    );
    if (!rule) {
      rules.push({ ...run });
      continue;
    }
    const [right, bottom] = [
      Math.max(rule.left + rule.width, run.left + 1),
      Math.max(rule.top + rule.height, run.top + run.height),
    ];
    rule.top = Math.min(rule.top, run.top);
    [rule.width, rule.height] = [right - rule.left, bottom - rule.top];
  }
  return rules;
}

/**
 * The columns of ruled tables: the area between each vertical rule and the nearest one to its right
 * over the height both share (≥ 0.3 in). A row merged across columns (a section title) has no rule
 * inside it, so it belongs to no column and is read with the page.
 */
export function tableColumns(verticals: readonly PixelBox[], dpi: number): PixelBox[] {
  const columns: PixelBox[] = [];
  const centre = (r: PixelBox) => r.left + r.width / 2;
  for (const a of verticals) {
    const overlaps = verticals
      .filter((b) => centre(b) > centre(a) + 0.1 * dpi)
      .map((b) => ({ b, top: Math.max(a.top, b.top), bottom: Math.min(a.top + a.height, b.top + b.height) }))
      .filter((o) => o.bottom - o.top >= 0.3 * dpi);
    // the nearest rule: one piece, or several where merged rows interrupt it (a tilted rule's pieces lie apart)
    const nearest = Math.min(...overlaps.map((o) => centre(o.b)));
    for (const o of overlaps.filter((o) => centre(o.b) <= nearest + 0.1 * dpi)) {
      const left = Math.round(centre(a));
      columns.push({ left, top: o.top, width: Math.round(centre(o.b)) - left, height: o.bottom - o.top });
    }
  }
  return columns;
}

/**
 * Table columns copied one under the other onto a white page, `gap` apart, for one recognition in
 * which no text line can run from one cell into the next: returns the page and where each column
 * landed (its top on the stacked page).
 */
export function stackColumns(
  image: GreyImage,
  columns: readonly PixelBox[],
  gap: number,
): { stacked: GreyImage; tops: number[] } {
  const width = Math.max(...columns.map((c) => c.width)) + 2 * gap;
  const height = columns.reduce((sum, c) => sum + c.height + gap, gap);
  const stacked: GreyImage = { width, height, pixels: new Uint8Array(width * height).fill(255) };
  const tops: number[] = [];
  let top = gap;
  for (const c of columns) {
    for (let y = 0; y < c.height; y++) {
      const from = (c.top + y) * image.width + c.left;
      stacked.pixels.set(image.pixels.subarray(from, from + c.width), (top + y) * width + gap);
    }
    tops.push(top);
    top += c.height + gap;
  }
  return { stacked, tops };
}

/**
 * Whitens the boxes of words already read (in place, 2 pixels wider each side) and returns how many
 * dark pixels remain: what a second look at the page may still read.
 */
export function whitenBoxes(
  image: GreyImage,
  boxes: ReadonlyArray<{ left: number; top: number; width: number; height: number }>,
): number {
  const { width, height, pixels } = image;
  for (const box of boxes) {
    const [x0, y0] = [Math.max(0, box.left - 2), Math.max(0, box.top - 2)];
    const [x1, y1] = [Math.min(width, box.left + box.width + 2), Math.min(height, box.top + box.height + 2)];
    for (let y = y0; y < y1; y++) pixels.fill(255, y * width + x0, y * width + x1);
  }
  let dark = 0;
  for (let p = 0; p < pixels.length; p++) if ((pixels[p] ?? 255) < DARK) dark++;
  return dark;
}

/** A box of the page, in pixels. */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Dark marks the size of a character or a few (not specks, not pictures), close marks joined ('10', '6.'). */
export function findMarks(image: GreyImage, dpi: number): PixelBox[] {
  const { width, height, pixels } = image;
  const seen = new Uint8Array(width * height);
  const parts: PixelBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || (pixels[start] ?? 255) >= DARK) continue;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    let count = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0 && count < 100_000) {
      const p = stack.pop() ?? 0;
      const [x, y] = [p % width, Math.floor(p / width)];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      count++;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          const q = ny * width + nx;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height || seen[q] || (pixels[q] ?? 255) >= DARK)
            continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    stack.length = 0;
    parts.push({ left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
  const [speck, tall, wide] = [0.015 * dpi, 0.5 * dpi, 1.5 * dpi];
  const gap = 0.06 * dpi;
  // join parts side by side (digits of a number, a dot after it) and stacked (a letter and its marks)
  const marks: PixelBox[] = [];
  for (const part of parts
    .filter((b) => b.width >= speck || b.height >= speck)
    .sort((a, b) => a.left - b.left)) {
    // a dot joins a mark beside it ('6.'), never one above it: a speck under a '1' is dust
    const dot = Math.max(part.width, part.height) < 0.03 * dpi;
    const middle = part.top + part.height / 2;
    const near = marks.find(
      (m) =>
        part.left <= m.left + m.width + gap &&
        (dot
          ? m.top <= middle && middle <= m.top + m.height
          : part.top <= m.top + m.height + gap && m.top <= part.top + part.height + gap),
    );
    if (!near) {
      marks.push({ ...part });
      continue;
    }
    const [right, bottom] = [
      Math.max(near.left + near.width, part.left + part.width),
      Math.max(near.top + near.height, part.top + part.height),
    ];
    [near.left, near.top] = [Math.min(near.left, part.left), Math.min(near.top, part.top)];
    [near.width, near.height] = [right - near.left, bottom - near.top];
  }
  return marks.filter((m) => m.height >= 0.06 * dpi && m.height <= tall && m.width <= wide);
}

/**
 * The marks copied side by side onto one white line (each vertically centred, `gap` apart), for one
 * recognition of them all: returns the strip and each mark's x range on it.
 */
export function stripOf(
  image: GreyImage,
  marks: readonly PixelBox[],
): { strip: GreyImage; spans: Array<{ from: number; to: number }> } {
  const lineHeight = Math.max(...marks.map((m) => m.height));
  const margin = Math.round(lineHeight / 2);
  const gap = lineHeight * 3;
  const width = margin * 2 + marks.reduce((sum, m) => sum + m.width + gap, 0);
  const height = lineHeight + margin * 2;
  const strip: GreyImage = { width, height, pixels: new Uint8Array(width * height).fill(255) };
  const spans: Array<{ from: number; to: number }> = [];
  let x = margin;
  for (const m of marks) {
    const top = margin + Math.floor((lineHeight - m.height) / 2);
    // dark pixels only: the grey left of a rule or of the paper's texture is not part of the mark
    for (let y = 0; y < m.height; y++) {
      for (let i = 0; i < m.width; i++) {
        const value = image.pixels[(m.top + y) * image.width + m.left + i] ?? 255;
        if (value < DARK) strip.pixels[(top + y) * width + x + i] = value;
      }
    }
    spans.push({ from: x, to: x + m.width });
    x += m.width + gap;
  }
  return { strip, spans };
}

/**
 * Whitens specks (in place): dark blots smaller than 0.02 in with no other dark pixel within 0.04 in
 * — dust and scanner noise, never a letter's dot or diacritic, which sit next to their letter.
 * Tesseract takes minutes over a page of dust; a page left with almost nothing dark is blank.
 * Returns the dark pixels left.
 */
export function removeSpecks(image: GreyImage, dpi: number): number {
  const { width, height, pixels } = image;
  const label = new Int32Array(width * height);
  const [small, reach] = [Math.max(2, Math.round(0.02 * dpi)), Math.round(0.04 * dpi)];
  const stack: number[] = [];
  const members: number[] = [];
  let next = 0;
  let dark = 0;
  for (let start = 0; start < pixels.length; start++) {
    if (label[start] || (pixels[start] ?? 255) >= DARK) continue;
    next++;
    members.length = 0;
    stack.push(start);
    label[start] = next;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      members.push(p);
      const [x, y] = [p % width, Math.floor(p / width)];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          const q = ny * width + nx;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height || label[q] || (pixels[q] ?? 255) >= DARK)
            continue;
          label[q] = next;
          stack.push(q);
        }
      }
    }
    if (x1 - x0 >= small || y1 - y0 >= small || hasNeighbour(image, label, next, [x0, y0, x1, y1], reach)) {
      dark += members.length;
      continue;
    }
    for (const p of members) pixels[p] = 255;
  }
  return dark;
}

/** Whether a dark pixel of another blot lies within `reach` of the box. */
function hasNeighbour(
  image: GreyImage,
  label: Int32Array,
  own: number,
  [x0, y0, x1, y1]: number[],
  reach: number,
) {
  const { width, height, pixels } = image;
  for (let y = Math.max(0, (y0 ?? 0) - reach); y <= Math.min(height - 1, (y1 ?? 0) + reach); y++) {
    for (let x = Math.max(0, (x0 ?? 0) - reach); x <= Math.min(width - 1, (x1 ?? 0) + reach); x++) {
      const p = y * width + x;
      if ((pixels[p] ?? 255) < DARK && label[p] !== own) return true;
    }
  }
  return false;
}

/** Calls `visit(start, end)` for every longest run of indices in [0, length) where `on` holds (`end` excluded). */
function eachRun(length: number, on: (i: number) => boolean, visit: (start: number, end: number) => void) {
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const lit = i < length && on(i);
    if (lit && start < 0) start = i;
    if (!lit && start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}
