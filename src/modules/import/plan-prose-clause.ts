/**
 * The sentences of a prose plan that assign work: attribute lines under an item ("- Cơ quan chủ trì: …",
 * "- Cơ quan thực hiện: X chủ trì, phối hợp với Y", "- Thời gian hoàn thành: …", "- Sản phẩm: …"), the
 * same attributes inside the item's paragraph, the inline clause at the end of an item ("…, giao X chủ
 * trì, phối hợp với Y thực hiện, hoàn thành trước ngày …") and an item addressed to an agency ("Sở Y tế:
 * …"). Pure string functions; names come out as written (the directory matcher splits them).
 */
import { foldVietnamese } from '../../domain/vietnamese-text.ts';

/** What an attribute line sets: 'assignee' is "Cơ quan thực hiện" (lead, and support after "phối hợp"). */
export type AttributeField = 'assignee' | 'lead' | 'support' | 'deadline' | 'product';

export interface Attribute {
  field: AttributeField;
  value: string;
}

export interface Assignment {
  /** the item's text before the assigning clause, trailing punctuation removed */
  content: string;
  lead: string;
  support: string;
  /** as written, without "hoàn thành" and without a final '.' ('' when the clause has none) */
  deadline: string;
}

/** Attribute labels, folded (lower case, no diacritics), matched on the text before the first ':'. */
const LABELS: ReadonlyArray<readonly [AttributeField, RegExp]> = [
  [
    'lead',
    /^(?:co quan|don vi|cq|dv) chu tri(?: thuc hien| soan thao| xay dung)?$|^chu tri(?: thuc hien)?$/u,
  ],
  ['support', /^(?:co quan|don vi|cq|dv) phoi hop(?: thuc hien)?$|^phoi hop(?: thuc hien)?$/u],
  [
    'assignee',
    /^(?:cac )?(?:co quan|don vi)(?:,? don vi)?(?: to chuc)? (?:thuc hien|trien khai)$|^(?:trach nhiem|phan cong) thuc hien$|^phan cong$|^(?:co quan|don vi) chu tri,? (?:va )?phoi hop$/u,
  ],
  [
    'deadline',
    /^thoi (?:gian|han)(?: (?:hoan thanh|thuc hien|trinh|ban hanh))?$|^tien do(?: (?:thuc hien|hoan thanh))?$/u,
  ],
  ['product', /^(?:san pham|ket qua)(?:\s*\/\s*(?:san pham|ket qua))?(?: (?:dau ra|chu yeu))?$/u],
];
const BULLET = /^[-–—+•*]\s*/u;
const LABEL_HEAD = /^([^:]{2,40}):\s*/u;
/** A second label inside the same line: "…; Cơ quan phối hợp: …", "…. Thời hạn: …". */
const NEXT_LABEL = /[;.,]\s+(?=[^:;.,]{2,40}:)/gu;

/** "- Cơ quan chủ trì: Bộ Công an; Thời hạn: Quý I/2024." → its attributes, or null when not one. */
export function matchAttributes(line: string): Attribute[] | null {
  const body = line.trim().replace(BULLET, '');
  if (!attributeAt(body)) return null;
  const attributes: Attribute[] = [];
  let rest = body;
  for (;;) {
    const head = attributeAt(rest);
    if (!head) break;
    const value = rest.slice(head.length);
    const next = [...value.matchAll(NEXT_LABEL)].find((m) => attributeAt(value.slice(m.index + m[0].length)));
    if (!next) {
      attributes.push({ field: head.field, value: value.trim() });
      break;
    }
    // a '.' ends the value's sentence and stays ("Quý I/2024."); a ';' or ',' only separates
    const end = next.index + (value[next.index] === '.' ? 1 : 0);
    attributes.push({ field: head.field, value: value.slice(0, end).trim() });
    rest = value.slice(next.index + next[0].length);
  }
  return attributes;
}

/**
 * Attributes written inside the item's own paragraph: "Xây dựng Đề án X. Cơ quan chủ trì: Sở A;
 * thời hạn: Quý II/2021." or "… (cơ quan chủ trì: Sở A, thời hạn: 2024)" → the text before them and
 * the attributes, when they name a lead; else null.
 */
export function attributesInText(text: string): { content: string; attributes: Attribute[] } | null {
  for (const m of text.matchAll(/[.;(]\s*(?=[^:;.()]{2,40}:)/gu)) {
    const bracket = m[0].startsWith('(');
    const tail = text.slice(m.index + m[0].length);
    const attributes = matchAttributes(bracket ? tail.replace(/\)[\s.;,]*$/u, '') : tail);
    if (!attributes?.some((a) => a.field === 'lead' || a.field === 'assignee')) continue;
    return { content: trimEnd(text.slice(0, m.index)), attributes };
  }
  return null;
}

function attributeAt(text: string): { field: AttributeField; length: number } | null {
  const m = LABEL_HEAD.exec(text);
  if (!m) return null;
  const label = foldVietnamese(m[1] ?? '');
  const found = LABELS.find(([, re]) => re.test(label));
  return found ? { field: found[0], length: m[0].length } : null;
}

/** Trailing '.', ';', ',' and spaces removed (an agency phrase or a content sentence). */
export function trimEnd(text: string): string {
  return text.replace(/[\s.;,:]+$/u, '').trim();
}

/**
 * "X chủ trì, phối hợp với Y" / "X chủ trì; Y phối hợp" / "X" → lead and support as written.
 * A value without "chủ trì" is all lead (unless it only says who coordinates).
 */
export function splitAssignee(value: string): { lead: string; support: string } {
  const text = trimEnd(value);
  const m = /^(.*?)\s*(?:[(,]\s*)?chủ trì\)?\s*(.*)$/iu.exec(text);
  if (!m) {
    const support = /^(?:phối hợp|phối hợp với)\s*:?\s*(.*)$/iu.exec(text);
    return support ? { lead: '', support: trimEnd(support[1] ?? '') } : { lead: text, support: '' };
  }
  return { lead: trimEnd(m[1] ?? ''), support: supportAfterLead(m[2] ?? '') };
}

/** The text after "chủ trì" → the coordinating agencies ("phối hợp với Y", "; Y phối hợp"). */
function supportAfterLead(tail: string): string {
  const text = trimEnd(tail.replace(/^[\s,;.:-]+/u, ''));
  const after = /^(?:và\s+)?(?:các cơ quan\s+)?phối hợp(?:\s+(?:với|cùng))?\s*:?\s*(.*)$/iu.exec(text);
  if (after) return trimEnd(stripTrailingVerb(after[1] ?? ''));
  const before = /^(.*?)\s*(?:cùng\s+)?phối hợp(?:\s+thực hiện)?$/iu.exec(text);
  // "X (chủ trì), Y": the agencies named after the lead coordinate
  return trimEnd(before ? (before[1] ?? '') : text);
}

/**
 * Verbs that end an agency phrase in running text ("… phối hợp với các cơ quan liên quan thực hiện",
 * "… phối hợp với Sở A, Báo B đẩy mạnh tuyên truyền"): lower case only, since agency names are
 * capitalised ("Ban Tổ chức Tỉnh ủy"); none that a lower-case agency name uses ("quản lý", "phát triển").
 */
const ACTION = `(?:thực hiện|triển khai|tổ chức|tham mưu|xây dựng|hoàn thành|rà soát|nghiên cứu|hướng dẫn|theo dõi|kiểm tra|báo cáo|trình|đề xuất|ban hành|đánh giá|tổng hợp|chỉ đạo|đôn đốc|tiến hành|tập trung|khẩn trương|đẩy mạnh|tăng cường|cung cấp|xử lý|giám sát|bảo đảm|đảm bảo|huy động|bố trí|chuẩn bị|phổ biến|vận động|xác định|cập nhật|nâng cao|hoàn thiện|sửa đổi|bổ sung|điều tra|khảo sát|lồng ghép|phát động|duy trì|ứng dụng|thúc đẩy|sơ kết|tổng kết|tập huấn|thẩm định|soạn thảo|công bố|thu gom|thành lập|lập|xem xét|giải quyết|chủ động|kịp thời|để|nhằm)`;
const VERB = `(?:${ACTION}|trước ngày|trong năm|trong quý|trong tháng|định kỳ|thường xuyên|hằng năm|hàng năm)`;
const VERB_AT = new RegExp(String.raw`\s(?:${VERB})(?![\p{L}\p{N}])`, 'u');
/** An action inside a phrase ("định kỳ 6 tháng báo cáo UBND tỉnh"): no deadline phrase of its own. */
const ACTION_AT = new RegExp(String.raw`\s(?:${ACTION})(?![\p{L}\p{N}])`, 'u');

function stripTrailingVerb(text: string): string {
  const m = VERB_AT.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** Words that introduce the lead in an inline clause: "giao X chủ trì", "đề nghị X chủ trì". */
const INTRODUCER = /(?:^|[\s,;(])((?:[Gg]iao(?:\s+cho)?|[Đđ]ề nghị|[Yy]êu cầu|[Pp]hân công|[Dd]o)\s+)/gu;
const DEADLINE_START =
  /(?<![\p{L}\p{N}])(?:trước ngày|trước|trong năm|trong quý|trong tháng|trong \d+ tháng|trong (?:6|sáu) tháng|chậm nhất|quý\s+[IV]+|tháng\s+\d|năm\s+\d{4}|thường xuyên|hằng năm|hàng năm|định kỳ|giai đoạn\s+\d{4})/iu;

/**
 * The inline assigning clause of an item's text, or null when the text assigns nothing:
 * "…; giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện, hoàn thành trước ngày 30/6/2022"
 * → content "…", lead "Sở Nội vụ", support "các cơ quan liên quan", deadline "trước ngày 30/6/2022".
 */
export function findAssignment(text: string): Assignment | null {
  for (const m of text.matchAll(/chủ trì(?![\p{L}])/giu)) {
    const at = m.index;
    const clause = clauseStart(text, at);
    if (!clause) continue;
    const lead = trimEnd(text.slice(clause.leadFrom, at).replace(/[\s,(]+$/u, ''));
    if (!looksLikeAgency(lead) || (!clause.introduced && !AGENCY_HEAD.test(lead) && !ACRONYM.test(lead)))
      continue;
    const { support, end } = supportInClause(text, at + m[0].length);
    const deadline = deadlineIn(text.slice(end));
    const content = trimEnd(text.slice(0, clause.contentEnd)) || actionAfter(text.slice(end));
    return { content, lead, support, deadline };
  }
  return null;
}

/**
 * An item addressed to an agency, as a Chỉ thị writes them: "Sở Y tế: Chủ trì, phối hợp với Sở Tài chính
 * tổ chức …, hoàn thành trước ngày …" → lead "Sở Y tế", support the agencies after "phối hợp với", the
 * content the action ("Tổ chức …": the opening "Chủ trì, phối hợp với …" and the closing deadline clause
 * dropped, first letter capitalised), the deadline from that closing clause (or "trước ngày …" anywhere).
 */
export function findAddressee(text: string): Assignment | null {
  const m = /^([^:]{3,120}?)\s*:\s*(.*)$/u.exec(text);
  const lead = trimEnd(m?.[1] ?? '');
  if (!m || !looksLikeAgency(lead) || !(AGENCY_HEAD.test(lead) || ACRONYM.test(lead))) return null;
  const rest = (m[2] ?? '').trim();
  const closing = closingDeadline(rest);
  const body = closing ? closing.body : trimEnd(rest);
  const opening = /^chủ trì(?![\p{L}])[\s,;]*/iu.exec(body);
  const coordinate = /phối hợp(?:\s+(?:với|cùng))\s+/iu.exec(body);
  let support = '';
  let action = body;
  if (opening && coordinate?.index === opening[0].length) {
    // "Chủ trì, phối hợp với Sở A, Sở B tổ chức …": the action starts where the agencies end
    const clause = supportInClause(body, opening[0].length);
    support = clause.support;
    action = body.slice(clause.end).replace(/^[\s,;:]+/u, '') || body;
  } else {
    if (coordinate) support = supportInClause(body, coordinate.index).support;
    // "Chủ trì tổ chức …", "Chủ trì, hướng dẫn …": the action after the word
    if (opening && body.length > opening[0].length) action = body.slice(opening[0].length);
  }
  return {
    content: capitalise(trimEnd(action)),
    lead,
    support,
    deadline: closing?.deadline || deadlineInText(rest),
  };
}

/**
 * How a deadline phrase starts in the closing clause of an item ("trước ngày 30/9", "trong quý IV/2023",
 * "thường xuyên", "hằng tháng" …): stricter than DEADLINE_START ("trước mắt", "trước khi" are no deadline).
 */
const TIME_START = String.raw`(?:trước\s+(?:ngày|\d|tháng|quý|năm)|chậm nhất|muộn nhất|trong\s+(?:năm|quý|tháng|tuần|\d+\s+(?:ngày|tháng|năm))|quý\s+[IV]+|tháng\s+\d|năm\s+\d{4}|thường xuyên|liên tục|hằng\s+(?:năm|quý|tháng|tuần)|hàng\s+(?:năm|quý|tháng|tuần)|định kỳ|giai đoạn\s+\d{4}|từ\s+(?:nay|năm|ngày|tháng|quý)|đến\s+(?:hết\s+)?(?:năm|ngày|tháng|quý)|cả năm)`;
/**
 * ", hoàn thành trước ngày …", ", thực hiện thường xuyên", "; định kỳ hằng quý" at the end of the text
 * (a comma inside the phrase only before a number: "trong năm 2023, 2024").
 */
const CLOSING_CLAUSE = new RegExp(
  String.raw`[,;]\s+(?:và\s+)?(?:(?:hoàn thành|thực hiện|triển khai)\s+(?:xong\s+)?(?:việc\s+)?)?(${TIME_START}(?:[^;,]|,\s*(?=\d))*)$`,
  'iu',
);
/**
 * "… báo cáo kết quả về Sở Y tế trước ngày 25 hằng tháng", "… rà soát quy hoạch trong quý II/2024": a
 * dated "trước ngày" or a "trong năm/quý/tháng" with its number that ends the text.
 */
const CLOSING_DATE =
  /\s(?:hoàn thành\s+)?((?:(?:trước|chậm nhất(?:\s+là)?|muộn nhất(?:\s+là)?)(?:\s+ngày)?\s+\d|trong\s+(?:năm|quý|tháng)\s+[\dIVX])[^;,]*)$/iu;

/**
 * The closing deadline clause of an item's text → the text before it and the phrase as written (without
 * "hoàn thành", without a final '.'); null when the text does not end with one.
 */
function closingDeadline(text: string): { body: string; deadline: string } | null {
  const body = text.replace(/[\s.;,/]+$/u, '');
  const m = [CLOSING_CLAUSE.exec(body), CLOSING_DATE.exec(body)]
    .filter((found): found is RegExpExecArray => found !== null && !/\.\s/u.test(found[1] ?? ''))
    .filter((found) => !ACTION_AT.test(found[1] ?? ''))
    .sort((a, b) => a.index - b.index)[0];
  if (!m?.[1]) return null;
  const before = trimEnd(body.slice(0, m.index));
  return before === '' ? null : { body: before, deadline: trimDeadline(m[1]) };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A deadline anywhere in an addressed item: "hoàn thành trước ngày …", "trước ngày 30/6/2024" … */
function deadlineInText(text: string): string {
  for (const clause of text.split(/;\s|\.\s|\.$/u)) {
    const done = /hoàn thành\s+(?:việc\s+)?(.*)$/iu.exec(clause);
    const start = done ? DEADLINE_START.exec(done[1] ?? '') : null;
    if (done && start?.index === 0) return trimDeadline(done[1] ?? '');
    const dated =
      /(?<![\p{L}])(?:trước|chậm nhất|muộn nhất)(?: ngày)?\s+\d{1,2}\/\d{1,2}(?:\/\d{4})?.*$/iu.exec(clause);
    if (dated) return trimDeadline(dated[0]);
  }
  return '';
}

/** Where the lead starts (after "giao" or at the sentence start) and where the content before it ends. */
function clauseStart(
  text: string,
  at: number,
): { leadFrom: number; contentEnd: number; introduced: boolean } {
  const before = text.slice(0, at);
  const intro = [...before.matchAll(INTRODUCER)].at(-1);
  // the last sentence or clause boundary: ". ", "; ", ": ", or the "(" of "… (Bộ Tư pháp chủ trì, …)"
  const boundary = [...before.matchAll(/(?<!(?:^|\s)\p{Lu}{1,3})[.](?=\s)|[;:](?=\s)|\s\(/gu)].at(-1);
  const leadStart = boundary ? boundary.index + boundary[0].length : 0;
  if (intro && intro.index + intro[0].length > leadStart) {
    const leadFrom = intro.index + intro[0].length;
    return {
      leadFrom,
      contentEnd: intro.index + (intro[0].length - (intro[1]?.length ?? 0)),
      introduced: true,
    };
  }
  return { leadFrom: leadStart, contentEnd: boundary ? boundary.index : 0, introduced: false };
}

/**
 * How an agency's name starts, for a lead that no "giao" introduces ("Sở Tư pháp chủ trì …", not
 * "Nâng cao năng lực chủ trì …"); an acronym in capitals (VPCP, NHNN) counts too.
 */
const AGENCY_HEAD =
  /^(?:(?:các|Các)\s+)?(?:sở|bộ|ban|ủy ban|uỷ ban|văn phòng|thanh tra|công an|cục|tổng cục|chi cục|vụ|viện|trường|đài|báo|hội|hiệp hội|liên đoàn|liên hiệp|mặt trận|đoàn|tỉnh đoàn|kho bạc|ngân hàng|cơ quan|đơn vị|địa phương|trung tâm|phòng|tòa án|toà án|bảo hiểm|quỹ|tập đoàn|tổng công ty|công ty|chính phủ|thủ tướng|chủ tịch|giám đốc|thủ trưởng|người đứng đầu|hội đồng|bộ chỉ huy|bộ đội|tỉnh ủy|tỉnh uỷ|huyện ủy|thành ủy|đảng ủy|ubnd|hđnd|bql)(?![\p{Ll}])/iu;
const ACRONYM = /^\p{Lu}[\p{Lu}&.]+(?![\p{Ll}])/u;

/** A lead as written: capitalised or "các …", short, with no verb of the sentence in it. */
function looksLikeAgency(text: string): boolean {
  if (text === '' || text.length > 160) return false;
  if (!/^(?:\p{Lu}|các\s)/u.test(text)) return false;
  return !VERB_AT.test(` ${text}`) && !/\s(?:giao|và giao)\s/u.test(text);
}

/** "…chủ trì[, ]phối hợp với Y[ thực hiện]" → Y, and where the clause goes on (for its deadline). */
function supportInClause(text: string, from: number): { support: string; end: number } {
  const rest = text.slice(from);
  const m = /^[\s,]*(?:và\s+)?phối hợp(?:\s+(?:với|cùng))?\s+/iu.exec(rest);
  if (!m) return { support: '', end: from };
  const start = from + m[0].length;
  const tail = text.slice(start);
  const stop = /[;.](?:\s|$)|\)|,\s*(?:hoàn thành|để|nhằm|bảo đảm)(?![\p{L}])/u.exec(tail);
  const verb = VERB_AT.exec(tail);
  const ends = [stop?.index, verb?.index].filter((i): i is number => i !== undefined);
  const length = ends.length > 0 ? Math.min(...ends) : tail.length;
  return { support: trimEnd(tail.slice(0, length)), end: start + length };
}

/** "X chủ trì, phối hợp với Y tham mưu …, hoàn thành …" (the lead first): the action, without its deadline. */
function actionAfter(rest: string): string {
  const clause = rest.split(/;\s|\.\s|\.$/u)[0] ?? '';
  const done = /,?\s*hoàn thành(?![\p{L}])/iu.exec(clause);
  const start = DEADLINE_START.exec(clause);
  const ends = [done?.index, start?.index].filter((i): i is number => i !== undefined);
  return trimEnd(
    clause.slice(0, ends.length > 0 ? Math.min(...ends) : clause.length).replace(/^[\s,]+/u, ''),
  );
}

/** The deadline phrase in the rest of the clause: after "hoàn thành", or from "trước ngày", "trong năm" … */
function deadlineIn(rest: string): string {
  const clause = rest.split(/;\s|\.\s|\.$/u)[0] ?? '';
  const done = /hoàn thành\s+(?:việc\s+)?(.*)$/iu.exec(clause);
  const phrase = done && DEADLINE_START.test(done[1] ?? '') ? done[1] : null;
  if (phrase) return trimDeadline(phrase.slice(DEADLINE_START.exec(phrase)?.index ?? 0));
  const start = DEADLINE_START.exec(clause);
  return start ? trimDeadline(clause.slice(start.index)) : '';
}

function trimDeadline(text: string): string {
  const trimmed = text.replace(/[\s.;,]+$/u, '').trim();
  // the closing bracket of "(… hoàn thành trong năm 2024)" is not part of the phrase
  const open = (trimmed.match(/\(/gu) ?? []).length;
  const close = (trimmed.match(/\)/gu) ?? []).length;
  return close > open ? trimmed.replace(/\)[\s.;,]*$/u, '').trim() : trimmed;
}
