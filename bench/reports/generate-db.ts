/**
 * The scale data of bench/scale/generate.ts (seed 9, as of 2025-06-30) in a PostgreSQL database that is
 * kept, for the report benchmarks of issue #18 goal 3 (bench/reports/report-counts.ts):
 *   nice -n 10 node --import tsx bench/reports/generate-db.ts --scale 1m --db reports_1m
 * The database is dropped first if it exists; the base URL is BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { generateScaleData } from '../scale/generate.ts';
import { SCALES } from '../scale/scenarios.ts';
import { createScratchPostgres } from '../scratch-postgres.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    db: { type: 'string' },
    seed: { type: 'string', default: '9' },
  },
});
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
const name = values.db ?? `reports_${values.scale}`;
const { url } = await createScratchPostgres(base, name);
const started = performance.now();
console.error(
  `[generate-db] ${name}: load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
try {
  await migrateToLatest(database.db as Kysely<unknown>);
  const data = await generateScaleData(database.db, {
    seed: Number(values.seed),
    assignments: SCALES[values.scale] ?? Number(values.scale),
    progress: (n, plans) => {
      if (plans % 100 === 0) console.error(`[generate-db]   … ${plans} plans, ${n} assignments`);
    },
  });
  await sql`vacuum analyze`.execute(database.db);
  console.error(
    `[generate-db] ${name}: ${JSON.stringify(data)} in ${((performance.now() - started) / 1000).toFixed(1)} s, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await database.close();
}
