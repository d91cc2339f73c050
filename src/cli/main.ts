import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import type { RunForwarded } from './cli-socket.ts';
import type { Command, Flags, Print } from './commands.ts';

const USAGE = `dondoc — theo dõi, đôn đốc thực hiện nhiệm vụ

Cách dùng:
  dondoc migrate [--status] [--json]               cập nhật cấu trúc cơ sở dữ liệu (server tự làm khi khởi động);
                                                   --status: các migration đã chạy, chờ chạy
  dondoc demo [--reset]                            nạp dữ liệu mẫu (Kế hoạch 87/KH-UBND, Tây Ninh)
  dondoc import TỆP [--dry-run] [--json] [--replace] [--set title="…"] [--set number=…] [--set issuedOn=NGÀY]
                  [--allow-no-lead] [--followup-from NGÀY|issue]
                                                   nhập kế hoạch từ .txt, .docx, .pdf, .xlsx, .csv, ảnh quét .png/.jpg
                                                   (--dry-run: chỉ xem kết quả đọc, không lưu; --set: trích yếu,
                                                   số, ngày ban hành khi văn bản thiếu; --allow-no-lead: vẫn lưu
                                                   nhiệm vụ chưa có cơ quan chủ trì; --followup-from: theo dõi từ
                                                   ngày, mặc định hôm nay khi đã có hạn trôi qua)
  dondoc submit --plan 87/KH-UBND --task I.3 --agency STP --on 2021-01-19 [--no-accept] [--document SỐ]
                                                   ghi nhận kết quả (mặc định: tiếp nhận ngay)
  dondoc status [--as-of 2021-02-15] [--plan SỐ] [--json]
                                                   số nhiệm vụ theo trạng thái, theo cơ quan
  dondoc reminders [--as-of 2021-12-31] [--plan SỐ] [--json]
                                                   danh sách nhắc nhở bằng văn bản
  dondoc indices [--year 2023] [--json]           kết quả gần nhất của các chỉ số PCI, PAPI, PAR Index, ICT/DTI, SIPAS
  dondoc score --year 2021 [--json]                chấm điểm các cơ quan trong năm (điểm, tỷ lệ, xếp loại,
                                                   số lần nhắc nhở), danh sách biểu dương, phê bình
  dondoc sweep [--as-of 2021-12-31] [--deliver] [--json]
                                                   quét nhắc việc hằng ngày (cho cron): ghi nhắc nhở, phát hành
                                                   công văn đôn đốc, thông báo; --deliver: gửi email qua SMTP_URL
  dondoc report --from 2021-01-01 --to 2021-03-31 [--as-of 2021-03-31] [--plan SỐ] --format docx|xlsx|pdf --out TỆP
                                                   báo cáo Chủ tịch UBND tỉnh về tình hình thực hiện trong kỳ
  dondoc appendix --plan 87/KH-UBND [--as-of NGÀY] --out TỆP.xlsx
                                                   xuất phụ lục kế hoạch kèm cột trạng thái (nhập lại được)
  dondoc user add --username TÊN --name "Họ tên" --role office|leader|admin|agency [--agency MÃ] [--password MK]
                  [--email ĐỊA_CHỈ] [--head] [--authority MÃ --authority-name "Tên cơ quan ban hành"
                  [--reference government|provincial-departments|provinces] [--place "Địa danh"]]
                                                   tạo tài khoản (không có --password: tạo ngẫu nhiên, in một lần;
                                                   --reference: danh mục cơ quan ban đầu của cơ quan ban hành mới;
                                                   --head: thủ trưởng cơ quan, nhận báo cáo quá hạn kéo dài)
  dondoc user set --username TÊN [--email ĐỊA_CHỈ|""] [--head|--no-head]
                                                   email nhận thông báo, đánh dấu thủ trưởng cơ quan
  dondoc agencies list [--valid-on NGÀY] [--json]  danh mục cơ quan (mã, tên, cấp, tên gọi khác, hiệu lực)
  dondoc agencies add --code MÃ --name "Tên" --kind province|district|commune [--alias "Tên khác" …]
                  [--valid-from NGÀY] [--valid-to NGÀY]   thêm cơ quan
  dondoc agencies alias MÃ "Tên gọi khác"          thêm tên gọi khác (tên viết tắt, tên trong văn bản)
  dondoc agencies import TỆP.csv                   thêm các cơ quan của tệp (code,name,kind,aliases[,valid_from,valid_to];
                                                   aliases cách nhau bởi ';'): tất cả hoặc không cơ quan nào
  dondoc agencies export [--out TỆP.csv]           xuất danh mục ra cùng dạng CSV
  dondoc agencies import-reference government|provincial-departments|provinces
                                                   thêm cơ quan, nhóm của một danh mục tham chiếu (bỏ qua cơ quan đã có)
  dondoc token list --user TÊN [--json]            mã truy cập (API token) của tài khoản: tạo, dùng lần cuối,
                                                   hết hạn, trạng thái
  dondoc token create --user TÊN --name "Tên mã" [--days 90] [--scopes index.write]
                                                   tạo mã truy cập (in một lần; mặc định DONDOC_TOKEN_DAYS ngày)
  dondoc token revoke --id SỐ | --user TÊN --all   thu hồi một mã, hoặc mọi mã của tài khoản
  dondoc settings letters [--form office|ubnd-tl|ubnd-kt] [--division KSTT] [--combined on|off] [--office-agency VP]
                  [--signer-name TÊN] [--signer-title CHỨC_VỤ] [--signer-authority "KT. CHỦ TỊCH"]
                  [--recipients "Như trên;LĐVP"] [--symbol UBND-VP] [--consequence "…"] [--report-within-days N]
                  [--issuer-parent …] [--issuer-name …] [--issuer-place …] [--reset] [--json]
                                                   cấu hình công văn đôn đốc (không có tùy chọn: xem cấu hình)
  dondoc calendar list [--year 2021] [--json]      lịch làm việc: ngày nghỉ lễ, tết, nghỉ bù, thứ Bảy làm việc bù
  dondoc calendar add NGÀY --off|--working --name "Tên"
                                                   thêm, sửa một ngày nghỉ (--off) hoặc làm việc bù (--working)
  dondoc calendar remove NGÀY                      xóa một ngày khỏi lịch làm việc
  dondoc calendar due-shift [keep|next-working-day]
                                                   hạn rơi vào ngày nghỉ: giữ nguyên hoặc lùi sang ngày làm việc
  dondoc backup --out TỆP.tar [--verify]           sao lưu cơ sở dữ liệu, mọi tệp đính kèm và manifest (mã SHA-256)
  dondoc backup --verify TỆP.tar                   kiểm tra toàn vẹn một bản sao lưu
  dondoc restore TỆP.tar [--force]                 khôi phục vào cơ sở dữ liệu và kho tệp trống (--force: thay thế)

Tùy chọn chung: --authority MÃ (khi có nhiều cơ quan ban hành), --json, --migrate (cập nhật cơ sở dữ liệu
chưa được server phiên bản này cập nhật; mặc định lệnh từ chối).
Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) hoặc thư mục DONDOC_DATA_DIR (mặc định ./data, PostgreSQL nhúng).`;

/**
 * Each command's module, imported when that command runs: `dondoc status` loads neither the readers
 * of the import (PDF, docx, spreadsheets), nor the report writers, nor the mailer.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./commands.ts')).migrateCommand,
  demo: async () => (await import('./commands.ts')).demoCommand,
  submit: async () => (await import('./commands.ts')).submitCommand,
  import: async () => (await import('./import-command.ts')).importCommand,
  status: async () => (await import('./commands.ts')).statusCommand,
  reminders: async () => (await import('./commands.ts')).remindersCommand,
  score: async () => (await import('./score-command.ts')).scoreCommand,
  user: async () => (await import('./user-command.ts')).userCommand,
  agencies: async () => (await import('./agencies-command.ts')).agenciesCommand,
  token: async () => (await import('./token-command.ts')).tokenCommand,
  sweep: async () => (await import('./sweep-command.ts')).sweepCommand,
  indices: async () => (await import('./indices-command.ts')).indicesCommand,
  settings: async () => (await import('./settings-command.ts')).settingsCommand,
  calendar: async () => (await import('./calendar-command.ts')).calendarCommand,
  report: async () => (await import('./report-command.ts')).reportCommand,
  appendix: async () => (await import('./report-command.ts')).appendixCommand,
};

/** Runs one CLI command; returns the process exit code (0 ok, 1 refused or failed, 2 usage). */
export async function runCli(
  argv: string[],
  {
    out = console.log,
    err = console.error,
    env = process.env,
  }: { out?: Print; err?: Print; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`Lỗi: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [name] = parsed.positionals;
  if (!name || parsed.values.help || name === 'help') {
    out(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  if (name === 'backup' || name === 'restore') {
    const { runBackupCommand } = await import('./backup-command.ts');
    return runBackupCommand(name, parsed.values as Flags, parsed.positionals.slice(1), { out, err, env });
  }
  const loadCommand = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!loadCommand) {
    err(`Lỗi: không có lệnh "${name}".\n\n${USAGE}`);
    return 2;
  }
  let database: Database | undefined;
  try {
    const config = loadConfig(env);
    // the embedded database held by a running server: the command runs there (src/cli/cli-socket.ts)
    if (config.database.kind === 'pglite' && config.database.dataDir) {
      const { forwardToServer, requestOf } = await import('./cli-socket.ts');
      const { knownMigrationNames } = await import('../db/migrate.ts');
      const request = requestOf(
        parsed.values as Flags,
        parsed.positionals,
        process.cwd(),
        knownMigrationNames().at(-1),
      );
      const exit = await forwardToServer(config.database.dataDir, request, { out, err });
      if (exit !== null) return exit;
    }
    // the database drivers (PGlite, pg) loaded only when this process opens the database itself
    const [command, { openDatabase }, { ensureSchemaForCli }] = await Promise.all([
      loadCommand(),
      import('../db/database.ts'),
      import('../db/migration-state.ts'),
    ]);
    database = await openDatabase(config.database);
    // the server migrates; the CLI refuses a schema of another version unless --migrate (src/db/migration-state.ts)
    if (name !== 'migrate')
      await ensureSchemaForCli(database.db as never, { migrate: parsed.values.migrate === true });
    await command(database.db, parsed.values as Flags, out, parsed.positionals.slice(1), config);
    return 0;
  } catch (error) {
    printError(error, err);
    return 1;
  } finally {
    await database?.close();
  }
}

/**
 * A command sent by the CLI to this server (src/cli/cli-socket.ts), run on the server's open database
 * with its configuration: what `runCli` does after opening the database itself.
 */
export function runForwardedOn(db: Kysely<DB>, config: Config): RunForwarded {
  return async ({ values, positionals, schema }, out, err) => {
    const [name = ''] = positionals;
    const loadCommand = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    try {
      if (!loadCommand) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Không có lệnh "${name}" chạy được qua server (not a command the server runs).`,
        );
      }
      const { knownMigrationNames } = await import('../db/migrate.ts');
      const latest = knownMigrationNames().at(-1) ?? '';
      if (schema !== latest) {
        // the server migrated the database to its own version: a newer CLI finds it behind, an older ahead
        const behind = (schema ?? '') > latest;
        throw new AppError(
          behind ? 'DATABASE_BEHIND' : 'DATABASE_AHEAD',
          'Server đang dùng cơ sở dữ liệu nhúng là một phiên bản dondoc khác với lệnh này: hãy dùng dondoc cùng ' +
            'phiên bản với server (hoặc khởi động lại server bằng phiên bản này). The running server is another ' +
            'dondoc version than this CLI: use the CLI of the same version, or restart the server with this one.',
          { server: latest, cli: schema ?? null },
        );
      }
      if (name === 'demo' && values.reset === true) {
        throw new AppError(
          'CONFLICT',
          'Không nạp lại dữ liệu mẫu khi server đang chạy trên cơ sở dữ liệu này: dừng server trước. ' +
            'The demo is not reset under a running server: stop it first.',
        );
      }
      const command = await loadCommand();
      await command(db, values, out, positionals.slice(1), config);
      return 0;
    } catch (error) {
      printError(error, err);
      return 1;
    }
  };
}

function printError(error: unknown, err: Print): void {
  if (isAppError(error)) {
    err(`Lỗi [${error.code}]: ${error.message}`);
    const problems = (error.details?.problems ?? error.details?.issues) as unknown[] | undefined;
    for (const p of problems ?? []) err(`  - ${JSON.stringify(p)}`);
  } else {
    err(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      migrate: { type: 'boolean' },
      status: { type: 'boolean' },
      'authority-name': { type: 'string' },
      json: { type: 'boolean' },
      reset: { type: 'boolean' },
      authority: { type: 'string' },
      plan: { type: 'string' },
      task: { type: 'string' },
      agency: { type: 'string' },
      on: { type: 'string' },
      'as-of': { type: 'string' },
      'no-accept': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      set: { type: 'string', multiple: true },
      'allow-no-lead': { type: 'boolean' },
      'followup-from': { type: 'string' },
      replace: { type: 'boolean' },
      accept: { type: 'boolean' },
      document: { type: 'string' },
      note: { type: 'string' },
      occurrence: { type: 'string' },
      year: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      deliver: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      email: { type: 'string' },
      head: { type: 'boolean' },
      'no-head': { type: 'boolean' },
      user: { type: 'string' },
      days: { type: 'string' },
      scopes: { type: 'string' },
      id: { type: 'string' },
      all: { type: 'boolean' },
      'signer-name': { type: 'string' },
      'signer-title': { type: 'string' },
      'signer-authority': { type: 'string' },
      form: { type: 'string' },
      division: { type: 'string' },
      combined: { type: 'string' },
      'office-agency': { type: 'string' },
      'issuer-parent': { type: 'string' },
      'issuer-name': { type: 'string' },
      'issuer-place': { type: 'string' },
      recipients: { type: 'string' },
      symbol: { type: 'string' },
      consequence: { type: 'string' },
      'report-within-days': { type: 'string' },
      verify: { type: 'boolean' },
      off: { type: 'boolean' },
      working: { type: 'boolean' },
      force: { type: 'boolean' },
      code: { type: 'string' },
      kind: { type: 'string' },
      alias: { type: 'string', multiple: true },
      'valid-on': { type: 'string' },
      'valid-from': { type: 'string' },
      'valid-to': { type: 'string' },
      reference: { type: 'string' },
      place: { type: 'string' },
    },
  });
}
