/**
 * The Vietnamese text of a report to the Chairman, independent of the file format (docs/domain-rules.md
 * §8): the header parts, the title and its trích yếu (no Kính gửi: a báo cáo names its addressee in
 * the closing), I. Kết quả, II. Tồn tại, hạn chế và nguyên nhân, III. Đề xuất, kiến nghị, the closing,
 * the signer and Nơi nhận, then the annexes as tables. The .docx and .pdf renderers lay out these same
 * blocks, so both say exactly the same thing.
 */

import type { LocalDate } from '../../domain/dates.ts';
import { formatPercent } from '../../domain/scoring.ts';
import { AGEING_BUCKETS, AGEING_LABELS } from '../../domain/state.ts';
import { citePlans, dateInWords, recipientLines } from '../letters/letter-text.ts';
import {
  AGENCY_ANNEX,
  OVERDUE_ANNEX,
  REMINDER_ANNEX,
  remindersByAgency,
  reportAnnexes,
} from './report-annexes.ts';
import {
  type Annex,
  type Block,
  categoryCells,
  categoryColumns,
  centre,
  d,
  endSentence,
  left,
  letter,
  num,
  numberedTable,
  paragraphs,
  planCitation,
  rate,
  sumCategories,
} from './report-blocks.ts';
import { CATEGORY_LABELS, REPORT_CATEGORIES } from './report-categories.ts';
import type { ReportData } from './report-data.ts';
import { officeOverdueBlocks } from './report-office-tasks.ts';
import { periodicBlocks } from './report-periodic-text.ts';

export { OVERDUE_LIMIT } from './report-annexes.ts';
export type { Align, Annex, Block, Column } from './report-blocks.ts';

export interface ReportDocument {
  issuer: { parent: string; name: string };
  /** 'Số: 15/BC-VP', or 'Số:      /BC-VP' for the văn thư to fill in */
  numberLine: string;
  /** a công văn's trích yếu, under the number (a báo cáo has a title instead) */
  abstract?: string;
  placeAndDate: string;
  /** a công văn's Kính gửi ('Kính gửi:\n- Sở Tư pháp;\n…' to several); a báo cáo has none */
  addressee?: string;
  title: string;
  /** the trích yếu under the title, one or two lines, with the short rule under it */
  subtitle: string[];
  blocks: Block[];
  signer: { authority: string; title: string; name: string };
  recipientLines: string[];
  /** the phụ lục after the signature */
  annexes: Annex[];
  /** file metadata */
  documentTitle: string;
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
  const k = totals.categories;
  const office = 'Văn phòng UBND tỉnh';
  const issuedOn: LocalDate = draft.issuedOn ?? data.asOf;
  const numberLine = `Số: ${draft.number === '' ? '       ' : draft.number}/BC-VP`;
  const annexes = reportAnnexes(data, `${numberLine.replace(/^Số: /u, 'Báo cáo số ')} ngày ${d(issuedOn)}`);
  const annexOf = (title: string) => annexes.find((a) => a.title === title)?.label;
  const blocks: Block[] = [];

  blocks.push({
    kind: 'para',
    text:
      `Thực hiện nhiệm vụ theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ được giao tại ` +
      `${scopePhrase(data)}, ${office} báo cáo tình hình thực hiện các nhiệm vụ ${periodPhrase(data)} ` +
      `(các nhiệm vụ được giao, đến hạn trong kỳ và các nhiệm vụ còn đang thực hiện), số liệu tính đến ngày ` +
      `${d(data.asOf)}, như sau:`,
  });

  // I. Kết quả (docs/domain-rules.md §8)
  blocks.push({ kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' });
  blocks.push({ kind: 'subheading', text: '1. Kết quả chung' });
  const counted = sumCategories(k);
  blocks.push({
    kind: 'para',
    text:
      `Trong kỳ, các cơ quan chủ trì thực hiện ${num(counted)} lượt nhiệm vụ (${num(data.agencies.length)} cơ quan). ` +
      `Trong đó: ${REPORT_CATEGORIES.filter((cat) => cat !== 'ongoing' || k.ongoing > 0)
        .map((cat) => `${num(k[cat])} lượt ${CATEGORY_LABELS[cat].toLocaleLowerCase('vi')}`)
        .join(', ')}` +
      (c.cancelled > 0 ? `; ngoài ra ${num(c.cancelled)} lượt đã hủy` : '') +
      `. Tỷ lệ hoàn thành đúng hạn: ${rate(totals.onTimeRate)} (${num(c.due_on_time)}/${num(c.due)} lượt đến hạn).`,
  });
  blocks.push(
    numberedTable(
      6,
      [left('Phân loại', 50), centre('Số lượt', 14), centre('Tỷ lệ trên tổng số', 18)],
      REPORT_CATEGORIES.map((cat) => [CATEGORY_LABELS[cat], num(k[cat]), share(k[cat], counted)]),
      ['Tổng số', num(counted), counted === 0 ? '–' : '100%'],
    ),
  );
  blocks.push(...paragraphs(draft.overview));

  blocks.push({ kind: 'subheading', text: '2. Kết quả theo kế hoạch, văn bản giao nhiệm vụ' });
  blocks.push(
    numberedTable(
      6,
      categoryColumns('Kế hoạch, văn bản', 22),
      data.plans.map((g) => [planCitation(g, data.issuer.parent), ...categoryCells(g)]),
      ['Tổng cộng', ...categoryCells(totals)],
    ),
  );

  blocks.push({ kind: 'subheading', text: '3. Kết quả theo cơ quan chủ trì' });
  const mostOverdue = data.agencies.filter((g) => g.counts.open_overdue > 0).slice(0, 5);
  blocks.push({
    kind: 'para',
    text:
      `Kết quả của từng cơ quan chủ trì tại ${annexOf(AGENCY_ANNEX) ?? 'Phụ lục'} (mỗi cơ quan một dòng, xếp theo số ` +
      `nhiệm vụ quá hạn). ` +
      (mostOverdue.length === 0
        ? `Đến ngày ${d(data.asOf)}, không cơ quan nào có nhiệm vụ quá hạn.`
        : `Các cơ quan có nhiều nhiệm vụ quá hạn nhất: ${mostOverdue
            .map((g) => `${g.name} (${num(g.counts.open_overdue)} lượt)`)
            .join('; ')}.`),
  });

  blocks.push({ kind: 'subheading', text: '4. Gia hạn thời hạn thực hiện' });
  blocks.push(...extensionBlocks(data));
  const periodic = periodicBlocks(data);
  if (periodic.length > 0) {
    blocks.push({ kind: 'subheading', text: '5. Nhiệm vụ thực hiện thường xuyên' }, ...periodic);
  }

  // II. Tồn tại, hạn chế và nguyên nhân
  blocks.push({ kind: 'heading', text: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN' });
  blocks.push({ kind: 'subheading', text: '1. Nhiệm vụ chưa hoàn thành đã quá hạn' });
  blocks.push({ kind: 'para', text: overdueSummary(data, annexOf(OVERDUE_ANNEX)) });
  // the Office's own overdue tasks, followed internally (docs/domain-rules.md §6.1, §8)
  blocks.push(...officeOverdueBlocks(data, '2'));
  blocks.push({ kind: 'subheading', text: '3. Nhắc nhở bằng văn bản' });
  const reminded = remindersByAgency(data);
  blocks.push({
    kind: 'para',
    text:
      reminded.length === 0
        ? 'Trong kỳ, không phát sinh lượt nhắc nhở bằng văn bản nào.'
        : `Trong kỳ phát sinh ${num(data.reminders.length)} lượt nhắc nhở bằng văn bản đối với ${num(reminded.length)} cơ quan ` +
          '(mỗi nhiệm vụ quá thời hạn mà UBND tỉnh chưa nhận được kết quả được tính 01 lần nhắc nhở để chấm điểm chỉ số CCHC), ' +
          `chi tiết tại ${annexOf(REMINDER_ANNEX) ?? 'Phụ lục'}.`,
  });
  blocks.push({ kind: 'subheading', text: '4. Khó khăn, vướng mắc và nguyên nhân' });
  blocks.push(...obstacleBlocks(data));
  blocks.push(...paragraphs(draft.obstacles));

  // III. Đề xuất, kiến nghị
  const { commended, criticised, threshold } = data.commendations;
  blocks.push({ kind: 'heading', text: 'III. ĐỀ XUẤT, KIẾN NGHỊ' });
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
  const proposals = paragraphs(draft.proposals);
  if (proposals.length > 0) blocks.push({ kind: 'para', text: '3. Đề xuất, kiến nghị khác:' }, ...proposals);
  const next = paragraphs(draft.nextSteps);
  if (next.length > 0) blocks.push({ kind: 'subheading', text: 'Nhiệm vụ trọng tâm thời gian tới' }, ...next);
  blocks.push({
    kind: 'para',
    text:
      `Trên đây là báo cáo tình hình thực hiện nhiệm vụ được giao tại ${scopePhrase(data)} ${periodPhrase(data)}, ` +
      `${office} kính báo cáo ${addresseeOf(draft.addressee)} xem xét, chỉ đạo./.`,
  });

  const title = 'BÁO CÁO';
  const subtitle = [
    `Tình hình thực hiện nhiệm vụ được giao tại ${scopePhrase(data)}`,
    `(kỳ báo cáo ${periodPhrase(data)})`,
  ];
  return {
    issuer: { parent: data.issuer.parent, name: data.issuer.name },
    numberLine,
    placeAndDate: `${data.issuer.place}, ${dateInWords(issuedOn)}`,
    title,
    subtitle,
    blocks,
    signer: draft.signer,
    recipientLines: recipientLines(draft.recipients),
    annexes,
    documentTitle: `${numberLine} — ${title} ${subtitle.join(' ')}`,
  };
}

/** A báo cáo has no Kính gửi: the addressee is named in the closing ('… kính báo cáo Chủ tịch UBND tỉnh …'). */
function addresseeOf(addressee: string): string {
  const a = addressee
    .trim()
    .replace(/^kính gửi\s*:?\s*/iu, '')
    .replace(/[.\s]+$/u, '');
  return a === '' ? 'Chủ tịch UBND tỉnh' : a;
}

function share(n: number, of: number): string {
  return of === 0 ? '–' : formatPercent(n / of);
}

function overdueSummary(data: ReportData, annex: string | undefined): string {
  if (data.overdue.length === 0)
    return `Đến ngày ${d(data.asOf)}, không có nhiệm vụ nào chưa hoàn thành quá hạn.`;
  const ages = AGEING_BUCKETS.map(
    (b) => `${AGEING_LABELS[b].toLocaleLowerCase('vi')}: ${num(data.ageing[b])}`,
  );
  // the Office's own overdue tasks are reported like any agency's (it proposes no criticism of itself, §7)
  const own = data.agencies.filter((g) => g.isMonitor && g.counts.open_overdue > 0);
  return (
    `Đến ngày ${d(data.asOf)} còn ${num(data.overdue.length)} lượt nhiệm vụ chưa hoàn thành đã quá hạn ` +
    `(quá hạn ${ages.join('; ')}), danh sách tại ${annex ?? 'Phụ lục'}.` +
    own
      .map((g) => ` Trong đó, ${g.name} có ${num(g.counts.open_overdue)} lượt nhiệm vụ chủ trì đã quá hạn.`)
      .join('')
  );
}

function obstacleBlocks(data: ReportData): Block[] {
  if (data.obstacles.length === 0)
    return [{ kind: 'para', text: 'Trong kỳ, các cơ quan không phản ánh khó khăn, vướng mắc.' }];
  return data.obstacles.flatMap((o, i): Block[] => [
    {
      kind: 'para',
      text:
        `${letter(i)}) ${o.agency.name} (nhiệm vụ ${o.task}, ${citePlans([o.plan])}), ngày ${d(o.reportedOn)}: ` +
        `${endSentence(o.description)}` +
        (o.proposal.trim() ? ` Đề xuất: ${endSentence(o.proposal)}` : ''),
    },
    {
      kind: 'para',
      italics: true,
      text:
        o.response !== null && o.respondedOn !== null
          ? `Trả lời ngày ${d(o.respondedOn)}: ${endSentence(o.response)}`
          : `Chưa trả lời (đến ngày ${d(data.asOf)}).`,
    },
  ]);
}

function extensionBlocks(data: ReportData): Block[] {
  if (data.extensions.length === 0)
    return [{ kind: 'para', text: 'Trong kỳ, không có đề nghị gia hạn nào được quyết định.' }];
  const approved = data.extensions.filter((e) => e.status === 'approved').length;
  return [
    {
      kind: 'para',
      text:
        `Trong kỳ đã quyết định ${num(data.extensions.length)} đề nghị gia hạn: đồng ý ${num(approved)}, ` +
        `không đồng ý ${num(data.extensions.length - approved)}.`,
    },
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
  ];
}
