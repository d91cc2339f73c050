/**
 * Issue #18 goal 6, on a small scale: which partitions the write triggers read when `assignment`,
 * `result_submission`, `statistic_fact`, … are list-partitioned by authority (tenm-partition.ts). A
 * scratch database `writes_partition_<pid>` (dropped at the end): migrated, `--authorities` authorities
 * created from the scale directory, converted to partitions, `--plans` plans of 50 tasks each created
 * through createPlan in every authority; then one result is submitted (inserted) and accepted (updated)
 * in a rolled-back transaction with auto_explain logging every nested statement's plan, and the
 * partitions each statement scans are listed (SHOW_PLANS=1: the plans too).
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/scale/partition-triggers.ts [--authorities 6] [--plans 2]
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/access.ts';
import { createAuthorityFromDirectory } from '../../src/modules/directory/directory.service.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import { prng } from '../generate.ts';
import { createScratchPostgres } from '../scratch-postgres.ts';
import { benchContext } from './bench-context.ts';
import { planInput, scaleDirectory } from './generate.ts';
import { convertToPartitioned } from './tenm-partition.ts';

const { values } = parseArgs({
  options: { authorities: { type: 'string', default: '6' }, plans: { type: 'string', default: '2' } },
});
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) throw new Error('set TEST_DATABASE_URL');
const scratch = await createScratchPostgres(base, `writes_partition_${process.pid}`);
try {
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 1 });
  const db = database.db;
  const ids: number[] = [];
  try {
    await migrateToLatest(db as Kysely<unknown>);
    for (let i = 1; i <= Number(values.authorities); i++)
      ids.push(await createAuthorityFromDirectory({ db, actor: SYSTEM_ACTOR }, scaleDirectory(`P${i}`)));
  } finally {
    await database.close();
  }
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  try {
    await convertToPartitioned(c, ids, { lines: [] });
    const app = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 1 });
    try {
      const random = prng(9);
      for (const id of ids)
        for (let p = 1; p <= Number(values.plans); p++)
          await createPlan(benchContext(app.db, id), planInput(random, `${p}/KH-P`, '2025-06-02'));
    } finally {
      await app.close();
    }
    await c.query('analyze');
    const measured = ids[Math.floor(ids.length / 2)] as number;
    const { rows } = await c.query(
      `select a.id from assignment a where a.authority_id = $1 and a.role = 'lead' and a.parent_assignment_id is null
       order by a.id limit 1`,
      [measured],
    );
    const assignment = rows[0]?.id as number;
    const messages: string[] = [];
    c.on('notice', (n) => messages.push(n.message ?? ''));
    await c.query(`set client_min_messages = log`);
    await c.query(`load 'auto_explain'`);
    for (const s of [
      'auto_explain.log_min_duration = 0',
      'auto_explain.log_nested_statements = on',
      'auto_explain.log_analyze = on',
      'auto_explain.log_timing = off',
    ])
      await c.query(`set ${s}`);
    await c.query('begin');
    const inserted = await c.query(
      `insert into result_submission (authority_id, assignment_id, submitted_on, status)
       values ($1, $2, '2025-06-20', 'pending') returning id`,
      [measured, assignment],
    );
    await c.query(`update result_submission set status = 'accepted' where id = $1`, [inserted.rows[0]?.id]);
    await c.query('rollback');
    console.log(
      `${ids.length} authorities (partitions a${ids[0]}…a${ids.at(-1)} and default), result of assignment ${assignment} of authority ${measured}`,
    );
    for (const m of messages) {
      const text = /Query Text: ([\s\S]*?)\n[A-Z]/.exec(m)?.[1]?.replace(/\s+/g, ' ').slice(0, 90) ?? '';
      // the partitions the statement reads (scans); a generic plan still lists a pruned update's targets
      const partitions = [
        ...new Set(
          [
            ...m.matchAll(
              /Scan[^\n]* on ((?:assignment|result_submission|statistic_fact|statistic_delta|report_delta)_(?:a\d+|default))\b/g,
            ),
          ].map((x) => x[1]),
        ),
      ];
      if (partitions.length === 0 && !/assignment|result_submission|statistic/.test(text)) continue;
      console.log(
        `${partitions.length.toString().padStart(3)} partitions  ${text}\n      ${partitions.join(' ')}`,
      );
      if (process.env.SHOW_PLANS) console.log(m);
    }
  } finally {
    await c.end();
  }
} finally {
  await scratch.drop();
}
