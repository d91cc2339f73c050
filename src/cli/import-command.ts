import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatVietnameseDate, isLocalDate } from '../domain/dates.ts';
import { describeRecurrence, type Recurrence } from '../domain/deadline.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import {
  type HeaderOverrides,
  importPlanDocument,
  previewPlanImport,
  type ReviewedPreview,
} from '../modules/import/import.service.ts';
import type { ImportPreview, PreviewTask } from '../modules/import/import-preview.ts';
import { MAX_IMPORT_BYTES } from '../modules/import/plan-text-format.ts';
import { parseLocalDateInput } from '../shared/as-of.ts';
import { AppError } from '../shared/errors.ts';
import type { Command } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';
import { renderTable } from './table.ts';

/**
 * `dondoc import FILE [--dry-run] [--json] [--replace] [--set title="…"] [--set number=…]
 * [--set issuedOn=YYYY-MM-DD] [--allow-no-lead]`: read a plan document, show it, store it. Tasks
 * that would get no lead agency are stored only with --allow-no-lead; header fields the document
 * lacks are given with --set.
 */
export const importCommand: Command = async (db, flags, print, positionals = [], config) => {
  const path = positionals[0];
  if (!path) throw new AppError('VALIDATION_FAILED', 'Thiếu đường dẫn tệp: dondoc import TỆP [--dry-run].');
  const set = headerOverridesOf((flags as Record<string, unknown>).set);
  const file = readPlanFileFromDisk(path);
  const authority = await resolveAuthority(db, str(flags.authority));
  const ctx = await cliContext(db, config, authority.id, ['plan.write']);
  if (flags['dry-run']) {
    const preview = await previewPlanImport(ctx, file);
    return print(flags.json ? JSON.stringify(preview, null, 2) : describePreview(preview));
  }
  const { plan, preview } = await importPlanDocument(ctx, file, {
    replace: flags.replace === true,
    set,
    confirmTasksWithoutLead: flags['allow-no-lead'] === true,
    followupDefault: 'today',
    ...followupFlagOf(str(flags['followup-from'])),
  }).catch((error: unknown) => {
    throw withCliHint(error, path);
  });
  if (flags.json) return print(JSON.stringify({ ...preview, created: plan }, null, 2));
  print(describePreview(preview));
  print('');
  // theo dõi từ ngày first: the last line stays the one that says what was stored
  if (plan.followupNotice) print(plan.followupNotice);
  else if (plan.followupFrom) print(`Theo dõi từ ngày ${formatVietnameseDate(plan.followupFrom)}.`);
  print(
    `Đã lưu Kế hoạch ${plan.number}: ${plan.tasks} nhiệm vụ, ${plan.leadAssignments} lượt chủ trì, ` +
      `${plan.supportAssignments} lượt phối hợp.`,
  );
};

/** `--followup-from YYYY-MM-DD` (theo dõi từ ngày, docs/domain-rules.md §6), or `--followup-from issue`: from the issue date. */
function followupFlagOf(value: string | undefined): { followupFrom?: string | null } {
  if (value === undefined) return {};
  const text = value.trim();
  if (text === 'issue') return { followupFrom: null };
  if (!isLocalDate(text)) {
    throw new AppError(
      'INVALID_DATE',
      `--followup-from "${text}" không hợp lệ: cần dạng YYYY-MM-DD (hoặc "issue": theo dõi từ ngày ban hành).`,
    );
  }
  return { followupFrom: text };
}

const SET_FIELDS = { title: 'title', number: 'number', issuedOn: 'issuedOn', issuedon: 'issuedOn' } as const;

/** `--set title="…"` (repeatable): header fields the Office gives; unknown fields and bad dates refused. */
export function headerOverridesOf(value: unknown): HeaderOverrides {
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const set: HeaderOverrides = {};
  for (const item of items) {
    const text = String(item);
    const eq = text.indexOf('=');
    const key = eq > 0 ? SET_FIELDS[text.slice(0, eq).trim() as keyof typeof SET_FIELDS] : undefined;
    const given = text.slice(eq + 1).trim();
    if (!key || !given) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Không hiểu "--set ${text}": dùng --set title="Trích yếu", --set number=12/KH-UBND hoặc --set issuedOn=2024-03-15.`,
      );
    }
    set[key] = key === 'issuedOn' ? parseLocalDateInput(given, 'Ngày ban hành (--set issuedOn)') : given;
  }
  return set;
}

/** The service's refusals, with what to type next on the command line. */
function withCliHint(error: unknown, path: string): unknown {
  if (!(error instanceof AppError)) return error;
  const file = JSON.stringify(path);
  if (error.code === 'IMPORT_TASKS_WITHOUT_LEAD') {
    return new AppError(
      error.code,
      `${error.message} Xem trước: dondoc import ${file} --dry-run; thêm cơ quan: dondoc agencies add|alias …; ` +
        `lưu như vậy: dondoc import ${file} --allow-no-lead.`,
      error.details,
    );
  }
  const missing = error.details?.missing as string[] | undefined;
  if (error.code === 'VALIDATION_FAILED' && missing && missing.length > 0) {
    const examples: Record<string, string> = {
      title: '--set title="Trích yếu của văn bản"',
      number: '--set number=12/KH-UBND',
      issuedOn: '--set issuedOn=2024-03-15',
    };
    return new AppError(
      error.code,
      `${error.message.replace(/ hãy bổ sung rồi nhập lại\.$/, '')} hãy bổ sung bằng dondoc import ${file} ${missing
        .map((m) => examples[m] ?? `--set ${m}=…`)
        .join(' ')}.`,
      error.details,
    );
  }
  return error;
}

function readPlanFileFromDisk(path: string) {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp "${path}".`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError(
      'IMPORT_TOO_LARGE',
      `Tệp "${path}" quá lớn (${(size / 1048576).toFixed(1)} MB; tối đa ${MAX_IMPORT_BYTES / 1048576} MB).`,
    );
  }
  return { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

/** What was read; with the review's lists (unknown names, tasks without lead) when it is a dry run. */
function describePreview(preview: ImportPreview | ReviewedPreview): string {
  const reviewed = 'unknownAgencies' in preview ? preview : null;
  const unknownAgencies = reviewed?.unknownAgencies ?? [];
  const tasksWithoutLead = reviewed?.tasksWithoutLead ?? [];
  const p = preview.plan;
  const lines = [
    `Văn bản: ${p.docType} số ${p.number ?? '(chưa rõ)'}, ${p.place ?? ''}${p.issuedOn ? ` ngày ${formatVietnameseDate(p.issuedOn)}` : ''}`,
    `Trích yếu: ${p.title ?? '(chưa rõ)'}`,
    `Người ký: ${p.signer ?? '(chưa rõ)'} · Căn cứ: ${p.bases.length} · Nơi nhận: ${p.recipients.length}`,
    `Phần: ${preview.sections.map((s) => s.code).join(', ') || '(không chia phần)'} · Nhiệm vụ: ${preview.tasks.length}`,
    '',
    renderTable(
      ['STT', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Hạn'],
      preview.tasks.map((t) => [
        t.section ? `${t.section}.${t.no}` : t.no,
        cut(t.lead.join('; '), 40),
        cut(t.support.join('; '), 40),
        cut(t.deadlineText, 28),
        t.dueOn
          ? formatVietnameseDate(t.dueOn) +
            // §4a: the date the rules will judge by, when the authority moves it off a day off
            ('movedDueOn' in t && t.movedDueOn ? ` → ${formatVietnameseDate(t.movedDueOn)}` : '')
          : t.recurrence
            ? 'every' in t.recurrence
              ? describePreviewRecurrence(t.recurrence)
              : 'thường xuyên'
            : '—',
      ]),
    ),
  ];
  if (preview.warnings.length > 0) {
    lines.push('', `Cảnh báo (${preview.warnings.length}):`);
    for (const w of preview.warnings) lines.push(`  - ${w.task ? `${w.task}: ` : ''}${w.message}`);
  }
  if (preview.warnings.some((w) => w.code === 'several_leads')) {
    lines.push(
      '  Nhiệm vụ ghi nhiều cơ quan chủ trì được lưu như văn bản (tất cả là chủ trì); muốn chọn một cơ quan ' +
        'chủ trì, các cơ quan khác phối hợp: dùng màn hình Nhập kế hoạch.',
    );
  }
  if (unknownAgencies.length > 0) {
    lines.push('', `Tên chưa có trong danh mục (${unknownAgencies.length}):`);
    for (const u of unknownAgencies) {
      const near = u.suggestions.length > 0 ? `; gần nhất: ${u.suggestions.join(', ')}` : '';
      lines.push(
        `  - "${u.name}" (${cut(u.tasks.join(', '), 40)}${near}): thêm mới: dondoc agencies add --code ${u.code} ` +
          `--name "${u.name}" --kind ${u.kind}; hoặc là tên khác: dondoc agencies alias MÃ "${u.name}"`,
      );
    }
  }
  if (tasksWithoutLead.length > 0) {
    lines.push(
      '',
      `Nhiệm vụ chưa có cơ quan chủ trì (${tasksWithoutLead.length}): ` +
        tasksWithoutLead.map((t) => t.task).join(', '),
      '  Khi lưu, cần xác nhận bằng --allow-no-lead (hoặc bổ sung cơ quan vào danh mục rồi đọc lại).',
    );
  }
  return lines.join('\n');
}

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** A preview's recurrence ({ every, … }) in words: 'Hằng quý', '30/06/2021 và 31/12/2021' … */
function describePreviewRecurrence(preview: Extract<PreviewTask['recurrence'], { every: unknown }>): string {
  const recurrence =
    preview.every === 'dates'
      ? { period: 'dates' as const, dates: preview.dates }
      : (({ every, ...rest }) => ({ period: every, ...rest }))(preview);
  return describeRecurrence(recurrence as Recurrence);
}
