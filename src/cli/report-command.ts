import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { findPlanByNumber } from '../modules/plans/plans.repo.ts';
import {
  exportPlanAppendix,
  exportReport,
  REPORT_FORMATS,
  type ReportFormat,
} from '../modules/reports/reports.service.ts';
import { parseLocalDateInput } from '../shared/as-of.ts';
import { AppError } from '../shared/errors.ts';
import type { Command, Flags } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';

/** What a report reads: the statistics, the plans, and the assignments' requests and obstacles. */
const REPORT_RIGHTS = ['stats.read', 'plan.read', 'assignment.read'] as const;

/** The system actor 'cli' of the authority (--authority), and the plan named by --plan. */
async function context(db: Kysely<DB>, flags: Flags, config: Config | undefined) {
  const authority = await resolveAuthority(db, str(flags.authority));
  const ctx = await cliContext(db, config, authority.id, REPORT_RIGHTS);
  const planNumber = str(flags.plan);
  let planId: number | undefined;
  if (planNumber !== undefined) {
    const plan = await findPlanByNumber(db, authority.id, planNumber);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', `Không tìm thấy kế hoạch số ${planNumber}.`);
    planId = plan.id;
  }
  return { ctx, planId };
}

function outPath(flags: Flags, extension: string): string {
  const out = str(flags.out)?.trim();
  if (!out) throw new AppError('VALIDATION_FAILED', `Thiếu --out TỆP (tệp ${extension} sẽ được ghi ra).`);
  return out;
}

/**
 * `dondoc report --from 2021-01-01 --to 2021-03-31 [--as-of 2021-03-31] [--plan 87/KH-UBND]
 * --format docx|xlsx|pdf --out FILE`: the report to the Chairman, written to FILE (as the system actor).
 */
export const reportCommand: Command = async (db, flags, print, _positionals, config) => {
  const from = parseLocalDateInput(str(flags.from), 'Ngày bắt đầu kỳ báo cáo (--from)');
  const to = parseLocalDateInput(str(flags.to), 'Ngày kết thúc kỳ báo cáo (--to)');
  const format = (str(flags.format) ?? 'docx').toLowerCase();
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Định dạng "${format}" không hỗ trợ: chọn --format docx, xlsx hoặc pdf.`,
    );
  }
  const out = outPath(flags, `.${format}`);
  const { ctx, planId } = await context(db, flags, config);
  const file = await exportReport(ctx, {
    from,
    to,
    asOf: str(flags['as-of']),
    planId,
    format: format as ReportFormat,
  });
  writeFileSync(out, file.content);
  print(
    `Đã ghi báo cáo ${file.fileName} (${file.content.byteLength.toLocaleString('vi-VN')} byte) vào ${out}.`,
  );
};

/** `dondoc appendix --plan 87/KH-UBND [--as-of DATE] --out FILE.xlsx`: the plan's appendix with state columns. */
export const appendixCommand: Command = async (db, flags, print, _positionals, config) => {
  if (str(flags.plan) === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Thiếu --plan SỐ (ví dụ --plan 87/KH-UBND).');
  }
  const out = outPath(flags, '.xlsx');
  const { ctx, planId } = await context(db, flags, config);
  const file = await exportPlanAppendix(ctx, planId ?? 0, {
    asOf: str(flags['as-of']),
  });
  writeFileSync(out, file.content);
  print(
    `Đã ghi phụ lục ${file.fileName} (${file.content.byteLength.toLocaleString('vi-VN')} byte) vào ${out}.`,
  );
};
