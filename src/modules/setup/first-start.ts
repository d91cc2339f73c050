import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { loadDemoIntoEmptyDatabase } from '../demo/demo.service.ts';
import { addReferenceToDirectory } from '../directory/directory-reference.service.ts';
import { loadReferenceDirectory, localiseReference } from '../directory/reference-directories.ts';

/**
 * The first start of a server on a database (issue #15): the demo only when asked (`DONDOC_DEMO=on`,
 * which `npm start` sets in development); otherwise an empty database stays empty, and as long as it
 * has no administrator every start says in the log how to create the first one with the CLI.
 */
export interface StartLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface FirstStart {
  demoLoaded: boolean;
  administrators: number;
}

export async function prepareFirstStart(
  db: Kysely<DB>,
  options: { demo: boolean; embedded: boolean; log: StartLog },
): Promise<FirstStart> {
  let demoLoaded = false;
  if (options.demo) {
    const demo = await loadDemoIntoEmptyDatabase(db);
    if (demo) {
      demoLoaded = true;
      options.log.info(
        `demo loaded: plan ${demo.plan.number}, ${demo.plan.tasks} tasks, ${demo.plan.leadAssignments} lead assignments`,
      );
    }
  }
  const administrators = await countAdministrators(db);
  if (administrators === 0) {
    const authority = await db.selectFrom('authority').select('id').limit(1).executeTakeFirst();
    options.log.warn(firstAdministratorAdvice(authority !== undefined, options.embedded));
  }
  return { demoLoaded, administrators };
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

/** What the log says while nobody can administer the database: the exact command to run. */
export function firstAdministratorAdvice(hasAuthority: boolean, embedded: boolean): string {
  const authority = hasAuthority
    ? ''
    : ' --authority UBND-XX --authority-name "Ủy ban nhân dân tỉnh …"' +
      ' [--reference provincial-departments|government|provinces --place "…": danh mục cơ quan ban đầu — a starting directory]';
  const stop = embedded
    ? ' Cơ sở dữ liệu nhúng: dừng server trước khi chạy lệnh (the embedded database serves one process: stop the server first).'
    : '';
  return (
    'Chưa có tài khoản quản trị — no administrator yet. Tạo tài khoản đầu tiên (create the first one): ' +
    `dondoc user add --role admin --username TÊN --name "Họ tên"${authority} ` +
    '(mật khẩu ngẫu nhiên được in một lần — a random password is printed once).' +
    stop +
    ' Dữ liệu mẫu (demo data): DONDOC_DEMO=on.'
  );
}

const AUTHORITY_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/**
 * The authority (cơ quan ban hành, e.g. UBND-TN) of a fresh database, created with its first
 * administrator by `dondoc user add --role admin --authority CODE --authority-name "…"`. With
 * `reference` (--reference provincial-departments | government | provinces) its directory starts as
 * that reference directory (for a city, "tỉnh" in the departments' names reads "thành phố"), in the
 * same transaction; else its agencies are entered in Danh mục. `place` (--place "Lào Cai") is the
 * place name its documents append to agency names. Refused when the database already has an authority.
 */
export async function createFirstAuthority(
  db: Kysely<DB>,
  input: { code: string; name: string; place?: string | undefined; reference?: string | undefined },
): Promise<{ id: number; code: string; name: string; agencies: number }> {
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim();
  const place = input.place?.trim() ?? '';
  const reference = input.reference ? localiseReference(loadReferenceDirectory(input.reference), name) : null;
  if (!AUTHORITY_CODE.test(code)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Mã cơ quan ban hành "${input.code}" không hợp lệ: 2–32 chữ cái không dấu, chữ số, dấu gạch ngang (ví dụ UBND-TN).`,
    );
  }
  if (name.length < 3 || name.length > 200) {
    throw new AppError('VALIDATION_FAILED', 'Tên cơ quan ban hành (--authority-name) phải có 3–200 ký tự.');
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('authority').select('code').limit(1).executeTakeFirst();
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Cơ sở dữ liệu đã có cơ quan ban hành "${existing.code}": bỏ --authority-name.`,
      );
    }
    const created = await trx
      .insertInto('authority')
      .values({ code, name, place })
      .returning(['id', 'code', 'name'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      authorityId: created.id,
      actor: 'system',
      action: 'authority.create',
      entity: 'authority',
      entityId: String(created.id),
      after: { code, name, place, reference: reference?.id ?? null },
    });
    const filled = reference ? await addReferenceToDirectory(trx, created.id, reference, 'system') : null;
    return { ...created, agencies: filled?.added.length ?? 0 };
  });
}
