/**
 * What the Office writes into a report before exporting it (docs/domain-rules.md §8): the number, date,
 * addressee, signer, Nơi nhận and four free-text sections. Stored per authority, period and plan
 * (report_draft); every field is optional and a missing one takes the default below.
 */
import { type ReportDraftInput, ReportDraftSchema } from '../../shared/schemas/report.ts';

export { type ReportDraftInput, ReportDraftSchema };

export interface ReportDraft {
  number: string;
  issuedOn: string | null;
  addressee: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  overview: string;
  obstacles: string;
  proposals: string;
  nextSteps: string;
}

export type ReportSigner = ReportDraft['signer'];

/** The defaults; the signer is the one of the Office's settings (`letters.reportSigner`, letter-settings.ts). */
export function defaultDraft(
  signer: ReportSigner = { authority: '', title: 'CHÁNH VĂN PHÒNG', name: '' },
): ReportDraft {
  return {
    number: '',
    issuedOn: null,
    addressee: 'Chủ tịch Ủy ban nhân dân tỉnh',
    signer: { ...signer },
    recipients: ['Chủ tịch, các PCT UBND tỉnh', 'LĐVP', 'Lưu: VT, VP'],
    overview: '',
    obstacles: '',
    proposals: '',
    nextSteps: '',
  };
}

/** A stored or submitted draft over the defaults (a partial signer keeps the other defaults). */
export function completeDraft(
  input: ReportDraftInput | Record<string, unknown>,
  signer?: ReportSigner,
): ReportDraft {
  const parsed = ReportDraftSchema.safeParse(input);
  const d = parsed.success ? parsed.data : {};
  const base = defaultDraft(signer);
  return {
    ...base,
    ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)),
    signer: { ...base.signer, ...d.signer },
  } as ReportDraft;
}
