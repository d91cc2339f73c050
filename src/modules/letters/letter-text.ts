/**
 * The Vietnamese wording of the reminder letter (công văn đôn đốc), independent of any file
 * format: the .docx generator lays these strings out, the in-app notice can show them as they are.
 */
import { dateParts, formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { numberLine } from '../../shared/letter-forms.ts';
import type { ReminderLetterInput } from './letter-input.ts';

export interface LetterParts {
  /** Trích yếu: 'V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND'. */
  abstract: string;
  /** 'Số: 04/VP-KSTT'; 'Số:       /VP-KSTT' without a number */
  numberLine: string;
  /** 'Tây Ninh, ngày 15 tháng 02 năm 2021'; a draft's 'Tây Ninh, ngày      tháng      năm 2021' */
  placeAndDate: string;
  /** ['Kính gửi: Sở Tư pháp.'], or for several ['Kính gửi:', '- Sở Tư pháp;', '- Sở Nội vụ.'] */
  salutation: string[];
  /** Cites the plan(s) by number, date and title. */
  opening: string;
  /** 'Theo dõi của Văn phòng UBND tỉnh, đến ngày …, các nhiệm vụ sau …:' */
  lead: string;
  /** One line per overdue task, for plain-text renderings (the letter prints a table instead). */
  itemLines: string[];
  /** The plan's consequence sentence as written, after 'Kế hoạch số … đã lưu ý:'; '' when none is given. */
  consequence: string;
  /** The request to report by a date and to raise difficulties; ends the body with './.'. */
  request: string;
  /** Nơi nhận, each '- …;' and the last '- Lưu: VT, KSTT.'. */
  recipientLines: string[];
}

const DOCUMENT_KINDS: Record<string, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  CTr: 'Chương trình',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  ĐA: 'Đề án',
  BC: 'Báo cáo',
};

/** 'Kế hoạch' for '87/KH-UBND'; 'Công văn' for '123/UBND-VP' (a công văn has no type abbreviation). */
export function documentKind(number: string): string {
  const symbol = number.normalize('NFC').split('/')[1] ?? '';
  const parts = symbol.split('-');
  const kind = parts.length > 1 ? DOCUMENT_KINDS[parts[0] ?? ''] : undefined;
  if (kind) return kind;
  return parts.length > 1 ? 'Công văn' : 'Văn bản';
}

/** NĐ 30/2020: days below 10 and the months 1 and 2 take a leading zero ('ngày 05 tháng 02', 'tháng 3'). */
export function dateInWords(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

const LEVELS = ['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'ĐẶC KHU', 'TỈNH', 'HUYỆN', 'QUẬN', 'PHƯỜNG', 'XÃ'];

/** 'UBND tỉnh' for ỦY BAN NHÂN DÂN / TỈNH TÂY NINH, as the body of a letter refers to its issuer. */
export function shortAuthority(issuer: { parent: string; name: string }): string {
  const name = issuer.name.normalize('NFC').trim().toLocaleUpperCase('vi');
  const level = LEVELS.find((l) => name === l || name.startsWith(`${l} `)) ?? name;
  const parent = issuer.parent.normalize('NFC').trim().toLocaleUpperCase('vi');
  const parentShort = /^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(parent) ? 'UBND' : issuer.parent.trim();
  return `${parentShort} ${level.toLocaleLowerCase('vi')}`;
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[\s.;]+$/u, '');
}

/** Lower-cases the title's first letter unless it opens an acronym ('Xây dựng' → 'xây dựng', 'CCHC' kept). */
function titleInSentence(title: string): string {
  const t = withoutFinalStop(title);
  const [first = '', second = ''] = [...t];
  return second && second === second.toLocaleLowerCase('vi')
    ? first.toLocaleLowerCase('vi') + t.slice(first.length)
    : t;
}

/** 'Kế hoạch số 87/KH-UBND'; several → 'các Kế hoạch số 87/KH-UBND, 120/KH-UBND và Quyết định số 3/QĐ-UBND'. */
export function citePlans(numbers: string[]): string {
  const groups = new Map<string, string[]>();
  for (const n of new Set(numbers)) {
    const kind = documentKind(n);
    groups.set(kind, [...(groups.get(kind) ?? []), n]);
  }
  const cited = [...groups].map(([kind, ns]) => `${ns.length > 1 ? 'các ' : ''}${kind} số ${ns.join(', ')}`);
  return cited.length > 1 ? `${cited.slice(0, -1).join(', ')} và ${cited.at(-1)}` : (cited[0] ?? '');
}

/** Nơi nhận: '- Như trên;' … ending with the filing line '- Lưu: VT, <division>.' (added when missing). */
export function recipientLines(recipients: string[], division = 'VP'): string[] {
  const clean = recipients
    .map((r) => withoutFinalStop(r.replace(/^\s*[-–•]\s*/u, '')))
    .filter((r) => r !== '');
  const isFiling = (r: string) => /^lưu\s*:/iu.test(r);
  const filing = clean.filter(isFiling).at(-1) ?? `Lưu: VT, ${division}`;
  const list = [...clean.filter((r) => !isFiling(r)), filing];
  return list.map((r, i) => `- ${r}${i === list.length - 1 ? '.' : ';'}`);
}

/** 'Tây Ninh, ngày 15 tháng 02 năm 2021'; without a date, the blanks the văn thư fills in on the day. */
export function placeAndDate(place: string, date: LocalDate | null, year: number): string {
  return `${place}, ${date === null ? `ngày      tháng      năm ${year}` : dateInWords(date)}`;
}

/** Kính gửi: one addressee on the line, several as a list under it (NĐ 30, Phụ lục I). */
export function salutationLines(addressees: string[]): string[] {
  const names = addressees.map(withoutFinalStop);
  if (names.length === 1) return [`Kính gửi: ${names[0]}.`];
  return ['Kính gửi:', ...names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`)];
}

export function letterParts(input: ReminderLetterInput): LetterParts {
  const authority = input.authority;
  const office = `Văn phòng ${authority}`;
  const one = input.addressees.length === 1;
  const recipient = one ? withoutFinalStop(input.addressees[0] ?? '') : 'các cơ quan, đơn vị';
  const plans = [...new Map(input.plans.map((p) => [p.number, p])).values()];
  const planNumbers = plans.length > 0 ? plans.map((p) => p.number) : input.items.map((i) => i.plan);
  const several = input.items.length > 1;

  const citations = plans.map(
    (p) =>
      `${documentKind(p.number)} số ${p.number} ngày ${formatVietnameseDate(p.issuedOn)} về ${titleInSentence(p.title)}`,
  );
  const consequence = withoutFinalStop(input.consequence);
  const planRef = planNumbers.length > 1 ? 'Các văn bản nêu trên' : citePlans(planNumbers);

  return {
    abstract: `V/v đôn đốc thực hiện nhiệm vụ tại ${citePlans(planNumbers)}`,
    numberLine: numberLine(input.number, input.symbol),
    placeAndDate: placeAndDate(
      input.issuer.place,
      input.issuedOn,
      dateParts(input.issuedOn ?? input.asOf).year,
    ),
    salutation: salutationLines(input.addressees),
    opening:
      `Tại ${citations.join('; ')}, ${authority} đã giao ${recipient} chủ trì thực hiện ` +
      'các nhiệm vụ với thời hạn hoàn thành cụ thể.',
    lead:
      `Theo dõi của ${office}, đến ngày ${formatVietnameseDate(input.asOf)}, ` +
      `${several ? 'các nhiệm vụ sau' : 'nhiệm vụ sau'} đã quá thời hạn nhưng ${authority} chưa nhận được kết quả:`,
    itemLines: input.items.map(
      (item, i) =>
        `${i + 1}. ${one ? '' : `${item.agency}: `}Nhiệm vụ ${item.task} tại ${citePlans([item.plan])}: ` +
        `${withoutFinalStop(item.content)} ` +
        `(thời hạn ${formatVietnameseDate(item.dueOn)}, quá hạn ${item.daysOverdue} ngày).`,
    ),
    consequence: consequence === '' ? '' : `${planRef} đã lưu ý: ${consequence}.`,
    request:
      `Đề nghị ${recipient} khẩn trương hoàn thành ${several ? 'các nhiệm vụ' : 'nhiệm vụ'} nêu trên, ` +
      `gửi kết quả về ${authority} (qua ${office}) trước ngày ${formatVietnameseDate(input.reportBy)}; ` +
      `trường hợp có khó khăn, vướng mắc, kịp thời phản ánh về ${office} để tổng hợp, ` +
      `báo cáo ${authority} xem xét, chỉ đạo./.`,
    recipientLines: recipientLines(input.recipients, input.division),
  };
}

/** The body as plain paragraphs: opening, lead, one line per task, consequence, request. */
export function bodyParagraphs(parts: LetterParts): string[] {
  return [parts.opening, parts.lead, ...parts.itemLines, parts.consequence, parts.request].filter(
    (p) => p !== '',
  );
}

/** The letter's Vietnamese text: the trích yếu and the body paragraphs (the tasks as one line each). */
export function reminderLetterText(input: ReminderLetterInput): { abstract: string; body: string[] } {
  const parts = letterParts(input);
  return { abstract: parts.abstract, body: bodyParagraphs(parts) };
}
