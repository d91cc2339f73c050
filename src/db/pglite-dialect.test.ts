import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';

describe('PGlite dialect', () => {
  let database: Database;
  let db: Kysely<{ item: { id: number; name: string } }>;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' });
    db = database.db as never;
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
  });
  afterAll(() => database.close());

  it('runs no other query inside an open transaction: no dirty read', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ id: 1, name: 'uncommitted' }).execute();
      inserted();
      await held;
    });
    await insertedSignal;
    let outsideSaw: number | undefined;
    const outside = db
      .selectFrom('item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => {
        outsideSaw = Number(r.n);
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outsideSaw).toBeUndefined(); // waiting for the transaction, not reading its rows
    release();
    await transaction;
    await outside;
    expect(outsideSaw).toBe(1);
  });

  it('rolls back everything when the transaction throws', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ id: 2, name: 'lost' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.selectFrom('item').select('id').where('id', '=', 2).execute();
    expect(rows).toEqual([]);
  });

  it('parses date as a calendar string and int8 as a number', async () => {
    const row = await sql<{
      d: unknown;
      n: unknown;
    }>`select '2021-01-20'::date as d, 9007199254::int8 as n`.execute(db);
    expect(row.rows[0]).toEqual({ d: '2021-01-20', n: 9007199254 });
  });

  it('reports affected rows', async () => {
    await db.insertInto('item').values({ id: 3, name: 'a' }).execute();
    const result = await db.updateTable('item').set({ name: 'b' }).where('id', '=', 3).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });
});
