import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { describeEachDatabase, type TestDatabase } from './support/databases.ts';

/** On PostgreSQL a pool of one connection of its own (so pg_prepared_statements is that connection's); on PGlite the suite's database. */
async function withOneConnection(t: TestDatabase, prepare: boolean, fn: (db: Kysely<DB>) => Promise<void>) {
  if (t.backend !== 'postgres') return fn(t.db);
  const database = await openDatabase({ kind: 'postgres', url: t.url as string, poolSize: 1, prepare });
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

describeEachDatabase('prepared statements', (t) => {
  it('answers each run of one text with its own parameters; PostgreSQL keeps one named statement for it', async () => {
    await withOneConnection(t, true, async (db) => {
      const names: string[] = [];
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        const { rows } = await sql<{ n: number; prepared: string[] }>`
          select ${n}::int * 2 as n,
                 array(select name from pg_prepared_statements where statement like '%* 2 as n%') as prepared`.execute(
          db,
        );
        expect(rows[0]?.n).toBe(n * 2);
        names.push(...(rows[0]?.prepared ?? []));
      }
      if (t.backend === 'postgres') {
        expect(names).toHaveLength(7);
        expect(new Set(names).size).toBe(1);
      }
    });
  });

  it('sees a table changed under a prepared statement: that run fails on PostgreSQL (0A000), the next is prepared again', async () => {
    await withOneConnection(t, true, async (db) => {
      await sql`create table prep_probe (id int primary key, a text)`.execute(db);
      await sql`insert into prep_probe values (1, 'x')`.execute(db);
      const read = () => sql<Record<string, unknown>>`select * from prep_probe where id = ${1}`.execute(db);
      expect((await read()).rows).toEqual([{ id: 1, a: 'x' }]);
      await sql`alter table prep_probe add column b int default 7`.execute(db);
      if (t.backend === 'postgres') await expect(read()).rejects.toMatchObject({ code: '0A000' });
      expect((await read()).rows).toEqual([{ id: 1, a: 'x', b: 7 }]);
      await sql`drop table prep_probe`.execute(db);
    });
  });

  it('can be turned off for a pooler that cannot keep named statements', async () => {
    await withOneConnection(t, false, async (db) => {
      for (let i = 0; i < 3; i++) {
        const { rows } = await sql<{ v: number }>`select ${i}::int as v`.execute(db);
        expect(rows[0]?.v).toBe(i);
      }
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements`.execute(db);
      expect(rows[0]?.n).toBe(0);
    });
  });
});

describe('DATABASE_PREPARE', () => {
  it('is on by default, off on request, and anything else is refused by name', () => {
    const url = 'postgres://dondoc@db.example.vn:5432/dondoc';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, prepare: true });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_PREPARE: 'off' }).database).toEqual({
      kind: 'postgres',
      url,
      prepare: false,
    });
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_PREPARE: 'no' })).toThrow(/- DATABASE_PREPARE: /);
  });
});
