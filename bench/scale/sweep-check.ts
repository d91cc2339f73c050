/**
 * The daily sweep alone at one scale on PostgreSQL (issue #9): the generated authority (generate.ts)
 * in a scratch database, every agency user given an e-mail address and every second agency a head
 * (so notices, digests, escalations, overdue lists and the outbox all have recipients), then
 *   1. the cold catch-up: sweepUpTo(asOf) from the first plan's day (with a time budget);
 *   2. normal days: sweepUpTo(next day), `--days` days in a row.
 * Prints the timings, the load average, and a fingerprint (row counts and an md5 of every reminder,
 * letter, notification and outbox message the sweep wrote, in id order) to compare two versions of
 * the sweep on the same seed: same fingerprint = same results.
 *   node --import tsx bench/scale/sweep-check.ts --scale 100k [--cold-budget 600] [--rest sweep|mark]
 *     [--days 5] [--pg URL]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/dates.ts';
import { sweepUpTo } from '../../src/modules/followup/sweep.service.ts';
import { generateScaleData } from './generate.ts';
import { SCALES, scratchPostgres, sweepContext } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10k' },
    seed: { type: 'string', default: '9' },
    'cold-budget': { type: 'string', default: '600' },
    days: { type: 'string', default: '5' },
    /** past the budget: 'sweep' the rest of the catch-up, or 'mark' its days swept (the benchmark's shortcut) */
    rest: { type: 'string', default: 'sweep' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What the sweep wrote, as counts and one md5 per table over its rows in id order. */
async function fingerprint(db: Kysely<DB>, authorityId: number) {
  const tables: [string, string][] = [
    [
      'written_reminder',
      `select w.assignment_id, w.due_on, w.reminded_on, w.year, l.year as letter_year, l.number as letter_number,
         w.withdrawn_reason from written_reminder w left join reminder_letter l on l.id = w.letter_id
       where w.authority_id = ${authorityId} order by w.id`,
    ],
    [
      'reminder_letter',
      `select agency_id, year, number, issued_on, sweep_day, file_name from reminder_letter
       where authority_id = ${authorityId} order by id`,
    ],
    [
      'notification',
      `select user_id, kind, business_key, title, body, link, assignment_id from notification
       where authority_id = ${authorityId} order by id`,
    ],
    [
      'outbox_message',
      `select kind, business_key, to_address, subject, body_text from outbox_message
       where authority_id = ${authorityId} order by id`,
    ],
    ['sweep_day', `select day from sweep_day where authority_id = ${authorityId} order by day`],
  ];
  const out: Record<string, string> = {};
  for (const [name, query] of tables) {
    const { rows } = await sql<{ n: number; md5: string }>`select count(*)::int as n,
      md5(coalesce(string_agg(q::text, '|' order by ord), '')) as md5
      from (select q, row_number() over () as ord from (${sql.raw(query)}) q) x`.execute(db);
    out[name] = `${rows[0]?.n} ${rows[0]?.md5}`;
  }
  return out;
}

async function main() {
  const assignments = SCALES[values.scale] ?? Number(values.scale);
  const scratch = await scratchPostgres(values.pg);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
  const db = database.db;
  try {
    await migrateToLatest(db as Kysely<unknown>);
    let t = performance.now();
    const data = await generateScaleData(db, { seed: Number(values.seed), assignments });
    await sql`update app_user set email = username || '@bench.invalid' where authority_id = ${data.authorityId}`.execute(
      db,
    );
    await sql`update app_user set is_head = true where authority_id = ${data.authorityId}
      and role = 'agency' and agency_id % 2 = 0`.execute(db);
    console.log(
      `generated ${data.leadAssignments} lead + ${data.supportAssignments} support assignments, ` +
        `${data.results} results, ${data.plans} plans in ${seconds(performance.now() - t)}; load ${load()}`,
    );

    const budget = Number(values['cold-budget']) * 1000;
    t = performance.now();
    const cold = await sweepUpTo(sweepContext(db, data.authorityId), data.asOf, {
      shouldStop: () => performance.now() - t > budget,
    });
    const coldMs = performance.now() - t;
    const complete = cold.days.at(-1) === data.asOf;
    console.log(
      `cold catch-up to ${data.asOf}: ${seconds(coldMs)}, ${cold.days.length} days` +
        `${complete ? ' (all)' : `, stopped at ${cold.days.at(-1)} (budget)`}, ${cold.reminders} reminders, ` +
        `${cold.letters} letters, ${cold.notifications} notifications, ${cold.emails} e-mails; load ${load()}`,
    );
    if (!complete && values.rest === 'mark') {
      await sql`insert into sweep_day (authority_id, day)
        select ${data.authorityId}, d::date from generate_series(${cold.days.at(-1) ?? data.asOf}::date,
          ${addDays(data.asOf, -1)}::date, '1 day') d on conflict do nothing`.execute(db);
      console.log('  the rest of the catch-up marked swept (the backlog is recorded on the as-of day)');
    }
    if (!complete) {
      t = performance.now();
      const rest = await sweepUpTo(sweepContext(db, data.authorityId), data.asOf);
      console.log(
        `  rest of the catch-up (no budget): ${seconds(performance.now() - t)}, ${rest.days.length} days, ` +
          `${rest.reminders} reminders, ${rest.letters} letters; load ${load()}`,
      );
    }
    let day = data.asOf;
    for (let i = 0; i < Number(values.days); i++) {
      day = addDays(day, 1);
      t = performance.now();
      const r = await sweepUpTo(sweepContext(db, data.authorityId), day);
      console.log(
        `normal day ${day}: ${(performance.now() - t).toFixed(0)} ms, ${r.reminders} reminders, ` +
          `${r.letters} letters, ${r.notifications} notifications, ${r.emails} e-mails; load ${load()}`,
      );
    }
    for (const [name, value] of Object.entries(await fingerprint(db, data.authorityId)))
      console.log(`fingerprint ${name}: ${value}`);
  } finally {
    await database.close();
    await scratch.drop();
  }
}

await main();
