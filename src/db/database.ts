import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { keepPrivate } from './private-files.ts';
import type { DB } from './schema.ts';
import { typeParsers } from './type-parsers.ts';

export type DatabaseConfig =
  | {
      kind: 'pglite';
      /** a folder, or undefined for an in-memory database */
      dataDir?: string;
      /** a data folder saved with PGlite's dumpDataDir() to start from (the tests' migrated template) */
      loadDataDir?: Blob;
    }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** named prepared statements (default true); false behind a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode) */
      prepare?: boolean;
    };

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
  /** PostgreSQL's connection pool, for /metrics (absent on PGlite: one connection, no pool) */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/** statements worth a kept plan: reads and row writes (not BEGIN/COMMIT, DDL or SET) */
const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/i;
/** named statements per connection; past it, statements go unnamed as before */
const MAX_PREPARED_PER_CONNECTION = 200;

/**
 * A pg client that sends each distinct statement text as a named prepared statement: PostgreSQL
 * parses it once per connection and, after five executions, keeps a generic plan when that plan is
 * not costlier than the custom ones (what JDBC and Npgsql do by default). Kysely sends the same
 * texts with new parameters, and planning the joins of the work list or of a result view cost more
 * than running them: PostgreSQL's CPU per request of the agency's open list fell from 3.0 to 0.8 ms.
 * A schema change under a running server (a migration by another process) invalidates a statement
 * whose result columns changed (`select *`): that one query fails with 0A000 and the text is
 * prepared again under a new name on its next use.
 */
class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #generation = 0;

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    if (
      typeof config === 'string' &&
      Array.isArray(values) &&
      callback === undefined &&
      PREPARABLE.test(config)
    ) {
      let name = this.#names.get(config);
      if (!name && this.#names.size < MAX_PREPARED_PER_CONNECTION) {
        name = `k${this.#generation}_${createHash('sha1').update(config).digest('base64url')}`;
        this.#names.set(config, name);
      }
      if (name) {
        const sent = super.query({ name, text: config, values } as never) as unknown as Promise<unknown>;
        return sent.catch((error: { code?: string; message?: string }) => {
          if (error.code === '0A000' && error.message?.includes('cached plan must not change result type')) {
            this.#generation += 1;
            this.#names.clear();
          }
          throw error;
        }) as never;
      }
    }
    return super.query(config as never, values as never, callback as never) as never;
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      ...(config.prepare === false ? {} : { Client: PreparingClient }),
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // Session settings for dondoc's work (issue #9, measured at 1M assignments): no JIT compilation
      // (the statements are short and prepared; the overview spent 250 of its 1,200 ms compiling), and
      // random_page_cost for data held in memory or on SSD (at the default 4 an agency's open count
      // hashed every task of the authority, 45 ms, instead of looking up its 1,195: 16 ms).
      options: '-c jit=off -c random_page_cost=1.1',
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
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    keepPrivate(config.dataDir);
  }
  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const pglite = await createPGlite(config.dataDir, config.loadDataDir);
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        // PGlite's file system creates files 0666 whatever the umask: inside the 0700 folder nobody
        // else reaches them, and on close they become 0600 too
        if (config.dataDir) keepPrivate(config.dataDir);
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function createPGlite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, {
    extensions: { unaccent, pg_trgm },
    parsers: typeParsers,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}
