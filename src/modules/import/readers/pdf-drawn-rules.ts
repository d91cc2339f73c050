/**
 * Horizontal rules drawn on a PDF page (a table's row borders), from pdfjs' operator list: stroked
 * horizontal segments, thin filled rectangles (how Chromium and Word draw cell borders) and the top
 * and bottom edges of stroked rectangles, in PDF user space (y upwards, as the text items), collinear
 * pieces joined; and the vertical ones (cells' sides) likewise. Cell shading (filled rectangles
 * thicker than 3 units both ways) is neither.
 */

/** A horizontal rule at height `y` from `x` to `end`. */
export interface Rule {
  y: number;
  x: number;
  end: number;
}
/** A vertical rule at `x` from `bottom` up to `top` (a cell's side). */
export interface Side {
  x: number;
  bottom: number;
  top: number;
}
/** What a page draws of its tables' borders. */
export interface Drawing {
  rules: Rule[];
  sides: Side[];
}

/** The operator numbers used here, from pdfjs' `OPS`. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const THIN = 3;
/** pdfjs' DrawOPS: the path codes inside a constructPath's data */
const [MOVE, LINE, CURVE, QUAD, CLOSE] = [0, 1, 2, 3, 4];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The subpaths of a constructPath's data, each a list of points in user space. */
function subpaths(
  data: ArrayLike<number>,
  ctm: Matrix,
): Array<{ points: Array<[number, number]>; closed: boolean }> {
  const paths: Array<{ points: Array<[number, number]>; closed: boolean }> = [];
  const at = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === MOVE) {
      paths.push({ points: [at(data[i] ?? 0, data[i + 1] ?? 0)], closed: false });
      i += 2;
    } else if (code === LINE) {
      paths.at(-1)?.points.push(at(data[i] ?? 0, data[i + 1] ?? 0));
      i += 2;
    } else if (code === CURVE || code === QUAD) {
      const n = code === CURVE ? 6 : 4;
      paths.at(-1)?.points.push(at(data[i + n - 2] ?? 0, data[i + n - 1] ?? 0), [Number.NaN, Number.NaN]);
      i += n;
    } else if (code === CLOSE) {
      const path = paths.at(-1);
      if (path) path.closed = true;
    } else break;
  }
  return paths;
}

function rulesOfPath(points: Array<[number, number]>, closed: boolean, stroked: boolean): Drawing {
  const none: Drawing = { rules: [], sides: [] };
  if (points.some(([x, y]) => Number.isNaN(x) || Number.isNaN(y))) return none;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x, end, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (end - x >= THIN && top - bottom <= THIN)
    return { rules: [{ y: (top + bottom) / 2, x, end }], sides: [] };
  if (top - bottom >= THIN && end - x <= THIN)
    return { rules: [], sides: [{ x: (x + end) / 2, bottom, top }] };
  if (!stroked) return none;
  const near = (v: number, to: number[]) => to.some((w) => Math.abs(v - w) < 0.5);
  if (
    closed &&
    points.length >= 4 &&
    points.every(([px, py]) => near(px, [x, end]) && near(py, [bottom, top]))
  )
    return {
      rules: [
        { y: top, x, end },
        { y: bottom, x, end },
      ],
      sides: [
        { x, bottom, top },
        { x: end, bottom, top },
      ],
    };
  // an open polyline: its horizontal and vertical segments
  const found: Drawing = { rules: [], sides: [] };
  for (let i = 1; i < points.length; i++) {
    const [[x0, y0], [x1, y1]] = [points[i - 1] as [number, number], points[i] as [number, number]];
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= THIN)
      found.rules.push({ y: (y0 + y1) / 2, x: Math.min(x0, x1), end: Math.max(x0, x1) });
    if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= THIN)
      found.sides.push({ x: (x0 + x1) / 2, bottom: Math.min(y0, y1), top: Math.max(y0, y1) });
  }
  return found;
}

/** The rules an operator list draws, collinear pieces joined, horizontal ones top to bottom. */
export function drawnRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PathOps): Drawing {
  const strokes = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const paints = new Set([...strokes, ops.fill, ops.eoFill]);
  const found: Drawing = { rules: [], sides: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(args.map(Number) as Matrix, ctm);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if (matrix && matrix.length === 6) ctm = multiply(Array.from(matrix) as Matrix, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const [paint, payload] = args as [number, Array<ArrayLike<number> | null> | undefined];
      const data = payload?.[0];
      if (!paints.has(paint) || !data || typeof data !== 'object' || !('length' in data)) continue;
      // a skewed or rotated matrix draws no horizontal rule we can use
      if (Math.abs(ctm[1]) > 1e-6 || Math.abs(ctm[2]) > 1e-6) continue;
      for (const path of subpaths(data, ctm)) {
        const drawn = rulesOfPath(path.points, path.closed, strokes.has(paint));
        found.rules.push(...drawn.rules);
        found.sides.push(...drawn.sides);
      }
    }
  }
  return { rules: joinRules(found.rules), sides: joinSides(found.sides) };
}

/** Rules at the same height (± 1) whose x ranges touch or overlap become one. */
export function joinRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((p, q) => q.y - p.y || p.x - q.x);
  const out: Rule[] = [];
  for (const rule of sorted) {
    const same = out.filter((r) => Math.abs(r.y - rule.y) <= 1);
    const touching = same.find((r) => rule.x <= r.end + 1.5 && r.x <= rule.end + 1.5);
    if (touching)
      [touching.x, touching.end] = [Math.min(touching.x, rule.x), Math.max(touching.end, rule.end)];
    else out.push({ ...rule });
  }
  return out.sort((p, q) => q.y - p.y || p.x - q.x);
}

/** Sides at the same x (± 1) whose y ranges touch or overlap become one. */
function joinSides(sides: readonly Side[]): Side[] {
  const turned = joinRules(sides.map((side) => ({ y: side.x, x: side.bottom, end: side.top })));
  return turned.map((r) => ({ x: r.y, bottom: r.x, top: r.end }));
}
