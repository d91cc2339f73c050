import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';

const files = createLocalFileStore(join(tmpdir(), 'dondoc-bench-files'));

/** The benchmark calls use cases as the CLI does: the system actor 'bench' of one authority. */
export function benchContext(db: Kysely<DB>, authorityId: number): ServiceContext {
  return systemContext({ db, files, authorityId, name: 'bench' });
}
