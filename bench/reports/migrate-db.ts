/** Migrates a kept bench database to the code's latest migration, timed:
 *   nice -n 10 node --import tsx bench/reports/migrate-db.ts postgres://postgres@127.0.0.1:5432/reports_1m */
import { loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: migrate-db.ts <postgres url>');
const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const started = performance.now();
console.log(`load ${load()}`);
await migrateToLatest(database.db as Kysely<unknown>);
console.log(`migrated in ${((performance.now() - started) / 1000).toFixed(1)} s, load ${load()}`);
await database.close();
