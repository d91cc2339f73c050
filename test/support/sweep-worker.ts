/**
 * A second (and third) app process for test/sweep-concurrency.test.ts:
 *   node --import tsx test/support/sweep-worker.ts URL AUTHORITY_ID FIRST_DAY ROUNDS START_AT_MS
 * opens the PostgreSQL database, waits for START_AT_MS (so both workers start together), then sweeps
 * FIRST_DAY, FIRST_DAY + 1 … for ROUNDS rounds with sweepDay, and prints what it did as JSON.
 */
import { openDatabase } from '../../src/db/database.ts';
import { addDays } from '../../src/domain/dates.ts';
import { sweepDay } from '../../src/modules/followup/sweep.service.ts';

const [url, authority, firstDay, rounds, startAt] = process.argv.slice(2);
if (!url || !authority || !firstDay || !rounds || !startAt) {
  console.error('usage: sweep-worker.ts URL AUTHORITY_ID FIRST_DAY ROUNDS START_AT_MS');
  process.exit(2);
}
const database = await openDatabase({ kind: 'postgres', url, poolSize: 3 });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const swept: string[] = [];
let reminders = 0;
let letters = 0;
for (let round = 0; round < Number(rounds); round++) {
  const day = addDays(firstDay, round);
  const result = await sweepDay(database.db, Number(authority), day);
  if (result.swept) swept.push(day);
  reminders += result.reminders;
  letters += result.letters;
}
await database.close();
console.log(JSON.stringify({ pid: process.pid, swept, reminders, letters }));
