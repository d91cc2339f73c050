/**
 * Field-by-field accuracy of the plan importer against the fixtures of test/fixtures/import/
 * (`<name>.<ext>` + `<name>.expected.json`, written by scripts/make-import-fixtures.ts from the spec
 * of each document — the truth put into it, never the parser's output).
 * Shared by `npm run eval:import` (scripts/eval-import.ts) and test/import-fixtures.test.ts.
 *
 * Counting: the 6 header fields; the section count (1 field) and each expected section's code and
 * title (paired by position); for every expected task the 10 fields of TASK_FIELDS (tasks paired by
 * section + STT; a missing task counts all its fields wrong); each extra task found counts as one
 * wrong field. Text compares exactly after Unicode NFC and whitespace collapsing, nothing more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Directory, DirectoryAgency } from '../src/domain/directory.ts';
import {
  loadReferenceDirectory,
  referenceAsDirectory,
} from '../src/modules/directory/reference-directories.ts';
import type { ImportPreview } from '../src/modules/import/import-preview.ts';

export const FIXTURE_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../test/fixtures/import');
const DIRECTORY_FILE = fileURLToPath(
  new URL('../src/modules/demo/seed/tay-ninh-2021-directory.json', import.meta.url),
);

export type ExpectedRecurrence =
  | { every: 'year' | 'half_year' | 'quarter' | 'month'; month?: number; day?: number; fromYear?: number }
  | { every: 'dates'; dates: string[] }
  | { kind: 'ongoing' }
  | null;

export interface ExpectedPlan {
  number: string | null;
  docType: string;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  signer: string | null;
}

export interface ExpectedTask {
  section: string;
  no: string;
  content: string;
  lead: string[];
  support: string[];
  deadlineText: string;
  dueOn: string | null;
  recurrence: ExpectedRecurrence;
  product: string | null;
  note: string;
}

export interface ExpectedFixture {
  /** the reference directory the document is read against (src/modules/directory/reference/<id>.json); the Tây Ninh 2021 seed directory when absent */
  directory?: string;
  /** the authority's place name for that directory */
  place?: string;
  /** a scan: the text comes from OCR */
  ocr?: boolean;
  plan: ExpectedPlan;
  sections: { code: string; title: string }[];
  tasks: ExpectedTask[];
}

export const PLAN_FIELDS = ['number', 'docType', 'issuedOn', 'place', 'title', 'signer'] as const;
export const TASK_FIELDS = [
  'section',
  'no',
  'content',
  'lead',
  'support',
  'deadlineText',
  'dueOn',
  'recurrence',
  'product',
  'note',
] as const;

export interface Mismatch {
  /** 'plan', 'sections', 'section 2', 'task II.3' */
  where: string;
  field: string;
  expected: unknown;
  got: unknown;
}

export interface Accuracy {
  fields: number;
  correct: number;
  /** fields scored and right, by field name ('lead', 'dueOn', 'title' …); a missing task counts each of its fields */
  byField: Record<string, { fields: number; correct: number }>;
  mismatches: Mismatch[];
  expectedTasks: number;
  foundTasks: number;
}

/** The part of an ImportPreview the comparison reads (plan header, sections, tasks). */
export type ComparablePreview = {
  plan: Partial<Record<(typeof PLAN_FIELDS)[number], unknown>>;
  sections: { code: string; title: string }[];
  tasks: Partial<Record<(typeof TASK_FIELDS)[number], unknown>>[];
};

/** Unicode NFC, every run of whitespace (tabs, NBSP, U+2028 …) → one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Strings compare normalized; arrays element by element in order; objects by keys, in any key order. */
export function sameValue(expected: unknown, got: unknown): boolean {
  if (typeof expected === 'string' && typeof got === 'string')
    return normalizeText(expected) === normalizeText(got);
  if (expected === null || got === null || expected === undefined || got === undefined) {
    return (expected ?? null) === (got ?? null);
  }
  if (Array.isArray(expected) || Array.isArray(got)) {
    if (!Array.isArray(expected) || !Array.isArray(got) || expected.length !== got.length) return false;
    return expected.every((item, i) => sameValue(item, got[i]));
  }
  if (typeof expected === 'object' && typeof got === 'object') {
    const a = expected as Record<string, unknown>;
    const b = got as Record<string, unknown>;
    const keys = new Set(
      [...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined),
    );
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return expected === got;
}

const taskKey = (section: unknown, no: unknown) =>
  `${normalizeText(String(section ?? ''))}|${normalizeText(String(no ?? ''))}`;
const taskLabel = (section: unknown, no: unknown) =>
  [section, no].filter((part) => part !== '' && part !== null && part !== undefined).join('.') || '?';

/** Fields an expected fixture is scored on (what a reader that cannot read the file at all loses). */
export function expectedFieldCount(expected: ExpectedFixture): number {
  return PLAN_FIELDS.length + 1 + expected.sections.length * 2 + expected.tasks.length * TASK_FIELDS.length;
}

export function compareWithExpected(expected: ExpectedFixture, got: ComparablePreview): Accuracy {
  let fields = 0;
  let correct = 0;
  const mismatches: Mismatch[] = [];
  const byField: Accuracy['byField'] = {};
  const tally = (field: string, right: boolean) => {
    const entry = byField[field] ?? { fields: 0, correct: 0 };
    entry.fields++;
    if (right) entry.correct++;
    byField[field] = entry;
  };
  const check = (where: string, field: string, want: unknown, have: unknown) => {
    fields++;
    const right = sameValue(want, have);
    tally(field, right);
    if (right) correct++;
    else mismatches.push({ where, field, expected: want, got: have });
  };

  for (const field of PLAN_FIELDS) check('plan', field, expected.plan[field], got.plan[field]);

  check('sections', 'count', expected.sections.length, got.sections.length);
  expected.sections.forEach((section, i) => {
    const found = got.sections[i];
    check(`section ${i + 1}`, 'code', section.code, found?.code);
    check(`section ${i + 1}`, 'title', section.title, found?.title);
  });

  const byKey = new Map<string, ComparablePreview['tasks'][number]>();
  const extra: ComparablePreview['tasks'] = [];
  for (const task of got.tasks) {
    const key = taskKey(task.section, task.no);
    if (byKey.has(key)) extra.push(task);
    else byKey.set(key, task);
  }
  const paired = new Set<string>();
  for (const task of expected.tasks) {
    const key = taskKey(task.section, task.no);
    const found = byKey.get(key);
    const where = `task ${taskLabel(task.section, task.no)}`;
    if (!found) {
      fields += TASK_FIELDS.length;
      for (const field of TASK_FIELDS) tally(field, false);
      mismatches.push({ where, field: '(missing task)', expected: task.content, got: undefined });
      continue;
    }
    paired.add(key);
    for (const field of TASK_FIELDS) check(where, field, task[field], found[field]);
  }
  for (const [key, task] of byKey) if (!paired.has(key)) extra.push(task);
  for (const task of extra) {
    fields++;
    mismatches.push({
      where: `task ${taskLabel(task.section, task.no)}`,
      field: '(extra task)',
      expected: undefined,
      got: task.content,
    });
  }
  return {
    fields,
    correct,
    byField,
    mismatches,
    expectedTasks: expected.tasks.length,
    foundTasks: got.tasks.length,
  };
}

// ── fixtures ────────────────────────────────────────────────────────────────────────────────────

interface DirectoryJson {
  agencies: { code: string; name: string; aliases?: string[]; kind: DirectoryAgency['kind'] }[];
  groups: { name: string; aliases?: string[]; members: string[] | null }[];
}

/** The Tây Ninh 2021 directory of the seed, as the importer's `Directory` (place 'Tây Ninh'). */
export function tayNinhDirectory(): Directory {
  const file = JSON.parse(readFileSync(DIRECTORY_FILE, 'utf8')) as DirectoryJson;
  return {
    place: 'Tây Ninh',
    agencies: file.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      aliases: a.aliases ?? [],
      kind: a.kind,
    })),
    groups: file.groups.map((g) => ({ name: g.name, aliases: g.aliases ?? [], members: g.members })),
  };
}

/** A reference directory shipped as data (src/modules/directory/reference/<id>.json), validity kept, for the authority of `place`. */
export function referenceDirectory(id: string, place?: string): Directory {
  return referenceAsDirectory(loadReferenceDirectory(id), place);
}

/** The directory a fixture is read against: the one its expected JSON names, else `fallback`. */
export function directoryFor(expected: ExpectedFixture, fallback: Directory): Directory {
  return expected.directory ? referenceDirectory(expected.directory, expected.place) : fallback;
}

/** The documents of a fixture directory: every `<name>.<ext>` that has a `<name>.expected.json`, sorted. */
export function fixtureFiles(dir = FIXTURE_DIR): string[] {
  const names = readdirSync(dir);
  return names
    .filter((name) => !name.endsWith('.expected.json'))
    .filter((name) => names.includes(name.replace(/\.[^.]+$/u, '.expected.json')))
    .sort();
}

export function readExpected(file: string, dir = FIXTURE_DIR): ExpectedFixture {
  return JSON.parse(
    readFileSync(join(dir, file.replace(/\.[^.]+$/u, '.expected.json')), 'utf8'),
  ) as ExpectedFixture;
}

/** readPlanFile + buildImportPreview on one fixture document; throws what the importer throws. */
export async function previewFixture(
  file: string,
  dir = FIXTURE_DIR,
  directory = tayNinhDirectory(),
): Promise<{ preview: ImportPreview; ms: number }> {
  // Loaded lazily so that a reader module missing or failing to load is one fixture's error, not a crash.
  const { readPlanFile } = await import('../src/modules/import/read-plan-file.ts');
  const { buildImportPreview } = await import('../src/modules/import/import-preview.ts');
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const started = performance.now();
  const parsed = await readPlanFile({ fileName: file, bytes });
  // a document without an issue date is read as of this year, as the server reads it as of ctx.now
  const preview = buildImportPreview(parsed, directory, new Date().toISOString().slice(0, 10));
  return { preview, ms: performance.now() - started };
}

export interface FixtureResult {
  file: string;
  expected: ExpectedFixture;
  accuracy: Accuracy;
  /** first read, modules loading included (null when unreadable) */
  ms: number | null;
  /** fastest warm read (null when not measured) */
  warmMs: number | null;
  /** set when the fixture could not be read at all (scored 0 %) */
  error?: string;
  /** the directory's agencies and groups the document names, and how many of them the preview matched */
  agencies: AgencyMatch;
}

export interface AgencyMatch {
  /** expected lead/support entries that are names of the directory (canonical) */
  named: number;
  /** of those, found in the same task's lead/support by the importer */
  matched: number;
  /** suggestions offered for an unknown name at another level ('Bộ Tư pháp' → 'Sở Tư pháp') */
  crossLevel: string[];
}

const LEVEL_WORDS = [
  'bộ',
  'sở',
  'phòng',
  'cục',
  'tổng cục',
  'ubnd tỉnh',
  'ubnd huyện',
  'ubnd xã',
  'ubnd thành phố',
];

/** The administrative level a name's first words say ('bộ', 'sở' …), or null. */
export function levelOf(name: string): string | null {
  const words = normalizeText(name)
    .toLocaleLowerCase('vi')
    .replace(/^(?:các|cơ quan)\s+/u, '')
    .replace(/^ủy ban nhân dân\b/u, 'ubnd');
  return (
    [...LEVEL_WORDS]
      .sort((a, b) => b.length - a.length)
      .find((w) => words === w || words.startsWith(`${w} `)) ?? null
  );
}

/** Agencies matched against the directory, and cross-level suggestions, of one preview. */
export function agencyMatch(
  expected: ExpectedFixture,
  preview: ComparablePreview & Pick<ImportPreview, 'warnings'>,
  directory: Directory,
): AgencyMatch {
  const names = new Set(
    [...directory.agencies.map((a) => a.name), ...directory.groups.map((g) => g.name)].map(normalizeText),
  );
  const byKey = new Map(preview.tasks.map((t) => [taskKey(t.section, t.no), t]));
  let named = 0;
  let matched = 0;
  for (const task of expected.tasks) {
    const found = byKey.get(taskKey(task.section, task.no));
    for (const field of ['lead', 'support'] as const) {
      const got = new Set(((found?.[field] as string[] | undefined) ?? []).map(normalizeText));
      for (const name of task[field].map(normalizeText)) {
        if (!names.has(name)) continue;
        named++;
        if (got.has(name)) matched++;
      }
    }
  }
  const crossLevel: string[] = [];
  for (const warning of preview.warnings) {
    if (warning.code !== 'unmatched_agency') continue;
    const written = /[«"]([^»"]+)[»"]/u.exec(warning.message)?.[1];
    const level = written ? levelOf(written) : null;
    for (const suggestion of warning.suggestions ?? []) {
      const other = levelOf(suggestion);
      if (level && other && level !== other) crossLevel.push(`${written} → ${suggestion}`);
    }
  }
  return { named, matched, crossLevel };
}

/**
 * Reads and scores one fixture. `ms` is the first (cold) read, which includes loading the reader's
 * modules (pdfjs, exceljs …); `warmMs` the fastest of `warmRuns` more reads.
 */
export async function evaluateFixture(
  file: string,
  dir = FIXTURE_DIR,
  directory = tayNinhDirectory(),
  warmRuns = 0,
): Promise<FixtureResult> {
  const expected = readExpected(file, dir);
  directory = directoryFor(expected, directory);
  try {
    const { preview, ms } = await previewFixture(file, dir, directory);
    let warmMs: number | null = null;
    for (let i = 0; i < warmRuns; i++) {
      const run = await previewFixture(file, dir, directory);
      warmMs = warmMs === null ? run.ms : Math.min(warmMs, run.ms);
    }
    const agencies = agencyMatch(expected, preview, directory);
    return { file, expected, accuracy: compareWithExpected(expected, preview), ms, warmMs, agencies };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const fields = expectedFieldCount(expected);
    const accuracy: Accuracy = {
      fields,
      correct: 0,
      byField: {},
      mismatches: [{ where: 'file', field: '(unreadable)', expected: 'readable', got: message }],
      expectedTasks: expected.tasks.length,
      foundTasks: 0,
    };
    return {
      file,
      expected,
      accuracy,
      ms: null,
      warmMs: null,
      error: message,
      agencies: { named: 0, matched: 0, crossLevel: [] },
    };
  }
}
