import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { FollowupConfig } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Action } from '../access/access.ts';
import type { FileStore } from '../files/file-store.ts';
import type { ServiceContext } from '../service-context.ts';

/**
 * What a background job is and what it is given, apart from the scheduler that runs it (scheduler.ts
 * imports the jobs; the jobs import only this file).
 */
export type JobLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface JobContext {
  db: Kysely<DB>;
  followup: FollowupConfig;
  files: FileStore;
  now: () => Date;
  log: JobLog;
  /** true once the scheduler is stopping: long jobs end between two units of work */
  shouldStop: () => boolean;
  /**
   * The context a job calls use cases with: the system actor 'scheduler' of one authority, with the
   * rights named, at this instant of the clock.
   */
  contextFor(authorityId: number, rights: readonly Action[]): ServiceContext;
}

/** A background job: its name, how often it is due, and an idempotent handler. */
export interface JobDefinition {
  name: string;
  everyMs: number;
  run(ctx: JobContext): Promise<void>;
}

/** Told after each job run (the server's metrics and readiness: ServerMetrics in src/server/observability.ts). */
export interface JobObserver {
  jobDone(name: string, durationMs: number, ok: boolean): void;
}
