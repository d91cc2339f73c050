/**
 * What the Office writes into a report before exporting it (docs/domain-rules.md §8): the number, date,
 * addressee, signer, Nơi nhận and four free-text sections. Stored per authority, period and plan
 * (report_draft); every field is optional and a missing one takes the default below.
 */
import { z } from 'zod';
import { LocalDateSchema } from '../../shared/schemas/common.ts';

const Text = (max: number) => z.string().max(max);

export const ReportDraftSchema = z.strictObject({
  /** the number in 'Số: 15/BC-VP'; '' leaves the blank the văn thư fills in when registering it */
  number: Text(20).regex(/^\d*$/u, 'Số báo cáo chỉ gồm chữ số (để trống nếu chưa cấp số).').optional(),
  /** the date printed under the Quốc hiệu; default the report's as-of date */
  issuedOn: LocalDateSchema.nullable().optional(),
  /** 'Kính gửi: …' */
  addressee: Text(300).optional(),
  signer: z
    .strictObject({ authority: Text(100), title: Text(100), name: Text(100) })
    .partial()
    .optional(),
  /** Nơi nhận, one line each; '- Lưu: VT, VP.' is added when missing */
  recipients: z.array(Text(200).min(1)).max(30).optional(),
  /** Đánh giá chung: the Office's assessment, printed under the totals */
  overview: Text(20_000).optional(),
  /** Nhận xét về khó khăn, vướng mắc, printed after the obstacles list */
  obstacles: Text(20_000).optional(),
  /** Đề xuất, kiến nghị */
  proposals: Text(20_000).optional(),
  /** Nhiệm vụ trọng tâm thời gian tới */
  nextSteps: Text(20_000).optional(),
});

export type ReportDraftInput = z.infer<typeof ReportDraftSchema>;

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

export function defaultDraft(): ReportDraft {
  return {
    number: '',
    issuedOn: null,
    addressee: 'Chủ tịch Ủy ban nhân dân tỉnh',
    signer: { authority: '', title: 'CHÁNH VĂN PHÒNG', name: '' },
    recipients: ['Chủ tịch, các PCT UBND tỉnh', 'LĐVP', 'Lưu: VT, VP'],
    overview: '',
    obstacles: '',
    proposals: '',
    nextSteps: '',
  };
}

/** A stored or submitted draft over the defaults (a partial signer keeps the other defaults). */
export function completeDraft(input: ReportDraftInput | Record<string, unknown>): ReportDraft {
  const parsed = ReportDraftSchema.safeParse(input);
  const d = parsed.success ? parsed.data : {};
  const base = defaultDraft();
  return {
    ...base,
    ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)),
    signer: { ...base.signer, ...d.signer },
  } as ReportDraft;
}
