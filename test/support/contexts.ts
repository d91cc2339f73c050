import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/access/access.ts';
import type { FileStore } from '../../src/modules/files/file-store.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import type { ServiceContext } from '../../src/modules/service-context.ts';

/** A use-case context for a test calling a service directly: the actor given, a scratch file store. */
export function testContext(
  db: Kysely<DB>,
  actor: Actor,
  options: { now?: Date; ip?: string | null; files?: FileStore } = {},
): ServiceContext {
  return {
    db,
    actor,
    now: options.now ?? new Date(),
    ip: options.ip ?? null,
    files: options.files ?? createLocalFileStore(mkdtempSync(join(tmpdir(), 'dondoc-ctx-'))),
  };
}
