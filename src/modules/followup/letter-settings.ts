import type { z } from 'zod';
import type { LocalDate } from '../../domain/dates.ts';
import { addWorkingDays, WEEKENDS_ONLY, type WorkingCalendar } from '../../domain/working-days.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type LetterSettings,
  LetterSettingsSchema,
  type StoredLetterSettings,
} from '../../shared/schemas/followup.ts';
import { CONSEQUENCE_87 } from '../letters/sample-letter.ts';

export type { LetterSettings, StoredLetterSettings };
// the schema is the API's contract (PUT /api/settings/letters); the services keep importing it from here
export { LetterSettingsSchema };

/** Each problem of a settings value as 'path: message', for the Vietnamese error's details. */
export function settingsProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
}

/** Validates letter settings; AppError VALIDATION_FAILED with every problem listed. */
export function parseLetterSettings(
  value: unknown,
  what = 'Cấu hình công văn đôn đốc',
): StoredLetterSettings {
  const parsed = LetterSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const problems = settingsProblems(parsed.error);
    throw new AppError('VALIDATION_FAILED', `${what} không hợp lệ: ${problems.join('; ')}.`, {
      issues: problems,
    });
  }
  return parsed.data;
}

/** 'Ủy ban nhân dân tỉnh Tây Ninh' → ỦY BAN NHÂN DÂN / TỈNH TÂY NINH. */
function issuerOf(authority: { name: string; place: string }) {
  const name = authority.name.normalize('NFC').trim();
  const m = /^(ủy|uỷ) ban nhân dân\s+(.+)$/iu.exec(name);
  return {
    parent: m ? 'ỦY BAN NHÂN DÂN' : '',
    name: (m?.[2] ?? name).toLocaleUpperCase('vi'),
    place: authority.place,
  };
}

/** The settings the next letter uses: the stored ones over the defaults. */
export function effectiveLetterSettings(
  authority: { name: string; place: string },
  s: StoredLetterSettings,
): LetterSettings {
  return {
    issuer: { ...issuerOf(authority), ...s.issuer },
    symbol: s.symbol ?? 'UBND-VP',
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: '', ...s.signer },
    // the report to the Chairman is the Office's: its head signs (docs/domain-rules.md §8)
    reportSigner: { authority: '', title: 'CHÁNH VĂN PHÒNG', name: '', ...s.reportSigner },
    recipients: s.recipients ?? ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
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
