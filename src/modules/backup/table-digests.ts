import { type QueryExecutorProvider, sql } from 'kysely';

/** A table's size and fingerprint: the MD5 of its rows' MD5s (row as text), in primary-key order. */
export interface TableDigest {
  rows: number;
  digest: string;
}

/**
 * Every table of schema `public` (dondoc's and the migrator's) with its row count and digest, read in
 * the caller's snapshot: a backup records them, a restore recomputes them and must find the same.
 * A table without a primary key is ordered by the rows' text.
 */
export async function digestTables(db: QueryExecutorProvider): Promise<Record<string, TableDigest>> {
  const tables = await sql<{ name: string; key: string | null }>`
    select c.relname as name,
      (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
         from pg_index i
         cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname`.execute(db);
  const digests: Record<string, TableDigest> = {};
  for (const table of tables.rows) {
    const order = table.key ?? 't::text';
    const { rows } = await sql<{ rows: number; digest: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by ${sql.raw(order)}), '')) as digest
      from public.${sql.id(table.name)} as t`.execute(db);
    const [row] = rows;
    if (row) digests[table.name] = { rows: Number(row.rows), digest: row.digest };
  }
  return digests;
}

/** The tables whose count or digest differ between two sets (a missing table counts as differing). */
export function differingTables(
  expected: Record<string, TableDigest>,
  actual: Record<string, TableDigest>,
): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .filter(
      (name) =>
        expected[name]?.rows !== actual[name]?.rows || expected[name]?.digest !== actual[name]?.digest,
    )
    .sort();
}
