/**
 * Issue #18 goal 6: the conversion of a freshly migrated (empty) database to tables partitioned by list
 * on `authority_id`, one partition per authority — a benchmark conversion, not a product migration.
 * Generic over the catalog: for each table converted it reads its indexes, constraints, triggers and the
 * foreign keys that point at it, and rebuilds them on the partitioned table:
 * - the identity `id` becomes `default nextval(<table>_id_seq)` (PostgreSQL 15 has no identity column on
 *   a partitioned table; 17 has);
 * - the primary key and every unique index or constraint gain `authority_id` as their first column (a
 *   partitioned table's unique keys must hold the partition key): `(authority_id, id)`;
 * - a foreign key to a converted table becomes composite, `(authority_id, x_id) references
 *   t(authority_id, id)` — with `on delete set null (x_id)` where it was `set null`, so that the
 *   authority column is kept; foreign keys to the directory (agency, authority, task, app_user) stay;
 * - plain indexes and triggers (row and statement level, transition tables included) are recreated as
 *   they were; storage parameters go onto each partition.
 */
import type pg from 'pg';

export const PARTITIONED = [
  'assignment',
  'result_submission',
  'extension_request',
  'statistic_fact',
  'statistic_delta',
  'audit_log',
] as const;

interface TableShape {
  table: string;
  indexes: { name: string; def: string; unique: boolean; constraint: 'p' | 'u' | null }[];
  checks: string[];
  outgoing: { name: string; def: string }[];
  triggers: string[];
  identity: boolean;
  reloptions: string[];
}

async function shapeOf(c: pg.Client, table: string): Promise<TableShape> {
  const indexes = await c.query(
    `select i.relname as name, pg_get_indexdef(x.indexrelid) as def, x.indisunique as unique,
       (select contype from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u')) as constraint
     from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = $1::regclass`,
    [table],
  );
  const outgoing = await c.query(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = $1::regclass and contype = 'f'`,
    [table],
  );
  const triggers = await c.query(
    `select pg_get_triggerdef(oid) as def from pg_trigger where tgrelid = $1::regclass and not tgisinternal`,
    [table],
  );
  const identity = await c.query(
    `select 1 from information_schema.columns where table_name = $1 and column_name = 'id' and is_identity = 'YES'`,
    [table],
  );
  const rel = await c.query(`select reloptions from pg_class where oid = $1::regclass`, [table]);
  return {
    table,
    indexes: indexes.rows,
    checks: [],
    outgoing: outgoing.rows,
    triggers: triggers.rows.map((r) => r.def as string),
    identity: identity.rows.length > 0,
    reloptions: (rel.rows[0]?.reloptions as string[] | null) ?? [],
  };
}

/** `foreign key (x_id) references t(id) on delete …` → composite with authority_id. */
function compositeForeignKey(def: string): string {
  const m = /^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\(id\)(.*)$/.exec(def);
  if (!m) throw new Error(`unexpected foreign key: ${def}`);
  const [, column, target, rest] = m as unknown as [string, string, string, string];
  const tail = rest.replace('ON DELETE SET NULL', `ON DELETE SET NULL (${column})`);
  return `FOREIGN KEY (authority_id, ${column}) REFERENCES ${target}(authority_id, id)${tail}`;
}

const pointsAtPartitioned = (def: string) =>
  PARTITIONED.some((t) => new RegExp(`REFERENCES ${t}\\(id\\)`).test(def));

/** What changed, for the documentation: one line per constraint or index rebuilt differently. */
export interface ConversionLog {
  lines: string[];
}

export async function convertToPartitioned(
  c: pg.Client,
  authorityIds: number[],
  log: ConversionLog,
): Promise<void> {
  await c.query('begin');
  const shapes: TableShape[] = [];
  for (const t of PARTITIONED) shapes.push(await shapeOf(c, t));
  // foreign keys of the other tables that point at a converted table
  const incoming = (
    await c.query(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and confrelid::regclass::text = any($1)
         and not (conrelid::regclass::text = any($1))`,
      [PARTITIONED as unknown as string[]],
    )
  ).rows as { table: string; name: string; def: string }[];
  for (const f of incoming) await c.query(`alter table ${f.table} drop constraint ${f.name}`);
  // and those between converted tables (dropped with the old tables below)
  for (const s of shapes) {
    if (s.identity) {
      await c.query(`alter table ${s.table} alter column id drop identity`);
      await c.query(`create sequence ${s.table}_id_seq`);
      await c.query(`alter table ${s.table} alter column id set default nextval('${s.table}_id_seq')`);
    }
    await c.query(`alter table ${s.table} rename to ${s.table}_flat`);
    await c.query(
      `create table ${s.table} (like ${s.table}_flat including defaults including constraints including storage including comments)
       partition by list (authority_id)`,
    );
    if (s.identity) await c.query(`alter sequence ${s.table}_id_seq owned by ${s.table}.id`);
  }
  for (const s of shapes) await c.query(`drop table ${s.table}_flat cascade`);
  for (const s of shapes) {
    for (const ix of s.indexes) {
      const def = ix.def.replace(`ON public.${s.table}_flat `, `ON ${s.table} `);
      if (ix.constraint === 'p' || ix.constraint === 'u') {
        const cols = /\(([^)]*)\)/.exec(def.slice(def.indexOf('USING')))?.[1] ?? '';
        const keys = cols.split(',').map((x) => x.trim());
        const withAuthority = keys.includes('authority_id') ? keys : ['authority_id', ...keys];
        await c.query(
          `alter table ${s.table} add constraint ${ix.name} ${ix.constraint === 'p' ? 'primary key' : 'unique'} (${withAuthority.join(', ')})`,
        );
        if (withAuthority !== keys)
          log.lines.push(
            `${s.table}: ${ix.constraint === 'p' ? 'primary key' : `unique ${ix.name}`} (${keys.join(', ')}) → (${withAuthority.join(', ')})`,
          );
        // a lookup by id alone (a delete by assignment id, a join on it) keeps an index per partition
        if (!keys.includes('authority_id') && keys.length === 1 && ix.constraint === 'p')
          await c.query(`create index ${s.table}_${keys[0]} on ${s.table} (${keys[0]})`);
      } else if (ix.unique) {
        // (assignment_authority_id, migration 2026-12-10T0100, has it already)
        if (/USING \w+ \(authority_id[,)]/.test(def)) {
          await c.query(def);
        } else {
          await c.query(def.replace(/USING (\w+) \(/, (m) => `${m}authority_id, `));
          log.lines.push(`${s.table}: unique index ${ix.name} gains authority_id as its first column`);
        }
      } else {
        await c.query(def);
      }
    }
    for (const f of s.outgoing) {
      const def = pointsAtPartitioned(f.def) ? compositeForeignKey(f.def) : f.def;
      await c.query(`alter table ${s.table} add constraint ${f.name} ${def}`);
      if (def !== f.def) log.lines.push(`${s.table}: ${f.def} → ${def}`);
    }
    for (const trigger of s.triggers)
      await c.query(trigger.replace(`ON public.${s.table}_flat `, `ON public.${s.table} `));
  }
  for (const f of incoming) {
    const def = compositeForeignKey(f.def);
    await c.query(`alter table ${f.table} add constraint ${f.name} ${def}`);
    log.lines.push(`${f.table}: ${f.def} → ${def}`);
  }
  for (const s of shapes) {
    const options = s.reloptions.length > 0 ? ` with (${s.reloptions.join(', ')})` : '';
    for (const id of authorityIds)
      await c.query(`create table ${s.table}_a${id} partition of ${s.table} for values in (${id})${options}`);
    await c.query(`create table ${s.table}_default partition of ${s.table} default${options}`);
  }
  await c.query('commit');
}
