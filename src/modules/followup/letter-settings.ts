import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { CONSEQUENCE_87 } from '../letters/sample-letter.ts';

/**
 * The reminder letter's per-authority settings, kept in `authority.settings.letters` (jsonb):
 * issuer block, number symbol, signer, "Nơi nhận", the consequence sentence and the report delay.
 * Everything is optional; what is missing takes the defaults below.
 */
const LetterSettingsSchema = z
  .object({
    issuer: z.object({ parent: z.string(), name: z.string(), place: z.string() }).partial().optional(),
    /** 'UBND-VP' → 'Số: 12/UBND-VP' */
    symbol: z.string().min(1).max(40).optional(),
    signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }).partial().optional(),
    recipients: z.array(z.string().min(1)).max(30).optional(),
    /** quoted after 'Kế hoạch số … đã lưu ý:'; '' to leave the paragraph out */
    consequence: z.string().max(2000).optional(),
    /** days from the letter's date to the date the results are requested by */
    reportWithinDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

export interface LetterSettings {
  issuer: { parent: string; name: string; place: string };
  symbol: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  consequence: string;
  reportWithinDays: number;
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

export function letterSettingsOf(authority: {
  name: string;
  place: string;
  settings: Record<string, unknown>;
}): LetterSettings {
  const parsed = LetterSettingsSchema.safeParse(authority.settings.letters ?? {});
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Cấu hình công văn đôn đốc (authority.settings.letters) không hợp lệ.',
      { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    );
  }
  const s = parsed.data;
  return {
    issuer: { ...issuerOf(authority), ...s.issuer },
    symbol: s.symbol ?? 'UBND-VP',
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: '', ...s.signer },
    recipients: s.recipients ?? ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
    // the seed plan's rule (DOMAIN.md §6), which is how dondoc counts written reminders
    consequence: s.consequence ?? CONSEQUENCE_87,
    reportWithinDays: s.reportWithinDays ?? 7,
  };
}
