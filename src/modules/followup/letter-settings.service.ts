import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { findAuthoritySettings, saveLetterSettings } from './followup-admin.repo.ts';
import {
  checkLetterSettings,
  effectiveLetterSettings,
  type LetterSettings,
  parseLetterSettings,
  type StoredLetterSettings,
} from './letter-settings.ts';

export interface LetterSettingsView {
  /** what the authority has set (every field optional: a missing one takes the default) */
  settings: Record<string, unknown>;
  /** what the next letter uses; null while the stored settings are invalid (see problems) */
  effective: LetterSettings | null;
  /** why the stored settings cannot be used (set outside dondoc); empty when they can */
  problems: string[];
  /** 0 until first saved through dondoc; PUT with the version read, or VERSION_CONFLICT */
  version: number;
}

function viewOf(authority: {
  name: string;
  place: string;
  settings: Record<string, unknown>;
}): LetterSettingsView {
  const stored = (authority.settings.letters ?? {}) as Record<string, unknown>;
  const version = Number(authority.settings.lettersVersion ?? 0) || 0;
  const { data, problems } = checkLetterSettings(stored);
  return { settings: stored, effective: data && effectiveLetterSettings(authority, data), problems, version };
}

/**
 * Cấu hình công văn đôn đốc — GET /api/settings/letters: the Office, leadership and admins (an agency
 * user is refused: `reminder.read` without an agency of its own is not in its scope).
 */
export async function getLetterSettings(c: ServiceContext): Promise<LetterSettingsView> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.read', { authorityId });
  return viewOf(await findAuthorityById(c.db, authorityId));
}

/**
 * PUT /api/settings/letters — the Office and admins (those who run the sweep) replace the settings;
 * the next letter the sweep issues uses them. Validated field by field; `version` (the one read)
 * guards against overwriting someone else's edit; the before and after go to the audit log in the
 * same transaction. Other keys of `authority.settings` are left as they are.
 */
export async function putLetterSettings(
  c: ServiceContext,
  body: StoredLetterSettings & { version?: number | null | undefined },
): Promise<LetterSettingsView> {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'reminder.issue', { authorityId });
  const { version, ...fields } = body;
  const next = parseLetterSettings(fields);
  return inTransaction(c.db, async (trx) => {
    const current = await findAuthoritySettings(trx, authorityId, { forUpdate: true });
    const before = viewOf(current);
    if (version != null && version !== before.version) {
      throw new AppError(
        'VERSION_CONFLICT',
        `Cấu hình công văn đã được sửa (phiên bản ${before.version}): hãy tải lại rồi sửa.`,
        { currentVersion: before.version },
      );
    }
    const saved = await saveLetterSettings(trx, authorityId, next, before.version + 1);
    await writeAudit(trx, {
      authorityId,
      actor: actorName(c.actor),
      action: 'settings.letters.update',
      entity: 'authority',
      entityId: String(authorityId),
      data: { version: before.version + 1 },
      before: before.settings,
      after: next,
      ip: c.ip,
    });
    return viewOf(saved);
  });
}
