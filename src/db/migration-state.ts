import { type Kysely, sql } from 'kysely';
import { AppError } from '../shared/errors.ts';
import { knownMigrationNames, migrateToLatest } from './migrate.ts';

/**
 * Where a database stands against this code's migrations (issue #15). The server migrates at start;
 * the CLI does not change the schema under a running server of another version: on a database
 * behind its code it refuses unless asked (`--migrate`, or `dondoc migrate`), on a database ahead
 * of it (migrated by a newer dondoc) it always refuses. `dondoc migrate --status` prints this.
 */
export interface MigrationState {
  applied: { name: string; executedAt: Date }[];
  /** known to this code, not run on the database */
  pending: string[];
  /** run on the database by a newer (or another) dondoc, unknown to this code */
  unknown: string[];
}

export async function readMigrationState(db: Kysely<unknown>): Promise<MigrationState> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  const applied = rows[0]?.present
    ? (
        await sql<{ name: string; timestamp: string }>`
          select name, timestamp from kysely_migration order by name`.execute(db)
      ).rows.map((r) => ({ name: r.name, executedAt: new Date(r.timestamp) }))
    : [];
  const known = knownMigrationNames();
  const done = new Set(applied.map((m) => m.name));
  return {
    applied,
    pending: known.filter((name) => !done.has(name)),
    unknown: applied.map((m) => m.name).filter((name) => !known.includes(name)),
  };
}

/**
 * Before a CLI command: the schema must be this code's. A database without any migration (a fresh
 * one: no server can be using it) is brought up to date; one behind only with `migrate: true`.
 */
export async function ensureSchemaForCli(
  db: Kysely<unknown>,
  options: { migrate: boolean },
): Promise<MigrationState> {
  const state = await readMigrationState(db);
  refuseNewerDatabase(state);
  if (state.pending.length === 0) return state;
  if (state.applied.length > 0 && !options.migrate) {
    throw new AppError(
      'DATABASE_BEHIND',
      `Cơ sở dữ liệu chưa được cập nhật cho phiên bản dondoc này: ${state.pending.length} migration chưa chạy ` +
        `(${state.pending.join(', ')}). Khởi động server phiên bản này (server tự cập nhật), hoặc chạy lại lệnh với ` +
        '--migrate (hay "dondoc migrate") khi không còn server phiên bản cũ nào dùng cơ sở dữ liệu này. ' +
        `The database is behind this dondoc (${state.pending.length} pending migrations): start this version's ` +
        'server, or run again with --migrate once no older server uses the database.',
      { pending: state.pending },
    );
  }
  await migrateToLatest(db);
  return readMigrationState(db);
}

/** A database migrated by a newer dondoc: this code would misread it, and cannot migrate it back. */
export function refuseNewerDatabase(state: MigrationState): void {
  if (state.unknown.length === 0) return;
  throw new AppError(
    'DATABASE_AHEAD',
    `Cơ sở dữ liệu do một phiên bản dondoc mới hơn cập nhật (migration không có trong phiên bản này: ` +
      `${state.unknown.join(', ')}): hãy dùng dondoc cùng phiên bản với server. ` +
      'The database was migrated by a newer dondoc: use the CLI of the same version as the server.',
    { unknown: state.unknown },
  );
}
