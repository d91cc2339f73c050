/**
 * A second (and third) app process for test/sweep-concurrency.test.ts:
 *   node --import tsx test/support/sweep-worker.ts URL AUTHORITY_ID FIRST_DAY ROUNDS
 * opens the PostgreSQL database and connects, prints `ready`, waits for a line on standard input (the
 * test sends it when every worker is ready, so they start together however slow their start was), then
 * sweeps FIRST_DAY, FIRST_DAY + 1 … for ROUNDS rounds with sweepDay, and prints what it did as JSON.
 */
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { sweepDay } from '../../src/modules/followup/sweep.service.ts';
import { sweepContext } from './followup.ts';

const [url, authority, firstDay, rounds] = process.argv.slice(2);
if (!url || !authority || !firstDay || !rounds) {
  console.error('usage: sweep-worker.ts URL AUTHORITY_ID FIRST_DAY ROUNDS');
  process.exit(2);
}
const database = await openDatabase({ kind: 'postgres', url, poolSize: 3 });
await sql`select 1`.execute(database.db);
const input = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => input.once('line', () => resolve()));
console.log('ready');
await go;
input.close();
const swept: string[] = [];
let reminders = 0;
let letters = 0;
for (let round = 0; round < Number(rounds); round++) {
  const day = addDays(firstDay, round);
  const result = await sweepDay(sweepContext(database.db, Number(authority)), day);
  if (result.swept) swept.push(day);
  reminders += result.reminders;
  letters += result.letters;
}
await database.close();
console.log(JSON.stringify({ pid: process.pid, swept, reminders, letters }));
