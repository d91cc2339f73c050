import type { z } from 'zod';
import type { LocalDate } from '../../domain/dates.ts';
import { addWorkingDays, WEEKENDS_ONLY, type WorkingCalendar } from '../../domain/working-days.ts';
import { AppError } from '../../shared/errors.ts';
import {
  issuerForForm,
  LETTER_FORM_PRESETS,
  type LetterForm,
  signatureProblem,
} from '../../shared/letter-forms.ts';
import {
  type LetterSettings,
  LetterSettingsSchema,
  type StoredLetterSettings,
} from '../../shared/schemas/followup.ts';
import { shortAuthority } from '../letters/letter-text.ts';
import { CONSEQUENCE_87 } from '../letters/sample-letter.ts';

export type { LetterSettings, StoredLetterSettings };
// the schema is the API's contract (PUT /api/settings/letters); the services keep importing it from here
export { LetterSettingsSchema };

/** Each problem of a settings value as 'path: message', for the Vietnamese error's details. */
export function settingsProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
}

/** Letter settings checked: the schema, then the signature block of the form (docs/domain-rules.md §6.1). */
export function checkLetterSettings(
  value: unknown,
): { data: StoredLetterSettings; problems: [] } | { data: null; problems: string[] } {
  const parsed = LetterSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) return { data: null, problems: settingsProblems(parsed.error) };
  const form = parsed.data.form ?? 'office';
  const signature = signatureProblem(form, { ...LETTER_FORM_PRESETS[form].signer, ...parsed.data.signer });
  return signature ? { data: null, problems: [`signer: ${signature}`] } : { data: parsed.data, problems: [] };
}

/** Validates letter settings; AppError VALIDATION_FAILED with every problem listed. */
export function parseLetterSettings(
  value: unknown,
  what = 'Cấu hình công văn đôn đốc',
): StoredLetterSettings {
  const { data, problems } = checkLetterSettings(value);
  if (data === null) {
    throw new AppError('VALIDATION_FAILED', `${what} không hợp lệ: ${problems.join('; ')}.`, {
      issues: problems,
    });
  }
  return data;
}

/** The issuer block of a form for an authority named 'Ủy ban nhân dân tỉnh Tây Ninh' (docs/domain-rules.md §6.1). */
export function letterIssuerOf(authority: { name: string; place: string }, form: LetterForm) {
  const name = authority.name.normalize('NFC').trim();
  const m = /^(ủy|uỷ) ban nhân dân\s+(.+)$/iu.exec(name);
  if (!m) return { parent: '', name: name.toLocaleUpperCase('vi'), place: authority.place };
  return issuerForForm((m[2] ?? '').toLocaleUpperCase('vi'), authority.place, form);
}

/** The settings the next letter uses: the stored ones over the defaults of the form. */
export function effectiveLetterSettings(
  authority: { name: string; place: string },
  s: StoredLetterSettings,
): LetterSettings {
  const form = s.form ?? 'office';
  const preset = LETTER_FORM_PRESETS[form];
  const division = s.division ?? 'KSTT';
  const ubnd = letterIssuerOf(authority, 'ubnd-kt');
  return {
    form,
    division,
    combined: s.combined ?? true,
    officeAgency: s.officeAgency ?? 'VP',
    officeRemindersCount: s.officeRemindersCount ?? true,
    authority: shortAuthority({ parent: 'ỦY BAN NHÂN DÂN', name: ubnd.name.split('\n').at(-1) ?? '' }),
    issuer: { ...letterIssuerOf(authority, form), ...s.issuer },
    symbol: s.symbol ?? `${preset.symbolPrefix}-${division}`,
    signer: { ...preset.signer, name: '', ...s.signer },
    recipients: s.recipients ?? preset.recipients,
    // the report to the Chairman is the Office's: its head signs (docs/domain-rules.md §8)
    reportSigner: { authority: '', title: 'CHÁNH VĂN PHÒNG', name: '', ...s.reportSigner },
    // the seed plan's rule (docs/domain-rules.md §6), which is how dondoc counts written reminders
    consequence: s.consequence ?? CONSEQUENCE_87,
    reportWithinDays: s.reportWithinDays ?? 7,
  };
}

/**
 * The reply deadline a letter issued on `day` sets: `reportWithinDays` working days after it
 * (docs/domain-rules.md §4a, §10), on the authority's working calendar (the letter's issue path loads
 * it; the settings preview, which has none, counts weekends only).
 */
export function replyDueOn(
  day: LocalDate,
  settings: Pick<LetterSettings, 'reportWithinDays'>,
  calendar: WorkingCalendar = WEEKENDS_ONLY,
): LocalDate {
  return addWorkingDays(calendar, day, settings.reportWithinDays);
}

export function letterSettingsOf(authority: {
  name: string;
  place: string;
  settings: Record<string, unknown>;
}): LetterSettings {
  const stored = parseLetterSettings(
    authority.settings.letters,
    'Cấu hình công văn đôn đốc (authority.settings.letters)',
  );
  return effectiveLetterSettings(authority, stored);
}
