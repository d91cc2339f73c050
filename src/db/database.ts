import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { typeParsers } from './type-parsers.ts';

export type DatabaseConfig =
  | { kind: 'pglite' /** a folder, or undefined for an in-memory database */; dataDir?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client can lose its connection (server restart, admin termination); without a listener
    // pg would throw that as an uncaught exception and stop the process. The pool replaces the client.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL: an idle connection was closed (${error.message})`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const pglite = await createPGlite(config.dataDir);
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function createPGlite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { unaccent, pg_trgm }, parsers: typeParsers });
}
