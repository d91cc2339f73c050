import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * docs/benchmarks.md is written by several scripts (seed timings, web bundle, reports, Redmine…):
 * each owns one section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and replaces only
 * that; a missing section is appended. Text outside the markers is kept as people wrote it.
 */
export const BENCHMARKS_DOC = new URL('../docs/benchmarks.md', import.meta.url);

export function writeBenchSection(name: string, markdown: string, doc: URL = BENCHMARKS_DOC): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + close.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, next);
}
