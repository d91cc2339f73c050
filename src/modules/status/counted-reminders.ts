import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';

/**
 * Whether the Office's own written reminders count (docs/domain-rules.md §6.1, §7) — the one place that
 * decides: the letter setting `officeRemindersCount` (default true). Off, the reminder of a task led by
 * the Office (`officeAgency`, default VP) is still recorded and told inside dondoc, but counted nowhere:
 * not in the status and statistics' reminder counts, the reminder list, the scores (PAR-index
 * criterion) nor the criticism list. Returns the agency not counted, or null when every one counts.
 */
export async function findUncountedReminderAgency(
  db: Kysely<DB>,
  authorityId: number,
): Promise<{ id: number; code: string } | null> {
  const { settings } = await findAuthorityById(db, authorityId);
  const letters = (settings.letters ?? {}) as { officeRemindersCount?: unknown; officeAgency?: unknown };
  if (letters.officeRemindersCount !== false) return null;
  const code = typeof letters.officeAgency === 'string' ? letters.officeAgency : 'VP';
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', authorityId)
    .where('code', '=', code)
    .executeTakeFirst();
  return agency ?? null;
}
