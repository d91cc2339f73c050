import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type MigrationState, readMigrationState, refuseNewerDatabase } from '../db/migration-state.ts';
import type { DB } from '../db/schema.ts';
import { formatVietnameseDate } from '../domain/dates.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { submitResult } from '../modules/results/results.service.ts';
import { getStatus, listWrittenReminders, type StatusCounts } from '../modules/status/status.service.ts';
import { parseLocalDateInput } from '../shared/as-of.ts';
import { cliContext } from './context.ts';
import { type Flags, required, str } from './flags.ts';
import { renderTable } from './table.ts';

export type { Flags } from './flags.ts';
export type Print = (text: string) => void;

/**
 * A command: (db, flags, print, the words after its name, the parsed Config). main.ts passes them
 * all; a test calling a command itself may leave out the words and the Config.
 */
export type Command = (
  db: Kysely<DB>,
  flags: Flags,
  print: Print,
  positionals?: string[],
  config?: Config,
) => Promise<void>;

/**
 * `dondoc migrate`: brings the schema up to this version (what the server does at start), refused on
 * a database a newer dondoc migrated. `--status`: applied, pending and unknown migrations, changing nothing.
 */
export const migrateCommand: Command = async (db, flags, print) => {
  const state = await readMigrationState(db as Kysely<unknown>);
  if (flags.status === true) return printMigrationState(state, flags.json === true, print);
  refuseNewerDatabase(state);
  const applied = await migrateToLatest(db as Kysely<unknown>);
  print(
    applied.length > 0
      ? `Đã chạy ${applied.length} migration: ${applied.join(', ')}`
      : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
  );
};

function printMigrationState(state: MigrationState, json: boolean, print: Print) {
  if (json) return print(JSON.stringify(state, null, 2));
  for (const m of state.applied) {
    const unknown = state.unknown.includes(m.name)
      ? '  KHÔNG CÓ trong phiên bản này (unknown: a newer dondoc)'
      : '';
    print(`  đã chạy   ${m.name}  ${m.executedAt.toISOString()}${unknown}`);
  }
  for (const name of state.pending) print(`  chờ chạy  ${name}`);
  print(
    `${state.applied.length} migration đã chạy (applied), ${state.pending.length} chờ chạy (pending)` +
      (state.unknown.length > 0 ? `, ${state.unknown.length} không có trong phiên bản này (unknown).` : '.'),
  );
}

export const demoCommand: Command = async (db, flags, print) => {
  // the demo's import and accounts, loaded by this command only (not by `dondoc status`)
  const { DEMO_PASSWORD, loadDemo } = await import('../modules/demo/demo.service.ts');
  const loaded = await loadDemo(db, { reset: flags.reset === true, users: true });
  const p = loaded.plan;
  if (flags.json) return print(JSON.stringify(p, null, 2));
  print(
    `Đã nạp dữ liệu mẫu: Kế hoạch ${p.number} — ${p.tasks} nhiệm vụ, ${p.leadAssignments} lượt chủ trì, ` +
      `${p.supportAssignments} lượt phối hợp.`,
  );
  print(
    `Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}): quantri, vanphong, lanhdao, và mỗi cơ quan một tài khoản theo mã (stp, snv, vp …).`,
  );
  for (const { task, refs } of p.unresolved) {
    print(
      `  ${task}: chưa xác định ${refs.map((r) => `"${r.text}" (${r.kind === 'open_group' ? 'nhóm mở' : 'không khớp'})`).join(', ')}`,
    );
  }
};

export const submitCommand: Command = async (db, flags, print, _positionals, config) => {
  const authority = await resolveAuthority(db, str(flags.authority));
  const input = {
    plan: required(flags, 'plan', 'số kế hoạch, ví dụ --plan 87/KH-UBND'),
    task: required(flags, 'task', 'nhiệm vụ, ví dụ --task I.3'),
    agency: required(flags, 'agency', 'cơ quan, ví dụ --agency STP'),
    submittedOn: parseLocalDateInput(str(flags.on), 'Ngày nộp kết quả (--on)'),
    accept: flags['no-accept'] !== true,
    documentNumber: str(flags.document) ?? null,
    note: str(flags.note) ?? '',
    ...(flags.occurrence !== undefined ? { occurrence: Number(flags.occurrence) } : {}),
  };
  // the Office's rights on results: record one received on another day, and accept it at once
  const ctx = await cliContext(db, config, authority.id, ['result.submit', 'result.decide']);
  const result = await submitResult(ctx, input);
  if (flags.json) return print(JSON.stringify(result));
  print(
    `Đã ghi nhận kết quả của ${input.agency} cho nhiệm vụ ${input.task} (${input.plan}) ngày ${formatVietnameseDate(input.submittedOn)}` +
      (result.status === 'accepted' ? ', đã tiếp nhận.' : ', chờ Văn phòng tiếp nhận.'),
  );
};

const STATUS_COLUMNS: [keyof StatusCounts, string][] = [
  ['done_on_time', 'Xong đúng hạn'],
  ['done_late', 'Xong quá hạn'],
  ['open_on_time', 'Đang làm trong hạn'],
  ['open_overdue', 'Quá hạn'],
  ['ongoing', 'Thường xuyên'],
  ['cancelled', 'Đã hủy'],
  ['reminders', 'Nhắc nhở'],
];

export const statusCommand: Command = async (db, flags, print, _positionals, config) => {
  const authority = await resolveAuthority(db, str(flags.authority));
  const ctx = await cliContext(db, config, authority.id, ['stats.read']);
  const report = await getStatus(ctx, { asOf: str(flags['as-of']), plan: str(flags.plan) });
  const asOf = report.asOf;
  if (flags.json) return print(JSON.stringify(report, null, 2));
  print(
    `Tình hình thực hiện nhiệm vụ (chủ trì) đến ngày ${formatVietnameseDate(asOf)}${report.plan ? ` — Kế hoạch ${report.plan}` : ''}`,
  );
  print('');
  const rows = report.agencies.map((a) => [a.code, a.name, ...STATUS_COLUMNS.map(([key]) => a[key])]);
  rows.push(['', 'Tổng cộng', ...STATUS_COLUMNS.map(([key]) => report.totals[key])]);
  print(renderTable(['Mã', 'Cơ quan', ...STATUS_COLUMNS.map(([, label]) => label)], rows));
};

export const remindersCommand: Command = async (db, flags, print, _positionals, config) => {
  const authority = await resolveAuthority(db, str(flags.authority));
  const ctx = await cliContext(db, config, authority.id, ['reminder.read']);
  const { asOf, reminders } = await listWrittenReminders(ctx, {
    asOf: str(flags['as-of']),
    plan: str(flags.plan),
  });
  if (flags.json) {
    return print(
      JSON.stringify(
        reminders.map((r) => ({
          agency: r.agency,
          plan: r.plan,
          task: r.task,
          dueOn: r.dueOn,
          remindedOn: r.remindedOn,
        })),
        null,
        2,
      ),
    );
  }
  print(`Nhắc nhở bằng văn bản đến ngày ${formatVietnameseDate(asOf)}: ${reminders.length}`);
  print('');
  print(
    renderTable(
      ['Cơ quan', 'Kế hoạch', 'Nhiệm vụ', 'Hạn', 'Ngày nhắc'],
      reminders.map((r) => [
        r.agencyName,
        r.plan,
        r.task,
        formatVietnameseDate(r.dueOn),
        formatVietnameseDate(r.remindedOn),
      ]),
    ),
  );
};
