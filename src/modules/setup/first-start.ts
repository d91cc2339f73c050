import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName, requireSystemAccess, systemActor } from '../access/access.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { loadDemoIntoEmptyDatabase } from '../demo/demo.service.ts';
import { importReferenceAgencies } from '../directory/directory-reference.service.ts';
import { insertAuthority } from '../directory/directory-write.repo.ts';
import { loadReferenceDirectory } from '../directory/reference-directories.ts';
import { type ServiceContext, withDb } from '../service-context.ts';
import { countAdministrators, findAnyAuthority } from './setup.repo.ts';

export { countAdministrators } from './setup.repo.ts';

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
    const authority = await findAnyAuthority(db);
    options.log.warn(firstAdministratorAdvice(authority !== undefined, options.embedded));
  }
  return { demoLoaded, administrators };
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
 * An administrative bootstrap: a system actor of every authority only (the CLI).
 */
export async function createFirstAuthority(
  c: ServiceContext,
  input: { code: string; name: string; place?: string | undefined; reference?: string | undefined },
): Promise<{ id: number; code: string; name: string; agencies: number }> {
  requireSystemAccess(c.actor, 'directory.write');
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim();
  const place = input.place?.trim() ?? '';
  // an unknown reference is refused before anything is written
  const reference = input.reference ? loadReferenceDirectory(input.reference) : null;
  if (!AUTHORITY_CODE.test(code)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Mã cơ quan ban hành "${input.code}" không hợp lệ: 2–32 chữ cái không dấu, chữ số, dấu gạch ngang (ví dụ UBND-TN).`,
    );
  }
  if (name.length < 3 || name.length > 200) {
    throw new AppError('VALIDATION_FAILED', 'Tên cơ quan ban hành (--authority-name) phải có 3–200 ký tự.');
  }
  return inTransaction(c.db, async (trx) => {
    const existing = await findAnyAuthority(trx);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Cơ sở dữ liệu đã có cơ quan ban hành "${existing.code}": bỏ --authority-name.`,
      );
    }
    const created = { id: await insertAuthority(trx, { code, name, place }), code, name };
    await writeAudit(trx, {
      authorityId: created.id,
      actor: actorName(c.actor),
      action: 'authority.create',
      entity: 'authority',
      entityId: String(created.id),
      after: { code, name, place, reference: reference?.id ?? null },
      ip: c.ip,
    });
    // the new authority's directory, as the same system actor acting for that authority
    const ofAuthority = {
      ...withDb(c, trx),
      actor: systemActor(created.id, actorName(c.actor), ['directory.write']),
    };
    const filled = reference ? await importReferenceAgencies(ofAuthority, reference.id) : null;
    return { ...created, agencies: filled?.added.length ?? 0 };
  });
}
