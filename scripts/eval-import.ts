/**
 * Accuracy of the plan importer on the fixtures of test/fixtures/import/ (see scripts/import-accuracy.ts):
 *   npm run eval:import [-- --verbose] [--only=<substring>] [--runs=<warm reads, default 3>] [--dir=<fixture folder>]
 * Prints, per fixture: fields scored, fields correct, accuracy, tasks expected/found and the parse time
 * (readPlanFile + buildImportPreview: the first, cold read — reader modules loading — and the fastest
 * warm read); then the overall accuracy. `--verbose` adds the first mismatches of each fixture. Exit code 1 only when some fixture could not be read at all.
 */
import { resolve } from 'node:path';
import {
  evaluateFixture,
  FIXTURE_DIR,
  type FixtureResult,
  fixtureFiles,
  type Mismatch,
  tayNinhDirectory,
} from './import-accuracy.ts';

const MISMATCHES_SHOWN = 12;
/** The fields the issue's agency-and-deadline goals count. */
const AGENCY_DEADLINE_FIELDS = ['lead', 'support', 'deadlineText', 'dueOn', 'recurrence'];

function sum(results: FixtureResult[], fields: string[]): { fields: number; correct: number } {
  let [n, right] = [0, 0];
  for (const r of results) {
    for (const field of fields) {
      n += r.accuracy.byField[field]?.fields ?? 0;
      right += r.accuracy.byField[field]?.correct ?? 0;
    }
    if (r.error) n += r.expected.tasks.length * fields.length;
  }
  return { fields: n, correct: right };
}

function goal(label: string, correct: number, fields: number, target: number): void {
  const met = fields > 0 && correct / fields >= target;
  console.log(
    `  ${met ? '✓' : '✗'} ${label}: ${pct(correct, fields)} (${correct}/${fields}; goal ≥ ${(target * 100).toFixed(0)} %)`,
  );
}

function pct(correct: number, fields: number): string {
  return fields === 0 ? '—' : `${((100 * correct) / fields).toFixed(1)} %`;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => [...(row[i] ?? '')].length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
        return rightAligned.has(i) ? pad + cell : cell + pad;
      })
      .join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function mismatchLine(m: Mismatch): string {
  return `    ${m.where} · ${m.field}\n      expected ${show(m.expected)}\n      got      ${show(m.got)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const directory = tayNinhDirectory();
  const warmRuns = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  const dirArg = args.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
  const dir = dirArg ? resolve(dirArg) : FIXTURE_DIR;
  const files = fixtureFiles(dir).filter((file) => !only || file.includes(only));
  const results: FixtureResult[] = [];
  for (const file of files) results.push(await evaluateFixture(file, dir, directory, warmRuns));

  const rows = [
    [
      'fixture',
      'fields',
      'correct',
      'accuracy',
      'lead/sup/dl',
      'agencies',
      'tasks exp/found',
      'ms cold',
      'ms warm',
    ],
  ];
  for (const r of results) {
    const a = r.accuracy;
    const ag = sum([r], AGENCY_DEADLINE_FIELDS);
    rows.push([
      r.file + (r.expected.ocr ? ' (OCR)' : ''),
      String(a.fields),
      String(a.correct),
      r.error ? '0.0 % (unreadable)' : pct(a.correct, a.fields),
      pct(ag.correct, ag.fields),
      r.agencies.named ? `${r.agencies.matched}/${r.agencies.named}` : '—',
      `${a.expectedTasks}/${a.foundTasks}`,
      r.ms === null ? '—' : r.ms.toFixed(1),
      r.warmMs === null ? '—' : r.warmMs.toFixed(1),
    ]);
  }
  const fields = results.reduce((n, r) => n + r.accuracy.fields, 0);
  const correct = results.reduce((n, r) => n + r.accuracy.correct, 0);
  const macro = results.length
    ? results.reduce((n, r) => n + (r.accuracy.fields ? r.accuracy.correct / r.accuracy.fields : 0), 0) /
      results.length
    : 0;
  rows.push(['overall', String(fields), String(correct), pct(correct, fields), '', '', '', '', '']);
  console.log(table(rows, new Set([1, 2, 3, 4, 5, 6, 7, 8])));
  console.log(
    `\noverall accuracy: ${pct(correct, fields)} of ${fields} fields; mean per fixture ${(100 * macro).toFixed(1)} % (${results.length} fixtures)`,
  );
  console.log('\ngoals of issue #13:');
  goal('overall field accuracy', correct, fields, 0.95);
  const real = results.filter((r) => r.file.startsWith('real-'));
  if (real.length > 0) {
    const f = real.reduce((n, r) => n + r.accuracy.fields, 0);
    const c = real.reduce((n, r) => n + r.accuracy.correct, 0);
    goal(`real-world fixtures only (real-*, ${real.length})`, c, f, 0.95);
  }
  const prose = results.filter((r) => r.file.includes('prose'));
  if (prose.length > 0) {
    const found = prose.reduce((n, r) => n + Math.min(r.accuracy.foundTasks, r.accuracy.expectedTasks), 0);
    const expected = prose.reduce((n, r) => n + r.accuracy.expectedTasks, 0);
    goal('prose plans: assigning items found', found, expected, 1);
    const p = sum(prose, ['lead', 'support', 'deadlineText', 'dueOn', 'recurrence']);
    goal('prose plans: lead/support/deadline fields', p.correct, p.fields, 0.95);
  }
  const ocr = results.filter((r) => r.expected.ocr);
  if (ocr.length > 0) {
    const o = sum(ocr, ['lead', 'deadlineText', 'dueOn']);
    goal('OCR: lead agencies and deadlines', o.correct, o.fields, 0.9);
  }
  const referenced = results.filter((r) => r.expected.directory);
  if (referenced.length > 0) {
    const named = referenced.reduce((n, r) => n + r.agencies.named, 0);
    const matched = referenced.reduce((n, r) => n + r.agencies.matched, 0);
    goal('reference-directory plans: agencies matched', matched, named, 0.95);
    const cross = referenced.flatMap((r) => r.agencies.crossLevel);
    console.log(
      `  ${cross.length === 0 ? '✓' : '✗'} cross-level suggestions: ${cross.length} (goal 0)${cross.length ? `: ${cross.slice(0, 5).join('; ')}` : ''}`,
    );
  }

  const unreadable = results.filter((r) => r.error);
  for (const r of unreadable) console.log(`\n✗ ${r.file} could not be read: ${r.error}`);

  if (verbose) {
    for (const r of results) {
      if (r.error || r.accuracy.mismatches.length === 0) continue;
      const shown = r.accuracy.mismatches.slice(0, MISMATCHES_SHOWN);
      console.log(
        `\n${r.file}: ${r.accuracy.mismatches.length} mismatches${shown.length < r.accuracy.mismatches.length ? ` (first ${shown.length})` : ''}`,
      );
      for (const m of shown) console.log(mismatchLine(m));
    }
  }
  if (unreadable.length > 0) process.exitCode = 1;
}

await main();
