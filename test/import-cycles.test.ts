/**
 * The import graph of the server (src/) and the SPA (web/src) has no cycles: every static relative
 * `import … from` / `export … from` / `import '…'` of a .ts/.tsx file, type-only ones included, is an
 * edge; a strongly connected component of more than one file (or a file importing itself) fails the
 * test, listed with one cycle through it. Dynamic `import()` is not an edge (it is how a module defers
 * loading another on purpose).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['src', 'web/src'];

const FROM = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gmu;
const SIDE_EFFECT = /^[ \t]*import\s*['"]([^'"]+)['"]/gmu;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/u.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative specifiers a file imports statically. */
function importSpecifiers(text: string): string[] {
  const found = [...text.matchAll(FROM), ...text.matchAll(SIDE_EFFECT)].map((m) => m[1] as string);
  return found.filter((s) => s.startsWith('./') || s.startsWith('../'));
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => /\.tsx?$/u.test(c) && existsSync(c)) ?? null;
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .map((s) => resolveImport(file, s))
      .filter((t): t is string => t !== null && known.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components that hold a cycle (more than one file, or a self-import). */
function cyclicComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** One cycle inside a component: a shortest path from its first file back to itself. */
function oneCycle(graph: ReadonlyMap<string, readonly string[]>, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

describe('import cycles', () => {
  it('keeps test and script code out of the app: no source file but a test imports test/ or scripts/', () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter(
      (f) => !/\.test\.tsx?$/u.test(f),
    );
    const outside = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .map((s) => relative(ROOT, resolve(dirname(file), s)))
        .filter((target) => /^(?:test|scripts)\//u.test(target))
        .map((target) => `${relative(ROOT, file)} → ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('finds the imports of a file, type-only and multi-line ones included', () => {
    const text = [
      "import type { A } from './a.ts';",
      'import {',
      '  b,',
      '  type C,',
      "} from '../b.ts';",
      "export { d } from './d.ts';",
      "export * from './e.ts';",
      "import './f.ts';",
      "import { z } from 'zod';",
      " * import { g } from './not-a-comment-import.ts';",
      "const lazy = await import('./lazy.ts');",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['../b.ts', './a.ts', './d.ts', './e.ts', './f.ts']);
  });

  it('finds every cycle as a strongly connected component', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclicComponents(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('has none in src/ and web/src', () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const graph = importGraph(files);
    const cycles = cyclicComponents(graph).map((component) => {
      const name = (f: string) => relative(ROOT, f);
      return `${component.length} files: ${oneCycle(graph, component).map(name).join(' → ')}${
        component.length > 2 ? `\n    all: ${component.map(name).join(', ')}` : ''
      }`;
    });
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
});
