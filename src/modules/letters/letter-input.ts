/**
 * What a reminder letter says (reminder-letter.ts renders it, letter-text.ts and letter-blocks.ts
 * write its parts): who writes to whom, when, about which overdue tasks, and who signs.
 */
import type { LocalDate } from '../../domain/dates.ts';

/** The facts of one công văn đôn đốc, as the sweep gathers them. */
export interface ReminderLetterInput {
  /** e.g. { parent: 'ỦY BAN NHÂN DÂN', name: 'TỈNH TÂY NINH', place: 'Tây Ninh' } */
  issuer: { parent: string; name: string; place: string };
  /** The yearly counter: 12 → 'Số: 12/UBND-VP'. */
  number: number;
  /** 'UBND-VP' (a công văn carries no type abbreviation). */
  symbol: string;
  /** The letter's date → 'Tây Ninh, ngày 15 tháng 02 năm 2021'. */
  issuedOn: LocalDate;
  /** 'Sở Tư pháp' → 'Kính gửi: Sở Tư pháp.' */
  recipient: string;
  /** The plans concerned, cited in the trích yếu and the opening. */
  plans: { number: string; issuedOn: LocalDate; title: string }[];
  /** The overdue tasks, in the order the table lists them. */
  items: { plan: string; task: string; content: string; dueOn: LocalDate; daysOverdue: number }[];
  /** The plan's consequence sentence (its 'Lưu ý'), quoted in the letter. */
  consequence: string;
  /** e.g. { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Mạnh Hùng' }; '' authority for the Chairman. */
  signer: { authority: string; title: string; name: string };
  /** Nơi nhận, e.g. ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP']; always ends with 'Lưu: VT, VP.'. */
  recipients: string[];
  /** The day the tasks were found overdue ('đến ngày …'); default `issuedOn`. */
  asOf?: LocalDate;
  /** The date the results are requested by; default `issuedOn` + 7 days. */
  reportBy?: LocalDate;
}
