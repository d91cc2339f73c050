import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { formatVietnameseDate } from '../domain/dates.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { importPlanDocument, previewPlanImport } from '../modules/import/import.service.ts';
import type { ImportPreview } from '../modules/import/import-preview.ts';
import { MAX_IMPORT_BYTES } from '../modules/import/plan-text-format.ts';
import { AppError } from '../shared/errors.ts';
import type { Flags, Print } from './commands.ts';
import { renderTable } from './table.ts';

/** `dondoc import FILE [--dry-run] [--json] [--replace]`: read a plan document, show it, store it. */
export async function importCommand(db: Kysely<DB>, flags: Flags, print: Print, positionals: string[]) {
  const path = positionals[0];
  if (!path) throw new AppError('VALIDATION_FAILED', 'Thiếu đường dẫn tệp: dondoc import TỆP [--dry-run].');
  const file = readPlanFileFromDisk(path);
  const authorityRow = await resolveAuthority(
    db,
    typeof flags.authority === 'string' ? flags.authority : undefined,
  );
  const authority = { id: authorityRow.id, place: authorityRow.place };
  if (flags['dry-run']) {
    const preview = await previewPlanImport(db, authority, file);
    return print(flags.json ? JSON.stringify(preview, null, 2) : describePreview(preview));
  }
  const { plan, preview } = await importPlanDocument(db, authority, file, {
    replace: flags.replace === true,
    actor: 'cli',
  });
  if (flags.json) return print(JSON.stringify({ ...preview, created: plan }, null, 2));
  print(describePreview(preview));
  print('');
  print(
    `Đã lưu Kế hoạch ${plan.number}: ${plan.tasks} nhiệm vụ, ${plan.leadAssignments} lượt chủ trì, ` +
      `${plan.supportAssignments} lượt phối hợp.`,
  );
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

function describePreview(preview: ImportPreview): string {
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
          ? formatVietnameseDate(t.dueOn)
          : t.recurrence
            ? 'every' in t.recurrence
              ? `định kỳ (${t.recurrence.every})`
              : 'thường xuyên'
            : '—',
      ]),
    ),
  ];
  if (preview.warnings.length > 0) {
    lines.push('', `Cảnh báo (${preview.warnings.length}):`);
    for (const w of preview.warnings) lines.push(`  - ${w.task ? `${w.task}: ` : ''}${w.message}`);
  }
  return lines.join('\n');
}

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
