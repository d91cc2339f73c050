/**
 * The Vietnamese text of a report to the Chairman, independent of the file format: the header parts,
 * the title, numbered sections of paragraphs and tables, the closing, the signer and Nơi nhận. The
 * .docx and .pdf renderers lay out these same blocks, so both say exactly the same thing.
 */
import { formatVietnameseDate, type LocalDate } from '../../domain/dates.ts';
import { formatPercent } from '../../domain/scoring.ts';
import { AGEING_BUCKETS, AGEING_LABELS, STATE_LABELS } from '../../domain/state.ts';
import { citePlans, dateInWords, recipientLines } from '../letters/letter-text.ts';
import type { StatisticsGroup } from '../statistics/statistics.service.ts';
import type { ReportData } from './report-data.ts';

export type Align = 'left' | 'center' | 'right';
export interface Column {
  title: string;
  /** relative width */
  width: number;
  align: Align;
}
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string; italics?: boolean }
  | { kind: 'table'; columns: Column[]; rows: string[][]; totalRow?: string[] };

export interface ReportDocument {
  issuer: { parent: string; name: string };
  /** 'Số: 15/BC-VP', or 'Số:      /BC-VP' for the văn thư to fill in */
  numberLine: string;
  /** a công văn's trích yếu, under the number (a báo cáo has a title instead) */
  abstract?: string;
  placeAndDate: string;
  title: string;
  /** the trích yếu under the title, one or two lines */
  subtitle: string[];
  addressee: string;
  blocks: Block[];
  signer: { authority: string; title: string; name: string };
  recipientLines: string[];
  /** file metadata */
  documentTitle: string;
}

/** The Word and PDF list at most this many overdue tasks (the longest overdue); Excel lists every assignment. */
export const OVERDUE_LIMIT = 300;

const d = formatVietnameseDate;
const rate = (r: number | null) => (r === null ? '–' : formatPercent(r));
const num = (n: number) => n.toLocaleString('vi-VN');

function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'para', text: p }));
}

const left = (title: string, width: number): Column => ({ title, width, align: 'left' });
const centre = (title: string, width: number): Column => ({ title, width, align: 'center' });

/** A table whose first column, STT, numbers its rows (and is blank on the total row). */
function numberedTable(sttWidth: number, columns: Column[], rows: string[][], totalRow?: string[]): Block {
  return {
    kind: 'table',
    columns: [centre('STT', sttWidth), ...columns],
    rows: rows.map((row, i) => [String(i + 1), ...row]),
    ...(totalRow ? { totalRow: ['', ...totalRow] } : {}),
  };
}

function statColumns(first: string): Column[] {
  return [
    left(first, 25),
    centre('Được giao', 7.5),
    centre('Đến hạn', 7),
    centre('Đúng hạn', 7.5),
    centre('Trễ hạn', 7),
    centre('Trong hạn', 8),
    centre('Quá hạn', 7),
    centre('Nhắc nhở', 8),
    centre('Tỷ lệ đúng hạn', 9),
  ];
}

function statCells(g: { counts: StatisticsGroup['counts']; onTimeRate: number | null }): string[] {
  const c = g.counts;
  return [
    num(c.total),
    num(c.due),
    num(c.done_on_time),
    num(c.done_late),
    num(c.open_on_time),
    num(c.open_overdue),
    num(c.reminders),
    rate(g.onTimeRate),
  ];
}

export function scopePhrase(data: Pick<ReportData, 'plan'>): string {
  return data.plan
    ? `${citePlans([data.plan.number])} ngày ${d(data.plan.issuedOn)}`
    : 'các kế hoạch, văn bản của Chủ tịch, UBND tỉnh';
}

export function periodPhrase(data: Pick<ReportData, 'from' | 'to'>): string {
  return `từ ngày ${d(data.from)} đến ngày ${d(data.to)}`;
}

export function reportDocument(data: ReportData): ReportDocument {
  const { draft, totals } = data;
  const c = totals.counts;
  const office = 'Văn phòng UBND tỉnh';
  const issuedOn: LocalDate = draft.issuedOn ?? data.asOf;
  const blocks: Block[] = [];

  blocks.push({
    kind: 'para',
    text:
      `Thực hiện nhiệm vụ theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ được giao tại ` +
      `${scopePhrase(data)}, ${office} báo cáo tình hình thực hiện các nhiệm vụ có thời hạn ` +
      `${periodPhrase(data)}, số liệu tính đến ngày ${d(data.asOf)}, như sau:`,
  });

  // I. Kết quả chung
  blocks.push({ kind: 'heading', text: 'I. TÌNH HÌNH THỰC HIỆN' });
  blocks.push({ kind: 'subheading', text: '1. Kết quả chung' });
  blocks.push({
    kind: 'para',
    text:
      `Trong kỳ, các cơ quan được giao chủ trì ${num(c.total)} lượt nhiệm vụ (${num(data.agencies.length)} cơ quan); ` +
      `đến ngày ${d(data.asOf)} có ${num(c.due)} lượt đã đến hạn. Trong đó: ${num(c.done_on_time)} lượt hoàn thành ` +
      `đúng hạn, ${num(c.done_late)} lượt hoàn thành quá hạn, ${num(c.open_on_time)} lượt đang thực hiện trong hạn, ` +
      `${num(c.open_overdue)} lượt chưa hoàn thành đã quá hạn` +
      (c.cancelled > 0 ? `, ${num(c.cancelled)} lượt đã hủy` : '') +
      `. Tỷ lệ hoàn thành đúng hạn: ${rate(totals.onTimeRate)} (${num(c.due_on_time)}/${num(c.due)} lượt đến hạn).`,
  });
  const states = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue'] as const;
  blocks.push(
    numberedTable(
      6,
      [left('Trạng thái', 50), centre('Số lượt', 14), centre('Tỷ lệ trên tổng số', 18)],
      states.map((s) => [STATE_LABELS[s], num(c[s]), c.total === 0 ? '–' : formatPercent(c[s] / c.total)]),
      ['Tổng số', num(c.total), c.total === 0 ? '–' : '100%'],
    ),
  );
  blocks.push(...paragraphs(draft.overview));

  blocks.push({ kind: 'subheading', text: '2. Kết quả theo cơ quan chủ trì' });
  blocks.push(
    numberedTable(
      6,
      statColumns('Cơ quan'),
      data.agencies.map((g) => [g.name, ...statCells(g)]),
      ['Tổng cộng', ...statCells(totals)],
    ),
  );

  blocks.push({ kind: 'subheading', text: '3. Kết quả theo kế hoạch, văn bản giao nhiệm vụ' });
  blocks.push(
    numberedTable(
      6,
      statColumns('Kế hoạch, văn bản'),
      data.plans.map((g) => [`${citePlans([g.code])}: ${g.name}`, ...statCells(g)]),
      ['Tổng cộng', ...statCells(totals)],
    ),
  );

  // II. Quá hạn, nhắc nhở
  blocks.push({ kind: 'heading', text: 'II. NHIỆM VỤ QUÁ HẠN VÀ NHẮC NHỞ BẰNG VĂN BẢN' });
  blocks.push({ kind: 'subheading', text: '1. Nhiệm vụ chưa hoàn thành đã quá hạn' });
  if (data.overdue.length === 0) {
    blocks.push({
      kind: 'para',
      text: `Đến ngày ${d(data.asOf)}, không có nhiệm vụ nào chưa hoàn thành quá hạn.`,
    });
  } else {
    const tasks = overdueByTask(data);
    const ages = AGEING_BUCKETS.map(
      (b) => `${AGEING_LABELS[b].toLocaleLowerCase('vi')}: ${num(data.ageing[b])}`,
    );
    blocks.push({
      kind: 'para',
      text:
        `Đến ngày ${d(data.asOf)} còn ${num(data.overdue.length)} lượt nhiệm vụ chưa hoàn thành đã quá hạn ` +
        `(quá hạn ${ages.join('; ')}).` +
        (tasks.length > OVERDUE_LIMIT
          ? ` Bảng dưới đây liệt kê ${num(OVERDUE_LIMIT)} nhiệm vụ quá hạn lâu nhất; danh sách đầy đủ tại tệp Excel kèm theo (trang "Quá hạn").`
          : ' Cụ thể theo từng nhiệm vụ:'),
    });
    blocks.push(
      numberedTable(
        7,
        [
          left('Nhiệm vụ', 42),
          centre('Thời hạn', 14),
          centre('Số ngày quá hạn', 11),
          left('Cơ quan chủ trì chưa hoàn thành', 30),
        ],
        tasks
          .slice(0, OVERDUE_LIMIT)
          .map((g) => [g.task, g.dueOn ? d(g.dueOn) : '', num(g.daysOverdue), g.agencies.join('; ')]),
      ),
    );
  }
  blocks.push({ kind: 'subheading', text: '2. Nhắc nhở bằng văn bản' });
  const reminded = remindersByAgency(data);
  if (reminded.length === 0) {
    blocks.push({ kind: 'para', text: 'Trong kỳ, không phát sinh lượt nhắc nhở bằng văn bản nào.' });
  } else {
    blocks.push({
      kind: 'para',
      text:
        `Trong kỳ phát sinh ${num(data.reminders.length)} lượt nhắc nhở bằng văn bản đối với ${num(reminded.length)} cơ quan ` +
        '(mỗi nhiệm vụ quá thời hạn mà UBND tỉnh chưa nhận được kết quả được tính 01 lần nhắc nhở để chấm điểm chỉ số CCHC):',
    });
    blocks.push(
      numberedTable(
        5,
        [left('Cơ quan', 30), centre('Số lượt', 10), left('Nhiệm vụ bị nhắc nhở', 55)],
        reminded.map((r) => [r.name, num(r.count), r.tasks]),
        ['Tổng cộng', num(data.reminders.length), ''],
      ),
    );
  }

  // III. Khó khăn, vướng mắc; gia hạn
  blocks.push({ kind: 'heading', text: 'III. KHÓ KHĂN, VƯỚNG MẮC VÀ GIA HẠN' });
  blocks.push({ kind: 'subheading', text: '1. Khó khăn, vướng mắc các cơ quan phản ánh' });
  if (data.obstacles.length === 0) {
    blocks.push({ kind: 'para', text: 'Trong kỳ, các cơ quan không phản ánh khó khăn, vướng mắc.' });
  } else {
    data.obstacles.forEach((o, i) => {
      blocks.push({
        kind: 'para',
        text:
          `${letter(i)}) ${o.agency.name} (nhiệm vụ ${o.task}, ${citePlans([o.plan])}), ngày ${d(o.reportedOn)}: ` +
          `${endSentence(o.description)}` +
          (o.proposal.trim() ? ` Đề xuất: ${endSentence(o.proposal)}` : ''),
      });
      blocks.push({
        kind: 'para',
        italics: true,
        text:
          o.response !== null && o.respondedOn !== null
            ? `Trả lời ngày ${d(o.respondedOn)}: ${endSentence(o.response)}`
            : `Chưa trả lời (đến ngày ${d(data.asOf)}).`,
      });
    });
  }
  blocks.push(...paragraphs(draft.obstacles));
  blocks.push({ kind: 'subheading', text: '2. Gia hạn thời hạn thực hiện' });
  if (data.extensions.length === 0) {
    blocks.push({ kind: 'para', text: 'Trong kỳ, không có đề nghị gia hạn nào được quyết định.' });
  } else {
    const approved = data.extensions.filter((e) => e.status === 'approved').length;
    blocks.push({
      kind: 'para',
      text:
        `Trong kỳ đã quyết định ${num(data.extensions.length)} đề nghị gia hạn: đồng ý ${num(approved)}, ` +
        `không đồng ý ${num(data.extensions.length - approved)}.`,
    });
    blocks.push(
      numberedTable(
        5,
        [
          left('Cơ quan', 22),
          centre('Nhiệm vụ', 13),
          centre('Thời hạn cũ', 12),
          centre('Đề nghị đến', 12),
          left('Quyết định', 36),
        ],
        data.extensions.map((e) => [
          e.agency.name,
          `${e.task} (${e.plan})`,
          e.originalDueOn ? d(e.originalDueOn) : '',
          d(e.requestedDueOn),
          `${e.status === 'approved' ? 'Đồng ý' : 'Không đồng ý'}${e.decidedOn ? ` ngày ${d(e.decidedOn)}` : ''}` +
            (e.decisionNote?.trim() ? `: ${e.decisionNote.trim()}` : ''),
        ]),
      ),
    );
  }

  // IV. Biểu dương, phê bình
  const { commended, criticised, threshold } = data.commendations;
  blocks.push({ kind: 'heading', text: 'IV. ĐỀ XUẤT BIỂU DƯƠNG, PHÊ BÌNH' });
  blocks.push({
    kind: 'para',
    text:
      `1. Đề xuất biểu dương các cơ quan có nhiệm vụ đến hạn trong kỳ và hoàn thành tất cả đúng hạn` +
      (commended.length === 0
        ? ': không có.'
        : ` (${num(commended.length)} cơ quan): ${commended.map((a) => `${a.name} (${num(a.due)} nhiệm vụ)`).join('; ')}.`),
  });
  blocks.push({
    kind: 'para',
    text:
      `2. Đề xuất phê bình, chấn chỉnh các cơ quan có từ ${num(threshold)} lượt nhắc nhở bằng văn bản trở lên trong kỳ` +
      (criticised.length === 0
        ? ': không có.'
        : ` (${num(criticised.length)} cơ quan): ${criticised.map((a) => `${a.name} (${num(a.reminders)} lượt)`).join('; ')}.`),
  });

  // V. Đề xuất, kiến nghị (free text only)
  const proposals = paragraphs(draft.proposals);
  const next = paragraphs(draft.nextSteps);
  if (proposals.length + next.length > 0) {
    blocks.push({ kind: 'heading', text: 'V. ĐỀ XUẤT, KIẾN NGHỊ VÀ NHIỆM VỤ THỜI GIAN TỚI' });
    if (proposals.length > 0)
      blocks.push({ kind: 'subheading', text: '1. Đề xuất, kiến nghị' }, ...proposals);
    if (next.length > 0)
      blocks.push(
        { kind: 'subheading', text: `${proposals.length > 0 ? 2 : 1}. Nhiệm vụ trọng tâm thời gian tới` },
        ...next,
      );
  }
  blocks.push({
    kind: 'para',
    text:
      `Trên đây là báo cáo tình hình thực hiện nhiệm vụ được giao tại ${scopePhrase(data)} ${periodPhrase(data)}, ` +
      `${office} kính báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo./.`,
  });

  const title = 'BÁO CÁO';
  const subtitle = [
    `Tình hình thực hiện nhiệm vụ được giao tại ${scopePhrase(data)}`,
    `(kỳ báo cáo ${periodPhrase(data)})`,
  ];
  const numberLine = `Số: ${draft.number === '' ? '       ' : draft.number}/BC-VP`;
  return {
    issuer: { parent: data.issuer.parent, name: data.issuer.name },
    numberLine,
    placeAndDate: `${data.issuer.place}, ${dateInWords(issuedOn)}`,
    title,
    subtitle,
    addressee: `Kính gửi: ${draft.addressee.trim().replace(/[.\s]+$/u, '')}.`,
    blocks,
    signer: draft.signer,
    recipientLines: recipientLines(draft.recipients),
    documentTitle: `${numberLine} — ${title} ${subtitle.join(' ')}`,
  };
}

/** a) b) … z) aa) … */
function letter(i: number): string {
  const abc = 'abcdefghiklmnopqrstuvxy';
  return i < abc.length ? (abc[i] ?? 'a') : `${letter(Math.floor(i / abc.length) - 1)}${abc[i % abc.length]}`;
}

function endSentence(text: string): string {
  const t = text.trim().replace(/\s+/gu, ' ');
  return /[.!?…]$/u.test(t) ? t : `${t}.`;
}

/**
 * The overdue assignments by task and deadline (an occurrence of a recurring task is its own row):
 * the task once, then every lead agency that has not finished it — longest overdue first.
 */
function overdueByTask(data: ReportData) {
  const groups = new Map<
    string,
    { task: string; dueOn: LocalDate | null; daysOverdue: number; agencies: string[] }
  >();
  for (const o of data.overdue) {
    const key = `${o.plan.id}|${o.task.ref}|${o.dueOn}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        task:
          `${o.task.ref} (${o.plan.number})${o.periodLabel ? `, ${o.periodLabel}` : ''}: ` +
          o.task.content.trim().replace(/[.;]+$/u, ''),
        dueOn: o.dueOn,
        daysOverdue: o.daysOverdue,
        agencies: [],
      };
      groups.set(key, group);
    }
    group.agencies.push(o.agency.name);
  }
  return [...groups.values()].sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** Per agency: the number of written reminders and the tasks behind them ('87/KH-UBND: I.2, I.3'). */
function remindersByAgency(data: ReportData) {
  const byAgency = new Map<number, { name: string; count: number; tasks: Map<string, string[]> }>();
  for (const r of data.reminders) {
    let entry = byAgency.get(r.agency.id);
    if (!entry) {
      entry = { name: r.agency.name, count: 0, tasks: new Map() };
      byAgency.set(r.agency.id, entry);
    }
    entry.count++;
    const list = entry.tasks.get(r.plan.number) ?? [];
    list.push(r.periodLabel ? `${r.task.ref} (${r.periodLabel})` : r.task.ref);
    entry.tasks.set(r.plan.number, list);
  }
  return [...byAgency.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'))
    .map((e) => ({
      name: e.name,
      count: e.count,
      tasks: [...e.tasks].map(([plan, refs]) => `${plan}: ${refs.join(', ')}`).join('; '),
    }));
}
