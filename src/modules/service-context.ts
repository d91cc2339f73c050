import type { Kysely } from 'kysely';
import type { Authority, DB } from '../db/schema.ts';
import { localDateOf } from '../domain/dates.ts';
import { type Action, type Actor, authorityOf, systemActor } from './access/access.ts';
import { findAuthorityById } from './directory/directory.repo.ts';
import type { FileStore } from './files/file-store.ts';

/**
 * The one context every use case receives, whoever calls it: the server builds it per request
 * (src/server/http.ts `serviceContext`), the CLI and the scheduler build it for a system actor with
 * explicit rights (`systemContext`). A use case is one exported function `(ctx, input)` whose first
 * statement is its access check (`requireAccess(ctx.actor, …)`); there is no unchecked twin.
 * Services never import server/ or cli/, and never read the wall clock: "now" is `ctx.now`.
 */
export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly actor: Actor;
  /** the clock reading of this call; "today" is localDateOf(now, the authority's time zone) */
  readonly now: Date;
  /** the client address of an HTTP request (audit); null from the CLI and background jobs */
  readonly ip: string | null;
  /** where uploaded files and rendered documents are kept */
  readonly files: FileStore;
  /**
   * The actor's authority row when the caller has it already (a request: read with the session, in
   * the same statement); `authorityContext` reads it otherwise.
   */
  readonly authority?: Authority | undefined;
  /**
   * Of an agency user's scope, the agencies that hold assignments of their own, when the caller has
   * read them already (a request: with the session); the work list asks otherwise.
   */
  readonly scopeHoldingTopLevel?: readonly number[] | undefined;
}

/** A context for the CLI, the scheduler and the demo loader: a system actor with the rights named. */
export function systemContext(options: {
  db: Kysely<DB>;
  files: FileStore;
  authorityId: number | null;
  /** who acts, as the audit log names it: 'cli', 'scheduler', 'demo' … */
  name: string;
  rights?: readonly Action[];
  now?: Date;
}): ServiceContext {
  return {
    db: options.db,
    actor: systemActor(options.authorityId, options.name, options.rights),
    now: options.now ?? new Date(),
    ip: null,
    files: options.files,
  };
}

/** The same context, acting in another transaction (use cases that open one pass it on). */
export function withDb(ctx: ServiceContext, db: Kysely<DB>): ServiceContext {
  return { ...ctx, db };
}

/** The actor's authority (401 for the public) and today there: `now` in the authority's time zone. */
export async function authorityContext(ctx: Pick<ServiceContext, 'db' | 'actor' | 'now' | 'authority'>) {
  const id = authorityOf(ctx.actor);
  const authority = ctx.authority?.id === id ? ctx.authority : await findAuthorityById(ctx.db, id);
  return { authority, today: localDateOf(ctx.now, authority.time_zone) };
}
