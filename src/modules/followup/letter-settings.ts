import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { CONSEQUENCE_87 } from '../letters/sample-letter.ts';

const Text = z.string().trim().max(200);

/**
 * The reminder letter's per-authority settings, kept in `authority.settings.letters` (jsonb):
 * issuer block, number symbol, signer, "Nơi nhận", the consequence sentence and the report delay.
 * Everything is optional; what is missing takes the defaults of `letterSettingsOf`. The same schema
 * validates the stored value, PUT /api/settings/letters and `dondoc settings letters`.
 */
export const LetterSettingsSchema = z
  .object({
    issuer: z
      .object({ parent: Text, name: Text.min(1), place: Text.min(1) })
      .partial()
      .strict()
      .optional()
      .describe('khối cơ quan ban hành: parent "ỦY BAN NHÂN DÂN", name "TỈNH TÂY NINH", place "Tây Ninh"'),
    /** 'UBND-VP' → 'Số: 12/UBND-VP' */
    symbol: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{N}.\-–]+$/u, 'chỉ gồm chữ, số, dấu chấm và gạch ngang, ví dụ UBND-VP')
      .optional()
      .describe('ký hiệu sau số công văn: "UBND-VP" → "Số: 12/UBND-VP"'),
    signer: z
      .object({ authority: Text, title: Text, name: Text })
      .partial()
      .strict()
      .optional()
      .describe('người ký: authority "KT. CHỦ TỊCH" (trống khi Chủ tịch ký), title "PHÓ CHỦ TỊCH", name'),
    recipients: z
      .array(z.string().trim().min(1).max(200))
      .max(30)
      .optional()
      .describe('Nơi nhận, sau "Như trên"; dòng "Lưu: VT, VP." được thêm cuối nếu thiếu'),
    /** quoted after 'Kế hoạch số … đã lưu ý:'; '' to leave the paragraph out */
    consequence: z.string().trim().max(2000).optional().describe('câu lưu ý của kế hoạch; "" để bỏ đoạn này'),
    /** days from the letter's date to the date the results are requested by */
    reportWithinDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

export type StoredLetterSettings = z.infer<typeof LetterSettingsSchema>;

export interface LetterSettings {
  issuer: { parent: string; name: string; place: string };
  symbol: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  consequence: string;
  reportWithinDays: number;
}

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
    recipients: s.recipients ?? ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
    // the seed plan's rule (docs/domain-rules.md §6), which is how dondoc counts written reminders
    consequence: s.consequence ?? CONSEQUENCE_87,
    reportWithinDays: s.reportWithinDays ?? 7,
  };
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
