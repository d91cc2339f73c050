import type { AgencyKind } from '../../domain/directory.ts';
import { stripDiacritics } from '../../domain/vietnamese-text.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Tên và mã cơ quan — the checks every way of adding an agency or an alias shares (the web, the CLI,
 * a CSV file, a reference directory, the import review): a code the API accepts, and a name or alias
 * that names no other agency or group of the directory (else a cell naming it would be ambiguous).
 */
export const AGENCY_CODE = /^[A-Z0-9_.-]{1,32}$/u;
export const AGENCY_KINDS: readonly AgencyKind[] = ['province', 'district', 'commune', 'unit'];

/** The code as stored: trimmed, upper case; refused unless 1–32 of A-Z, 0-9, '.', '-', '_'. */
export function normaliseAgencyCode(code: string): string {
  const normal = code.trim().toUpperCase();
  if (!AGENCY_CODE.test(normal)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Mã cơ quan "${code}" không hợp lệ: 1–32 ký tự A-Z, 0-9, dấu chấm, gạch ngang, gạch dưới.`,
    );
  }
  return normal;
}

export function assertAgencyKind(kind: string): AgencyKind {
  if (!(AGENCY_KINDS as readonly string[]).includes(kind)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Loại cơ quan "${kind}" không hợp lệ: chọn một trong ${AGENCY_KINDS.join(', ')}.`,
    );
  }
  return kind as AgencyKind;
}

/** A name or alias as written, tidied: NFC, single spaces, 1–300 characters. */
export function tidyAgencyName(text: string, what = 'Tên cơ quan'): string {
  const tidy = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (tidy.length < 1 || tidy.length > 300) {
    throw new AppError('VALIDATION_FAILED', `${what} phải có 1–300 ký tự.`);
  }
  return tidy;
}

/** What two spellings of one name share: case, spacing and `&`/`và` do not matter. */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s*&\s*/gu, ' và ')
    .replace(/\s+/gu, ' ')
    .trim();
}

export interface NamedEntry {
  /** the agency's code, or null for a group */
  code: string | null;
  name: string;
  aliases: readonly string[];
}

/** The agency or group (other than the agency `exceptCode`) whose name or alias is `text`, if any. */
export function findNameOwner(
  entries: readonly NamedEntry[],
  text: string,
  exceptCode?: string,
): NamedEntry | undefined {
  const key = nameKey(text);
  return entries.find(
    (e) =>
      (exceptCode === undefined || e.code !== exceptCode) &&
      [e.name, ...e.aliases].some((n) => nameKey(n) === key),
  );
}

/** Refused when `text` already names another agency or a group (CONFLICT, with who holds it). */
export function assertNameFree(entries: readonly NamedEntry[], text: string, exceptCode?: string): void {
  const owner = findNameOwner(entries, text, exceptCode);
  if (!owner) return;
  const holder = owner.code === null ? `nhóm "${owner.name}"` : `cơ quan ${owner.code} (${owner.name})`;
  throw new AppError('CONFLICT', `"${text}" đã là tên hoặc tên gọi khác của ${holder}.`, {
    name: text,
    holder: owner.code ?? owner.name,
  });
}

/**
 * A code for a new agency named `name`: the initials of its words without diacritics ("Liên đoàn Lao
 * động tỉnh" → "LDLDT"), then 2, 3 … until it is not among `taken` (codes compared in upper case).
 */
export function suggestAgencyCode(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((code) => code.toUpperCase()));
  const words = stripDiacritics(name)
    .toUpperCase()
    .split(/[^A-Z0-9]+/u)
    .filter(Boolean);
  const base = (words.map((w) => (/^\d+$/u.test(w) ? w : w[0])).join('') || 'CQ').slice(0, 28);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}
