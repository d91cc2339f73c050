/**
 * A 20-page text PDF read by the importer (issue #13: ≤ 3 s): the plan of pdf-test-plans.ts (a task
 * table over 20 pages, wrapped cells, STT centred, drawn borders, gazette header and page footer on
 * every page) made in memory, then read into a plan (readPlanFile: pdfjs text and drawings, layout,
 * parser) — the first read of a fresh process (the importer's modules and pdfjs loading with it,
 * under tsx: compiling TypeScript too) and the reads after.
 *   node --import tsx bench/pdf-pages.ts [runs, default 5]
 */
import { performance } from 'node:perf_hooks';
import { readPlanFile } from '../src/modules/import/read-plan-file.ts';
import { tablePlanPdf } from '../src/modules/import/readers/pdf-test-plans.ts';
import { writeBenchSection } from './doc-section.ts';

const TARGET_MS = 3000;

export async function benchPdfPages(
  runs = 5,
): Promise<{ pages: number; tasks: number; firstMs: number; warmMs: number[] }> {
  const bytes = await tablePlanPdf({ repeat: 36 });
  const pages = (new TextDecoder('latin1').decode(bytes).match(/\/Type\s*\/Page\b/gu) ?? []).length;
  const read = async () => {
    const started = performance.now();
    const plan = await readPlanFile({ fileName: 'ke-hoach-20-trang.pdf', bytes });
    return { ms: performance.now() - started, tasks: plan.tasks.length };
  };
  const first = await read();
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) warmMs.push((await read()).ms);
  return { pages, tasks: first.tasks, firstMs: first.ms, warmMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { pages, tasks, firstMs, warmMs } = await benchPdfPages(Number(process.argv[2] ?? 5));
  const sorted = [...warmMs].sort((p, q) => p - q);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const worst = Math.max(firstMs, ...warmMs);
  const line =
    `${pages}-page text PDF, ${tasks} tasks: first read ${firstMs.toFixed(0)} ms, warm median ${median.toFixed(0)} ms, ` +
    `slowest ${worst.toFixed(0)} ms — ${worst <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`;
  console.log(line);
  if (process.argv.includes('--write')) {
    writeBenchSection(
      'pdf-pages',
      `## A 20-page text PDF (issue #13)

\`node --import tsx bench/pdf-pages.ts --write\` (also run by \`npm run bench\`, in a fresh process so the
first read loads pdfjs and the importer's modules, and compiles them under tsx) on ${new Date().toISOString().slice(0, 10)}: a task
table over ${pages} pages (wrapped cells, STT centred, drawn borders, a gazette running header and a page
footer on every page, made in memory by pdf-test-plans.ts), read into a plan by readPlanFile (pdfjs text
and drawings, layout, parser). Goal: ≤ ${TARGET_MS} ms.

- ${line}
- warm reads (ms): ${warmMs.map((ms) => ms.toFixed(0)).join(', ')}
`,
    );
  }
}
