/**
 * What a reminder letter says (reminder-letter.ts renders it, letter-text.ts and letter-blocks.ts
 * write its parts): who writes to whom, when, about which overdue tasks, and who signs.
 */
import type { LocalDate } from '../../domain/dates.ts';

/** The facts of one công văn đôn đốc, as the sweep gathers them (docs/domain-rules.md §6.1). */
export interface ReminderLetterInput {
  /**
   * The issuer block as printed: the parent line in regular type, the name (one line per '\n') in bold —
   * { parent: 'UBND TỈNH TÂY NINH', name: 'VĂN PHÒNG' } for the Office's letter, { parent: '', name:
   * 'ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH' } for the UBND's; place 'Tây Ninh'.
   */
  issuer: { parent: string; name: string; place: string };
  /** How the body names the People's Committee: 'UBND tỉnh'. */
  authority: string;
  /** The outgoing register's number: 4 → 'Số: 04/VP-KSTT'; null → 'Số:       /VP-KSTT' (a draft, or for the văn thư). */
  number: number | null;
  /** 'VP-KSTT' (a công văn carries no type abbreviation). */
  symbol: string;
  /** The letter's date → 'Tây Ninh, ngày 15 tháng 02 năm 2021'; null while it is a draft (left blank). */
  issuedOn: LocalDate | null;
  /** ['Sở Tư pháp'] → 'Kính gửi: Sở Tư pháp.'; several → 'Kính gửi:' and one '- …;' line each. */
  addressees: string[];
  /** The plans concerned, cited in the trích yếu and the opening. */
  plans: { number: string; issuedOn: LocalDate; title: string }[];
  /** The overdue tasks, grouped by their agency (an addressee) in the order the table lists them. */
  items: {
    agency: string;
    plan: string;
    task: string;
    content: string;
    dueOn: LocalDate;
    daysOverdue: number;
  }[];
  /** The plan's consequence sentence (its 'Lưu ý'), quoted in the letter. */
  consequence: string;
  /** e.g. { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: '…' }; lines split on '\n'. */
  signer: { authority: string; title: string; name: string };
  /** Nơi nhận by role, e.g. ['Như trên', 'Chủ tịch, các PCT UBND tỉnh (b/c)', 'CVP, các PCVP']. */
  recipients: string[];
  /** The drafting division: the filing line 'Lưu: VT, KSTT.'. */
  division: string;
  /** The day the tasks were found overdue ('đến ngày …'): the reminders' date. */
  asOf: LocalDate;
  /** The date the results are requested by. */
  reportBy: LocalDate;
}
