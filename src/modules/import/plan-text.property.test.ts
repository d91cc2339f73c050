import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, parsePlanText } from './plan-text.ts';
import { CELL_LINE_BREAK } from './plan-text-format.ts';

const seed = readFileSync(
  new URL('../demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
  'utf8',
);
const seedLines = seed.split('\n');

/** What any parse must look like, whatever the input: no internal failure, a well-formed result. */
function expectWellFormed(plan: ParsedPlan) {
  expect(plan.warnings.filter((w) => w.code === 'parse_failed')).toEqual([]);
  expect(Array.isArray(plan.tasks)).toBe(true);
  for (const task of plan.tasks) {
    expect(task.line).toBeGreaterThanOrEqual(1);
    expect(typeof task.content).toBe('string');
    expect(task.raw.length).toBeGreaterThan(0);
  }
  if (plan.issuedOn !== null) expect(plan.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'grapheme', maxLength: 80 }),
  }),
  fc.record({
    kind: fc.constant('tabs-to-spaces' as const),
    at: fc.nat(),
    spaces: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({
    kind: fc.constant('noise' as const),
    at: fc.nat(),
    char: fc.constantFrom('\t', '\r', '\u00a0', CELL_LINE_BREAK, '/', '.', '\uFEFF', '\u0301'),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], mutations: Mutation[]): string {
  const out = [...lines];
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    const line = out[i] ?? '';
    switch (m.kind) {
      case 'delete':
        out.splice(i, 1);
        break;
      case 'duplicate':
        out.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.to % out.length;
        [out[i], out[j]] = [out[j] ?? '', line];
        break;
      }
      case 'insert':
        out.splice(i, 0, m.text);
        break;
      case 'tabs-to-spaces':
        out[i] = line.replaceAll('\t', ' '.repeat(m.spaces));
        break;
      case 'truncate':
        out[i] = line.slice(0, m.keep % (line.length + 1));
        break;
      case 'noise': {
        const at = line.length === 0 ? 0 : m.at % line.length;
        out[i] = line.slice(0, at) + m.char + line.slice(at);
        break;
      }
    }
  }
  return out.join('\n');
}

describe('parsePlanText never crashes nor hangs', () => {
  it('on 1,000 random texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        expectWellFormed(parsePlanText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('on 1,000 random table-like texts', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        'STT',
        'Nội dung công việc',
        'Cơ quan chủ trì',
        'I',
        'II.',
        '1',
        '2a',
        'Sở Nội vụ',
        'Trước ngày 20/1/2021',
        '',
      ),
      fc.string({ maxLength: 30 }),
    );
    const line = fc
      .tuple(fc.array(cell, { maxLength: 8 }), fc.constantFrom('\t', '  '))
      .map(([cells, separator]) => cells.join(separator));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        expectWellFormed(parsePlanText(['PHỤ LỤC', ...lines].join('\n')));
      }),
      { numRuns: 1000 },
    );
  });

  it('on 1,000 mutations of the seed plan', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        expectWellFormed(parsePlanText(mutate(seedLines, mutations)));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the seed’s 29 tasks when only whitespace noise is added outside the table', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', ' ', '\u00a0', '   '), { maxLength: 10 }), (blanks) => {
        const plan = parsePlanText([...blanks, seed].join('\n'));
        expect(plan.tasks).toHaveLength(29);
      }),
      { numRuns: 100 },
    );
  });
});
