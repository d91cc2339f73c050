/**
 * The correction notice's text (docs/domain-rules.md §6.1): a reminder withdrawn after the letter that
 * carried it was issued is corrected in writing to the agency. Pure: input in, text out; the .docx is
 * correction-notice.ts's, loaded only where a notice is rendered (letter-render.ts).
 */
import { formatVietnameseDate as d, dateParts, type LocalDate } from '../../domain/dates.ts';
import { numberLine } from '../../shared/letter-forms.ts';
import type { ReminderLetterInput } from './letter-input.ts';
import { citePlans, placeAndDate, recipientLines, salutationLines } from './letter-text.ts';

export interface CorrectionNoticeInput
  extends Pick<
    ReminderLetterInput,
    'issuer' | 'authority' | 'symbol' | 'signer' | 'recipients' | 'division'
  > {
  /** who writes, as the body names it: 'Văn phòng UBND tỉnh' for the Office's letter, else 'UBND tỉnh' */
  writer: string;
  number: number | null;
  /** null while a draft */
  issuedOn: LocalDate | null;
  /** the day the withdrawal was drafted (a draft's year) */
  draftedOn: LocalDate;
  addressee: string;
  /** the letter corrected, as registered */
  corrected: { number: number | null; symbol: string; issuedOn: LocalDate; abstract: string };
  /** the withdrawn reminders, each with the reason recorded */
  items: { plan: string; task: string; reason: string }[];
}

/** 'Công văn số 04/VP-KSTT ngày 15/02/2021' */
function citeLetter(c: CorrectionNoticeInput['corrected']): string {
  const number = numberLine(c.number, c.symbol).slice(4).trim();
  return `Công văn số ${number} ngày ${d(c.issuedOn)}`;
}

export function correctionParts(input: CorrectionNoticeInput) {
  const letter = citeLetter(input.corrected);
  const several = input.items.length > 1;
  const tasks = several ? 'các nhiệm vụ' : 'nhiệm vụ';
  const abstract = input.corrected.abstract.replace(/^V\/v\s+/u, '');
  return {
    abstract: `V/v điều chỉnh nội dung ${letter}`,
    numberLine: numberLine(input.number, input.symbol),
    placeAndDate: placeAndDate(
      input.issuer.place,
      input.issuedOn,
      dateParts(input.issuedOn ?? input.draftedOn).year,
    ),
    salutation: salutationLines([input.addressee]),
    body: [
      `Tại ${letter} về việc ${abstract}, ${input.writer} đã đôn đốc ${input.addressee} ` +
        `thực hiện ${tasks} dưới đây và tính là nhắc nhở bằng văn bản.`,
      `Qua rà soát, ${tasks} sau không thuộc trường hợp nhắc nhở bằng văn bản:`,
      ...input.items.map(
        (i) =>
          `- Nhiệm vụ ${i.task} tại ${citePlans([i.plan])}: ${i.reason.trim().replace(/[\s.;]+$/u, '')}.`,
      ),
      `${input.writer} điều chỉnh: không tính ${tasks} nêu trên là nhắc nhở bằng văn bản đối với ` +
        `${input.addressee}; các nội dung khác tại ${letter} giữ nguyên./.`,
    ],
    recipientLines: recipientLines(input.recipients, input.division),
  };
}

/** The notice's text: the trích yếu and the body paragraphs. */
export function correctionNoticeText(input: CorrectionNoticeInput): { abstract: string; body: string[] } {
  const parts = correctionParts(input);
  return { abstract: parts.abstract, body: parts.body };
}
