import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Some authority of the database (the first start asks only whether there is one). */
export function findAnyAuthority(db: Kysely<DB>) {
  return db.selectFrom('authority').select(['id', 'code']).limit(1).executeTakeFirst();
}

/** Administrators who can sign in (not disabled), across authorities. */
export async function countAdministrators(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
