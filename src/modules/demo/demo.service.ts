import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { PlanInput } from '../../shared/schemas/plan.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { findAuthorityByCode } from '../directory/directory.repo.ts';
import { createAuthorityFromDirectory, type DirectoryFile } from '../directory/directory.service.ts';
import { type ParsedPlan, parsePlanText } from '../import/plan-text.ts';
import { type CreatedPlan, createPlan } from '../plans/plans.service.ts';
import { applyReorganisation, type ReorganisationFile } from './reorganisation.ts';

const seedFile = (name: string) => new URL(`./seed/${name}`, import.meta.url);

export const DEMO_AUTHORITY = 'UBND-TN';

/** The tables holding an authority's data, children first (the order a reset deletes in). */
const TENANT_TABLES = [
  'audit_log',
  'written_reminder',
  'extension_request',
  'result_submission',
  'assignment',
  'task',
  'plan_section',
  'plan',
  'agency_group_member',
  'agency_group',
  'agency_successor',
  'agency',
] as const;

export interface DemoLoaded {
  authorityId: number;
  plan: CreatedPlan;
}

/**
 * Dữ liệu mẫu — the 2021 Tây Ninh directory (with its 2025 successors) and plan 87/KH-UBND read by
 * the plan-text reader from the seed document, all 29 tasks as written. Refuses to load twice
 * unless `reset`, which first deletes every row of the demo authority. All or nothing.
 */
export async function loadDemo(db: Kysely<DB>, options: { reset?: boolean } = {}): Promise<DemoLoaded> {
  const directory = JSON.parse(
    readFileSync(seedFile('tay-ninh-2021-directory.json'), 'utf8'),
  ) as DirectoryFile;
  const reorganisation = JSON.parse(
    readFileSync(seedFile('reorganisation-2025.json'), 'utf8'),
  ) as ReorganisationFile;
  const parsed = parsePlanText(readFileSync(seedFile('ke-hoach-87-KH-UBND-2021-tay-ninh.txt'), 'utf8'));

  return db.transaction().execute(async (trx) => {
    const existing = await findAuthorityByCode(trx, directory.authority.code);
    if (existing && !options.reset) {
      throw new AppError(
        'DEMO_ALREADY_LOADED',
        'Dữ liệu mẫu đã được nạp. Dùng "dondoc demo --reset" để xóa và nạp lại.',
      );
    }
    if (existing) await deleteAuthorityData(trx, existing.id);
    const authorityId = await createAuthorityFromDirectory(trx, directory);
    await applyReorganisation(trx, authorityId, reorganisation);
    const plan = await createPlan(
      trx,
      { id: authorityId, place: directory.authority.place ?? '' },
      planInputOf(parsed),
    );
    await writeAudit(trx, {
      authorityId,
      actor: 'system',
      action: 'demo.load',
      entity: 'authority',
      entityId: String(authorityId),
    });
    return { authorityId, plan };
  });
}

export function planInputOf(parsed: ParsedPlan): PlanInput {
  if (!parsed.number || !parsed.issuedOn || !parsed.title) {
    throw new AppError('VALIDATION_FAILED', 'Văn bản thiếu số hiệu, ngày ban hành hoặc trích yếu.', {
      warnings: parsed.warnings,
    });
  }
  return {
    docType: parsed.docType,
    number: parsed.number,
    issuedOn: parsed.issuedOn,
    place: parsed.place ?? '',
    title: parsed.title,
    signer: parsed.signer ?? '',
    bases: parsed.bases,
    recipients: parsed.recipients,
    sections: parsed.sections.map((s) => ({ code: s.code, title: s.title })),
    tasks: parsed.tasks.map((t) => ({
      sectionCode: t.sectionCode,
      no: t.no,
      content: t.content,
      leadText: t.leadText,
      supportText: t.supportText,
      deadlineText: t.deadlineText,
      note: t.note,
    })),
  };
}

async function deleteAuthorityData(trx: Kysely<DB>, authorityId: number): Promise<void> {
  for (const table of TENANT_TABLES) {
    await sql`delete from ${sql.table(table)} where authority_id = ${authorityId}`.execute(trx);
  }
  await trx.deleteFrom('authority').where('id', '=', authorityId).execute();
}
