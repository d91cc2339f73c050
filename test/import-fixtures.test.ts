/**
 * The importer on the accuracy fixtures of test/fixtures/import/ (scripts/make-import-fixtures.ts and,
 * for the real-world documents of issue #13, scripts/make-real-plan-fixtures.ts): the seed must be
 * read exactly; every other fixture must be read without throwing and yield the number of tasks its
 * spec put in; the real-world set must meet the goals (the same figures `npm run eval:import`
 * prints). Each document is read once, in beforeAll.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateFixture,
  type FixtureResult,
  fixtureFiles,
  tayNinhDirectory,
} from '../scripts/import-accuracy.ts';

const SEED = 'seed-87-kh-ubnd.txt';
const files = fixtureFiles();
const results = new Map<string, FixtureResult>();

/** Fields scored and right over `fields` of the given results (a missing task counts each field wrong). */
function tally(of: FixtureResult[], fields: string[]): number {
  let [n, right] = [0, 0];
  for (const r of of) {
    for (const field of fields) {
      n += r.accuracy.byField[field]?.fields ?? 0;
      right += r.accuracy.byField[field]?.correct ?? 0;
    }
  }
  return n === 0 ? 0 : right / n;
}

describe('importer accuracy fixtures', () => {
  beforeAll(async () => {
    const directory = tayNinhDirectory();
    for (const file of files) results.set(file, await evaluateFixture(file, undefined, directory));
  });

  it('has the fixtures (seed, the built ones and the real-world set)', () => {
    expect(files).toContain(SEED);
    expect(files.length).toBeGreaterThanOrEqual(11);
    expect(files.filter((f) => f.startsWith('real-')).length).toBeGreaterThanOrEqual(8);
  });

  it(`reads the seed ${SEED} with 100 % of the fields right`, () => {
    const accuracy = results.get(SEED)?.accuracy;
    expect(accuracy?.mismatches).toEqual([]);
    expect(accuracy?.correct).toBe(accuracy?.fields);
  });

  for (const file of files.filter((f) => f !== SEED)) {
    it(`reads ${file} and finds every task`, () => {
      const result = results.get(file);
      expect(result?.error).toBeUndefined();
      expect(result?.accuracy.foundTasks).toBe(result?.expected.tasks.length);
    });
  }

  describe('the real-world documents of issue #13', () => {
    const real = () => files.filter((f) => f.startsWith('real-')).map((f) => results.get(f) as FixtureResult);

    it('reads ≥ 95 % of all their fields right', () => {
      const fields = real().reduce((n, r) => n + r.accuracy.fields, 0);
      const correct = real().reduce((n, r) => n + r.accuracy.correct, 0);
      expect(correct / fields).toBeGreaterThanOrEqual(0.95);
    });

    it('finds every assigning item of the prose plans, with lead/support/deadline right on ≥ 95 %', () => {
      const prose = real().filter((r) => r.file.includes('prose'));
      expect(prose.length).toBeGreaterThanOrEqual(3);
      for (const r of prose) expect(r.accuracy.foundTasks, r.file).toBe(r.expected.tasks.length);
      expect(tally(prose, ['lead', 'support', 'deadlineText', 'dueOn', 'recurrence'])).toBeGreaterThanOrEqual(
        0.95,
      );
    });

    it('reads a scan by OCR with ≥ 90 % of lead agencies and deadlines right', () => {
      const scans = real().filter((r) => r.expected.ocr);
      expect(scans.length).toBeGreaterThanOrEqual(1);
      expect(tally(scans, ['lead', 'deadlineText', 'dueOn'])).toBeGreaterThanOrEqual(0.9);
    });

    it('matches ≥ 95 % of a ministry-level plan’s agencies in the Government directory, never across levels', () => {
      const referenced = real().filter((r) => r.expected.directory === 'government');
      expect(referenced.length).toBeGreaterThanOrEqual(1);
      const named = referenced.reduce((n, r) => n + r.agencies.named, 0);
      const matched = referenced.reduce((n, r) => n + r.agencies.matched, 0);
      expect(named).toBeGreaterThan(20);
      expect(matched / named).toBeGreaterThanOrEqual(0.95);
      expect(referenced.flatMap((r) => r.agencies.crossLevel)).toEqual([]);
    });
  });
});
