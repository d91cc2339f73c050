import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Action } from '../modules/access/access.ts';
import { openFileStore } from '../modules/files/open-file-store.ts';
import { type ServiceContext, systemContext } from '../modules/service-context.ts';

/**
 * The context of a CLI command: the system actor 'cli' of one authority with the rights the command
 * names (explicit, so a command cannot do more than it says), the configured file store, the clock.
 */
export async function cliContext(
  db: Kysely<DB>,
  config: Pick<Config, 'files'> | undefined,
  authorityId: number | null,
  rights: readonly Action[],
  now: Date = new Date(),
): Promise<ServiceContext> {
  const files = await openFileStore(config?.files ?? { kind: 'local', dir: './data/files' });
  return systemContext({ db, files, authorityId, name: 'cli', rights, now });
}
