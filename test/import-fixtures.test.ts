/**
 * The importer on the accuracy fixtures of test/fixtures/import/ (scripts/make-import-fixtures.ts):
 * the seed must be read exactly; every other fixture must be read without throwing and yield the
 * number of tasks its spec put in. The field-by-field numbers are `npm run eval:import`.
 */
import { describe, expect, it } from 'vitest';
import {
  compareWithExpected,
  fixtureFiles,
  previewFixture,
  readExpected,
  tayNinhDirectory,
} from '../scripts/import-accuracy.ts';

const SEED = 'seed-87-kh-ubnd.txt';
const directory = tayNinhDirectory();

describe('importer accuracy fixtures', () => {
  it('has the fixtures (seed + at least 10 built ones)', () => {
    const files = fixtureFiles();
    expect(files).toContain(SEED);
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  it(`reads the seed ${SEED} with 100 % of the fields right`, async () => {
    const { preview } = await previewFixture(SEED, undefined, directory);
    const accuracy = compareWithExpected(readExpected(SEED), preview);
    expect(accuracy.mismatches).toEqual([]);
    expect(accuracy.correct).toBe(accuracy.fields);
  });

  for (const file of fixtureFiles().filter((f) => f !== SEED)) {
    it(`reads ${file} and finds every task`, async () => {
      const expected = readExpected(file);
      const { preview } = await previewFixture(file, undefined, directory);
      expect(preview.tasks.length).toBe(expected.tasks.length);
    });
  }
});
