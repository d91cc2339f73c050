/**
 * The forms a công văn đôn đốc may take (issue #14 §2, docs/domain-rules.md §6.1) and the rules of its
 * number line and signature block, shared by the server (letters, settings) and the SPA (preview).
 */

/**
 * - `office`: a letter of the Office itself — UBND TỈNH … / VĂN PHÒNG, `Số: …/VP-KSTT`,
 *   KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG (the default);
 * - `ubnd-tl`: a letter of the UBND the Chánh Văn phòng signs on the Chairman's order — TL. CHỦ TỊCH /
 *   CHÁNH VĂN PHÒNG;
 * - `ubnd-kt`: a letter of the UBND a Vice-Chairman signs — TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
 */
export const LETTER_FORMS = ['office', 'ubnd-tl', 'ubnd-kt'] as const;
export type LetterForm = (typeof LETTER_FORMS)[number];

export interface LetterFormPreset {
  /** Vietnamese label of the form, as the settings list it */
  label: string;
  /** the letter is the Office's own (issuer UBND TỈNH … / VĂN PHÒNG), else the UBND's */
  byOffice: boolean;
  /** the symbol before the division: 'VP' → 'VP-KSTT' */
  symbolPrefix: string;
  signer: { authority: string; title: string };
  /** Nơi nhận before the filing line */
  recipients: string[];
}

export const LETTER_FORM_PRESETS: Record<LetterForm, LetterFormPreset> = {
  office: {
    label: 'Công văn của Văn phòng (KT. Chánh Văn phòng ký)',
    byOffice: true,
    symbolPrefix: 'VP',
    signer: { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG' },
    recipients: ['Như trên', 'Chủ tịch, các PCT UBND tỉnh (b/c)', 'CVP, các PCVP'],
  },
  'ubnd-tl': {
    label: 'Công văn của UBND tỉnh (TL. Chủ tịch, Chánh Văn phòng ký)',
    byOffice: false,
    symbolPrefix: 'UBND',
    signer: { authority: 'TL. CHỦ TỊCH', title: 'CHÁNH VĂN PHÒNG' },
    recipients: ['Như trên', 'Chủ tịch, các PCT UBND tỉnh (b/c)', 'LĐVP'],
  },
  'ubnd-kt': {
    label: 'Công văn của UBND tỉnh (KT. Chủ tịch, Phó Chủ tịch ký)',
    byOffice: false,
    symbolPrefix: 'UBND',
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
    recipients: ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
  },
};

/**
 * The issuer block of a form, from the province's line (TỈNH TÂY NINH): the UBND's own name in bold on
 * two lines, or for the Office its parent above (UBND TỈNH TÂY NINH / VĂN PHÒNG).
 */
export function issuerForForm(level: string, place: string, form: LetterForm) {
  return LETTER_FORM_PRESETS[form].byOffice
    ? { parent: `UBND ${level}`, name: 'VĂN PHÒNG', place }
    : { parent: '', name: `ỦY BAN NHÂN DÂN\n${level}`, place };
}

/** The province's line of an issuer block of either form: 'TỈNH TÂY NINH'. */
export function issuerLevel(issuer: { parent: string; name: string }): string {
  const lines = [...issuer.parent.split('\n'), ...issuer.name.split('\n')]
    .map((l) => l.trim())
    .filter(Boolean);
  const parent = lines.find((l) => /^UBND\s/u.test(l));
  return parent ? parent.replace(/^UBND\s+/u, '') : (lines.at(-1) ?? '');
}

/** The signature block's title lines (authority then title, each may hold several lines), upper case. */
export function signerTitles(signer: { authority?: string; title?: string }): string[] {
  return [...(signer.authority ?? '').split('\n'), ...(signer.title ?? '').split('\n')]
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.toLocaleUpperCase('vi'));
}

/**
 * Why a signature block is not one a letter may carry (§6.1), or null: it needs a title, and the
 * Chairman signs a letter of the UBND "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" — never "CHỦ TỊCH" alone; a
 * letter of the Office is signed by its Chánh Văn phòng (or for him), never for the Chairman.
 */
export function signatureProblem(form: LetterForm, signer: { authority?: string; title?: string }) {
  const lines = signerTitles(signer);
  if (lines.length === 0) return 'Thiếu chức vụ người ký.';
  const chairman = lines.indexOf('CHỦ TỊCH');
  if (chairman >= 0 && !lines.slice(0, chairman).includes('TM. ỦY BAN NHÂN DÂN')) {
    return 'Không ghi "CHỦ TỊCH" một mình: Chủ tịch ký "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".';
  }
  if (LETTER_FORM_PRESETS[form].byOffice && lines.some((l) => l.includes('CHỦ TỊCH'))) {
    return 'Công văn của Văn phòng do Chánh Văn phòng ký (hoặc KT. Chánh Văn phòng): không ký thay Chủ tịch.';
  }
  return null;
}

/** NĐ 30: numbers below 10 take a leading zero ('04'); no number yet leaves room for the văn thư. */
export function numberLine(number: number | null, symbol: string): string {
  return `Số: ${number === null ? '       ' : String(number).padStart(2, '0')}/${symbol}`;
}
