import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Action, Actor } from '../../src/modules/access/access.ts';
import type { FileStore } from '../../src/modules/files/file-store.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import {
  type SubmitResultInput,
  type SubmittedResult,
  submitResult,
} from '../../src/modules/results/results.service.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';

const files = createLocalFileStore(join(tmpdir(), 'dondoc-test-files'));

/**
 * The context a test calls a use case with, as the CLI and the jobs do: the system actor of one
 * authority (named 'system' unless said; every right unless `rights`), the clock read now (fake
 * timers included) unless `now`.
 */
export function systemContextFor(
  db: Kysely<DB>,
  authorityId: number,
  options: { name?: string; rights?: readonly Action[]; now?: Date } = {},
): ServiceContext {
  return systemContext({
    db,
    files,
    authorityId,
    name: options.name ?? 'system',
    ...(options.rights ? { rights: options.rights } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** A use-case context for a test calling a service as someone (a user, the public): the actor given. */
export function testContext(
  db: Kysely<DB>,
  actor: Actor,
  options: { now?: Date; ip?: string | null; files?: FileStore } = {},
): ServiceContext {
  return { db, actor, now: options.now ?? new Date(), ip: options.ip ?? null, files: options.files ?? files };
}

/**
 * A result on a task of the seed plan 87/KH-UBND recorded by the system actor, as `dondoc submit`
 * does: accepted at once unless `more` says otherwise.
 */
export function submitSeedResult(
  db: Kysely<DB>,
  authorityId: number,
  task: string,
  agency: string,
  submittedOn: string,
  more: Partial<SubmitResultInput> = {},
): Promise<SubmittedResult> {
  const input = { plan: '87/KH-UBND', task, agency, submittedOn, accept: true, ...more };
  return submitResult(systemContextFor(db, authorityId), input);
}
