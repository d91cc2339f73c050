import type { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, authorityOf, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { ServiceContext } from '../service-context.ts';
import { checkRuleSet, type RuleSetBodySchema, RuleSetSchema } from './rule-set.ts';
import {
  findRuleSetRow,
  insertRuleSetRow,
  listAgencyCodes,
  loadRuleSet,
  updateRuleSetRow,
} from './scoring.repo.ts';

/** GET /api/score-rule-sets/:year — the Office, leadership and admins (not agencies: it holds every agency's entries). */
export async function getRuleSet(ctx: ServiceContext, year: number) {
  const authorityId = authorityOf(ctx.actor);
  requireAccess(ctx.actor, 'stats.read', { authorityId });
  const loaded = await loadRuleSet(ctx.db, authorityId, year);
  return { year, source: loaded.source, version: loaded.version, ruleSet: loaded.ruleSet };
}

export type RuleSetBody = z.infer<typeof RuleSetBodySchema>;

/**
 * PUT /api/score-rule-sets/:year — the Office configures a year's rule set. Refused with every
 * problem listed (maxima that do not add up, negative deductions, overlapping bands, unknown agency
 * codes). `version`: null or absent creates; the version read replaces (VERSION_CONFLICT otherwise).
 */
export async function putRuleSet(c: ServiceContext, year: number, body: RuleSetBody) {
  const authorityId = authorityOf(c.actor);
  requireAccess(c.actor, 'scoring.configure', { authorityId });
  const { db, actor } = c;
  const { version, year: bodyYear, ...fields } = body;
  const problems: string[] = [];
  if (bodyYear !== undefined && bodyYear !== year) {
    problems.push(`Năm trong bộ tiêu chí (${bodyYear}) khác năm trên đường dẫn (${year}).`);
  }
  const parsed = RuleSetSchema.safeParse({ ...fields, year });
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Bộ tiêu chí chấm điểm không đúng cấu trúc.', {
      issues: parsed.error.issues,
    });
  }
  const ruleSet = parsed.data;
  problems.push(...checkRuleSet(ruleSet));
  const known = new Set((await listAgencyCodes(db, authorityId)).map((a) => a.code));
  const named = [
    ...ruleSet.exclude,
    ...ruleSet.criteria.flatMap((k) =>
      Object.keys(k.kind === 'nd335' ? (k.general.points ?? {}) : (k.maxByAgency ?? {})),
    ),
  ];
  const unknown = [...new Set(named.filter((code) => !known.has(code)))];
  if (unknown.length > 0) problems.push(`Mã cơ quan không có trong danh mục: ${unknown.join(', ')}.`);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Bộ tiêu chí chấm điểm năm ${year} không hợp lệ: ${problems.join(' ')}`,
      { problems },
    );
  }
  return inTransaction(db, async (trx) => {
    const existing = await findRuleSetRow(trx, authorityId, year, true);
    const conflict = (message: string) =>
      new AppError('VERSION_CONFLICT', message, { currentVersion: existing?.version ?? null });
    let newVersion: number;
    if (!existing) {
      if (version != null)
        throw conflict(`Bộ tiêu chí năm ${year} chưa được lưu (không có phiên bản ${version}).`);
      newVersion = await insertRuleSetRow(trx, { authorityId, year, name: ruleSet.name, rules: ruleSet });
    } else {
      if (version == null || version !== existing.version) {
        throw conflict(
          `Bộ tiêu chí năm ${year} đã được sửa (phiên bản ${existing.version}): hãy tải lại rồi sửa.`,
        );
      }
      const updated = await updateRuleSetRow(trx, {
        id: existing.id,
        version,
        name: ruleSet.name,
        rules: ruleSet,
        now: c.now,
      });
      if (updated === null) throw conflict(`Bộ tiêu chí năm ${year} vừa được người khác sửa: hãy tải lại.`);
      newVersion = updated;
    }
    await writeAudit(trx, {
      authorityId,
      actor: actorName(actor),
      action: existing ? 'score_rule_set.update' : 'score_rule_set.create',
      entity: 'score_rule_set',
      entityId: String(year),
      ...(existing ? { before: existing.rules } : {}),
      after: ruleSet,
      ip: c.ip,
    });
    return { year, source: 'configured' as const, version: newVersion, ruleSet };
  });
}
