import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { SYSTEM_ACTOR } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findAuthorityByCode } from '../directory/directory.repo.ts';
import { createAuthorityFromDirectory, type DirectoryFile } from '../directory/directory.service.ts';
import type { FileStore } from '../files/file-store.ts';
import { createLocalFileStore } from '../files/local-file-store.ts';
import { importPlanDocument } from '../import/import.service.ts';
import { loadIndicesDemo } from '../indices/indices-demo.ts';
import type { CreatedPlan } from '../plans/plans.service.ts';
import { setPlanPublished } from '../plans/plans-publish.service.ts';
import { systemContext } from '../service-context.ts';
import { applyReorganisation, type ReorganisationFile } from './reorganisation.ts';

const seedFile = (name: string) => new URL(`./seed/${name}`, import.meta.url);

export const DEMO_AUTHORITY = 'UBND-TN';

/** The tables holding an authority's data, children first (the order a reset deletes in). */
const TENANT_TABLES = [
  'audit_log',
  'index_link',
  'index_owner',
  'index_target',
  'index_component_score',
  'index_result',
  'plan_source',
  'obstacle',
  'result_file',
  'stored_file',
  'api_token',
  'user_session',
  'app_user',
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
 * the importer from the seed document (kept as the plan's source file), all 29 tasks as written. Refuses to load twice
 * unless `reset`, which first deletes every row of the demo authority. All or nothing.
 */
export async function loadDemo(
  db: Kysely<DB>,
  options: { reset?: boolean; users?: boolean; files?: FileStore } = {},
): Promise<DemoLoaded> {
  const demo = await readDemo(options.users === true, options.files);
  return db.transaction().execute(async (trx) => {
    await lockDemoLoading(trx);
    return loadDemoIn(trx, demo, options.reset === true);
  });
}

/**
 * `DONDOC_DEMO=on` at start: the demo with its accounts, only into a database without any authority;
 * null when there is one. Servers starting together on one empty PostgreSQL database queue on an
 * advisory lock: the first loads, the others find its authority and load nothing.
 */
export async function loadDemoIntoEmptyDatabase(
  db: Kysely<DB>,
  files?: FileStore,
): Promise<DemoLoaded | null> {
  const demo = await readDemo(true, files);
  return db.transaction().execute(async (trx) => {
    await lockDemoLoading(trx);
    const any = await trx.selectFrom('authority').select('id').limit(1).executeTakeFirst();
    return any ? null : loadDemoIn(trx, demo, false);
  });
}

/** pg_advisory_xact_lock key of demo loading ('dondoc.demo' as an int8), released at commit or rollback */
const DEMO_LOCK = 0x646f6e646f63_0001n;

async function lockDemoLoading(trx: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${DEMO_LOCK.toString()}::bigint)`.execute(trx);
}

interface DemoFiles {
  passwordHash: string | null;
  directory: DirectoryFile;
  reorganisation: ReorganisationFile;
  seed: { fileName: string; bytes: Uint8Array };
  /** the file store of the context the demo is loaded with (the demo itself stores no uploaded file) */
  files: FileStore;
}

async function readDemo(
  users: boolean,
  files: FileStore = createLocalFileStore('./data/files'),
): Promise<DemoFiles> {
  const passwordHash = users ? await hashPassword(DEMO_PASSWORD) : null;
  const directory = JSON.parse(
    readFileSync(seedFile('tay-ninh-2021-directory.json'), 'utf8'),
  ) as DirectoryFile;
  const reorganisation = JSON.parse(
    readFileSync(seedFile('reorganisation-2025.json'), 'utf8'),
  ) as ReorganisationFile;
  const seedName = 'ke-hoach-87-KH-UBND-2021-tay-ninh.txt';
  const seed = { fileName: seedName, bytes: new Uint8Array(readFileSync(seedFile(seedName))) };
  return { passwordHash, directory, reorganisation, seed, files };
}

async function loadDemoIn(trx: Kysely<DB>, demo: DemoFiles, reset: boolean): Promise<DemoLoaded> {
  const { passwordHash, directory, reorganisation, seed, files } = demo;
  const existing = await findAuthorityByCode(trx, directory.authority.code);
  if (existing && !reset) {
    throw new AppError(
      'DEMO_ALREADY_LOADED',
      'Dữ liệu mẫu đã được nạp. Dùng "dondoc demo --reset" để xóa và nạp lại.',
    );
  }
  if (existing) await deleteAuthorityData(trx, existing.id);
  const authorityId = await createAuthorityFromDirectory({ db: trx, actor: SYSTEM_ACTOR }, directory);
  await applyReorganisation(trx, authorityId, reorganisation);
  // the reminder letters are the UBND's, signed by the Chairman who signed the plan — "TM. ỦY BAN NHÂN
  // DÂN / CHỦ TỊCH", never "CHỦ TỊCH" alone (docs/domain-rules.md §6.1; settings.letters, editable per authority)
  const chair = (directory.authority as { chair?: string }).chair ?? '';
  const letters = {
    form: 'ubnd-kt',
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: chair },
  };
  await trx
    .updateTable('authority')
    .set({ settings: JSON.stringify({ letters }) })
    .where('id', '=', authorityId)
    .execute();
  // the importer as the demo authority's system actor (the audit names it 'system', as before)
  const ctx = systemContext({ db: trx, files, authorityId, name: 'system', rights: ['plan.write'] });
  const { plan } = await importPlanDocument(ctx, seed);
  // the seed plan is published, so the public page shows it (docs/domain-rules.md §11)
  await setPlanPublished(ctx, plan.planId, { published: true });
  await loadIndicesDemo(trx, authorityId);
  if (passwordHash) await createDemoUsers(trx, authorityId, passwordHash);
  await writeAudit(trx, {
    authorityId,
    actor: 'system',
    action: 'demo.load',
    entity: 'authority',
    entityId: String(authorityId),
  });
  return { authorityId, plan };
}

/** The demo's password, for every demo account (README lists them). Only for the demo. */
export const DEMO_PASSWORD = 'dondoc-87-KH-2021';

/**
 * Demo accounts: quantri (admin), vanphong (the Office), lanhdao (leadership), and one account per
 * agency named by its code in lower case (stp = Sở Tư pháp, snv = Sở Nội vụ, vp = the Office's own tasks …).
 */
async function createDemoUsers(trx: Kysely<DB>, authorityId: number, passwordHash: string): Promise<void> {
  const agencies = await trx
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('authority_id', '=', authorityId)
    .execute();
  const base = { authority_id: authorityId, password_hash: passwordHash };
  await trx
    .insertInto('app_user')
    .values([
      { ...base, username: 'quantri', display_name: 'Quản trị hệ thống', role: 'admin', agency_id: null },
      {
        ...base,
        username: 'vanphong',
        display_name: 'Chuyên viên theo dõi — Văn phòng UBND tỉnh',
        role: 'office',
        agency_id: null,
      },
      {
        ...base,
        username: 'lanhdao',
        display_name: 'Phó Chủ tịch UBND tỉnh',
        role: 'leader',
        agency_id: null,
      },
      ...agencies.map((a) => ({
        ...base,
        username: a.code.toLowerCase(),
        display_name: `Đầu mối ${a.name}`,
        role: 'agency' as const,
        agency_id: a.id,
      })),
    ])
    .execute();
}

async function deleteAuthorityData(trx: Kysely<DB>, authorityId: number): Promise<void> {
  // the audit log is append-only (a trigger); a demo reset is the one purge allowed, in this transaction
  await sql`select set_config('dondoc.audit_purge', 'on', true)`.execute(trx);
  for (const table of TENANT_TABLES) {
    await sql`delete from ${sql.table(table)} where authority_id = ${authorityId}`.execute(trx);
  }
  await trx.deleteFrom('authority').where('id', '=', authorityId).execute();
}
