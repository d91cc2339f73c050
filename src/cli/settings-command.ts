import { resolveAuthority } from '../modules/directory/directory.service.ts';
import {
  getLetterSettings,
  type LetterSettingsView,
  putLetterSettings,
} from '../modules/followup/letter-settings.service.ts';
import type { StoredLetterSettings } from '../modules/followup/letter-settings.ts';
import { AppError } from '../shared/errors.ts';
import { LETTER_FORM_PRESETS } from '../shared/letter-forms.ts';
import type { Command, Flags, Print } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';

const USAGE =
  'Cách dùng: dondoc settings letters [--form office|ubnd-tl|ubnd-kt] [--division KSTT] ' +
  '[--combined on|off] [--office-agency VP] [--signer-name TÊN] [--signer-title "PHÓ CHỦ TỊCH"] ' +
  '[--signer-authority "KT. CHỦ TỊCH"] [--recipients "Như trên;LĐVP"] [--symbol UBND-VP] ' +
  '[--consequence "…"] [--report-within-days 7] [--issuer-parent …] [--issuer-name …] [--issuer-place …] ' +
  '[--reset] [--json]';

/** option → where it goes in the stored settings */
const TEXT_OPTIONS = {
  'signer-name': ['signer', 'name'],
  'signer-title': ['signer', 'title'],
  'signer-authority': ['signer', 'authority'],
  'issuer-parent': ['issuer', 'parent'],
  'issuer-name': ['issuer', 'name'],
  'issuer-place': ['issuer', 'place'],
} as const;

/**
 * `dondoc settings letters [options] [--json]` — the reminder letter's settings of the authority:
 * without options, shows what the next letter uses (and what is a default); with options, changes
 * those fields (the others stay), validated and audited like PUT /api/settings/letters; `--reset`
 * first drops every setting (back to the defaults). `--recipients` takes "Nơi nhận" lines separated
 * by ';' ("" for none); `--consequence ""` leaves the consequence paragraph out.
 */
export const settingsCommand: Command = async (db, flags, print, args = [], config) => {
  if (args[0] !== 'letters' || args.length > 1) throw new AppError('VALIDATION_FAILED', USAGE);
  const authority = await resolveAuthority(db, str(flags.authority));
  // the same use cases as GET/PUT /api/settings/letters, for the system actor 'cli'
  const c = await cliContext(db, config, authority.id, ['reminder.read', 'reminder.issue']);
  const current = await getLetterSettings(c);
  const changes = changesFrom(flags);
  let view = current;
  if (changes !== null || flags.reset === true) {
    const base = flags.reset === true ? {} : (current.settings as StoredLetterSettings);
    const next = merge(base, changes ?? {});
    view = await putLetterSettings(c, { ...(next as StoredLetterSettings), version: current.version });
  }
  if (flags.json) return print(JSON.stringify(view, null, 2));
  if (view !== current)
    print(`Đã lưu cấu hình công văn đôn đốc của ${authority.name} (phiên bản ${view.version}).`);
  printView(view, print);
};

function changesFrom(flags: Flags): Partial<Record<string, unknown>> | null {
  const changes: Record<string, Record<string, string> | unknown> = {};
  for (const [option, [group, field]] of Object.entries(TEXT_OPTIONS)) {
    const value = str(flags[option]);
    if (value === undefined) continue;
    changes[group] = { ...((changes[group] as Record<string, string>) ?? {}), [field]: value };
  }
  const recipients = str(flags.recipients);
  if (recipients !== undefined) {
    changes.recipients = recipients
      .split(';')
      .map((r) => r.trim())
      .filter(Boolean);
  }
  for (const [option, key] of [
    ['symbol', 'symbol'],
    ['consequence', 'consequence'],
    ['form', 'form'],
    ['division', 'division'],
    ['office-agency', 'officeAgency'],
  ] as const) {
    const value = str(flags[option]);
    if (value !== undefined) changes[key] = value;
  }
  const combined = str(flags.combined);
  if (combined !== undefined) {
    if (combined !== 'on' && combined !== 'off') {
      throw new AppError(
        'VALIDATION_FAILED',
        `--combined "${combined}": cần on (một công văn gửi nhiều cơ quan) hoặc off.`,
      );
    }
    changes.combined = combined === 'on';
  }
  const within = str(flags['report-within-days']);
  if (within !== undefined) {
    if (!/^\d{1,3}$/.test(within.trim())) {
      throw new AppError('VALIDATION_FAILED', `--report-within-days "${within}": cần số ngày từ 1 đến 90.`);
    }
    changes.reportWithinDays = Number(within);
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** The stored settings with the changes: nested groups field by field, the rest replaced. */
function merge(base: StoredLetterSettings, changes: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    next[key] =
      key === 'signer' || key === 'issuer'
        ? { ...((base[key] as object | undefined) ?? {}), ...(value as object) }
        : value;
  }
  return next;
}

function printView(view: LetterSettingsView, print: Print) {
  if (!view.effective) {
    print('Cấu hình công văn đôn đốc đang lưu KHÔNG hợp lệ (đợt quét có công văn sẽ dừng):');
    for (const p of view.problems) print(`  - ${p}`);
    return;
  }
  const e = view.effective;
  const s = view.settings as StoredLetterSettings;
  const mark = (set: boolean) => (set ? '' : ' (mặc định)');
  print(`Hình thức: ${LETTER_FORM_PRESETS[e.form].label}${mark(s.form !== undefined)}`);
  print(
    `Cơ quan ban hành: ${[e.issuer.parent, e.issuer.name].filter(Boolean).join(' / ').replace(/\n/gu, ' / ')}` +
      mark(!!s.issuer),
  );
  print(`Địa danh: ${e.issuer.place}${mark(s.issuer?.place !== undefined)}`);
  print(`Số, ký hiệu: Số: …/${e.symbol}${mark(s.symbol !== undefined)}`);
  print(
    `Người ký: ${[e.signer.authority, e.signer.title, e.signer.name || '(chưa có tên)'].filter(Boolean).join(' / ').replace(/\n/gu, ' / ')}` +
      mark(s.signer !== undefined),
  );
  print(`Nơi nhận${mark(s.recipients !== undefined)}:`);
  for (const r of e.recipients) print(`  - ${r};`);
  print(`  - Lưu: VT, ${e.division}.${mark(s.division !== undefined)}`);
  print(
    `Gửi: ${e.combined ? 'một công văn mỗi ngày cho các cơ quan' : 'mỗi cơ quan một công văn'}` +
      `${mark(s.combined !== undefined)}; Văn phòng (${e.officeAgency}) không tự gửi công văn cho mình`,
  );
  print(
    `Thời hạn báo cáo: ${e.reportWithinDays} ngày làm việc kể từ ngày ký${mark(s.reportWithinDays !== undefined)}`,
  );
  print(
    `Câu lưu ý${mark(s.consequence !== undefined)}: ${e.consequence === '' ? '(không có)' : e.consequence}`,
  );
  print(`Phiên bản: ${view.version}`);
}
