import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { LocalDate } from '../../domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { DecisionSettings } from '../../shared/schemas/extension.ts';
import { type Actor, actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { ServiceContext } from '../service-context.ts';

/**
 * Who decides an extension (docs/domain-rules.md §10): the leader (Chủ tịch or the Phó Chủ tịch in
 * charge) decides, with the decision document's number and date; the Office proposes (trình) with
 * its opinion, and decides alone only where the authority allows it (`officeDecidesExtensions`,
 * default off; `authority.settings.decisions`).
 */
export type { DecisionSettings };

export function decisionSettingsOf(settings: Record<string, unknown>): DecisionSettings {
  const stored = (settings.decisions ?? {}) as Partial<DecisionSettings>;
  return { officeDecidesExtensions: stored.officeDecidesExtensions === true };
}

/** The decision document a leader gives: its number and date. */
export interface DecisionDocument {
  decisionNumber?: string | undefined;
  decisionDate?: LocalDate | undefined;
}

/** What a decision records about who made it. */
export interface Decider {
  by: string;
  userId: number | null;
  number: string | null;
  date: LocalDate | null;
}

/**
 * The decider of an extension request, or the refusal: a leader must give the decision document
 * (number and a date no later than today); anyone else with `extension.decide` (the Office, an
 * admin, the CLI) only when the authority lets the Office decide alone.
 */
export function deciderOf(
  actor: Actor,
  settings: DecisionSettings,
  document: DecisionDocument,
  today: LocalDate,
): Decider {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const number = document.decisionNumber?.trim() || null;
  const date = document.decisionDate ?? null;
  if (date !== null && date > today) {
    throw new AppError('VALIDATION_FAILED', 'Ngày văn bản quyết định không được sau ngày hôm nay.', {
      decisionDate: date,
      today,
    });
  }
  if (actor.kind === 'user' && actor.role === 'leader') {
    if (number === null || date === null) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Lãnh đạo quyết định gia hạn cần ghi số và ngày của văn bản quyết định.',
      );
    }
  } else if (!settings.officeDecidesExtensions) {
    throw new AppError(
      'FORBIDDEN',
      'Gia hạn thời hạn do Chủ tịch hoặc Phó Chủ tịch UBND tỉnh quyết định: Văn phòng trình kèm ý kiến.',
      { action: 'extension.decide', officeDecidesExtensions: false },
    );
  }
  return { by: actorName(actor), userId, number, date };
}

export async function loadDecisionSettings(db: Kysely<DB>, authorityId: number): Promise<DecisionSettings> {
  return decisionSettingsOf((await findAuthorityById(db, authorityId)).settings);
}

/** GET /api/settings/decisions — whoever decides or proposes extensions reads who may. */
export async function getDecisionSettings(ctx: ServiceContext): Promise<DecisionSettings> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'extension.decide', { authorityId });
  return loadDecisionSettings(ctx.db, authorityId);
}

/** PUT /api/settings/decisions — an administrator records the authority's choice; audited. */
export async function putDecisionSettings(
  ctx: ServiceContext,
  input: DecisionSettings,
): Promise<DecisionSettings> {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'user.manage', { authorityId });
  return inTransaction(ctx.db, async (trx) => {
    const before = await loadDecisionSettings(trx, authorityId);
    const next: DecisionSettings = { officeDecidesExtensions: input.officeDecidesExtensions };
    await trx
      .updateTable('authority')
      .set({
        settings: sql<string>`settings || jsonb_build_object('decisions', ${JSON.stringify(next)}::jsonb)`,
      })
      .where('id', '=', authorityId)
      .execute();
    await writeAudit(trx, {
      authorityId,
      actor: actorName(ctx.actor),
      action: 'settings.decisions.update',
      entity: 'authority',
      entityId: String(authorityId),
      before,
      after: next,
      ip: ctx.ip,
    });
    return next;
  });
}
