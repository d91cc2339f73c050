/**
 * CSV export of the lists the SPA shows, in one place. A list route answers CSV instead of JSON when
 * asked with `?format=csv` (or `Accept: text/csv`), with the same filters and access rules: the route's
 * own handler runs, page after page, and its rows become one RFC 4180 file — UTF-8 with a BOM so Excel
 * shows Vietnamese, comma-separated, CRLF, every field with a comma, semicolon, quote or line break
 * quoted and its quotes doubled. Which routes, and where their rows are: `CSV_LISTS` below.
 */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify';
import { defuseCsvText, quoteCsvField } from '../domain/csv.ts';
import { STATE_LABELS } from '../domain/state.ts';
import { AppError } from '../shared/errors.ts';
import type { ZodApp } from './http.ts';

export interface CsvList {
  /** the reply's field holding the rows */
  rows: string;
  /** file name without extension */
  file: string;
  /** fields kept as one JSON cell rather than spread into columns (objects of varying keys) */
  json?: string[];
}

/** Every list the SPA shows that exports to CSV, by route. */
export const CSV_LISTS: Record<string, CsvList> = {
  '/api/assignments': { rows: 'items', file: 'viec-duoc-giao' },
  '/api/plans': { rows: 'items', file: 'ke-hoach' },
  '/api/results': { rows: 'items', file: 'ket-qua' },
  '/api/status': { rows: 'agencies', file: 'tinh-hinh-thuc-hien' },
  '/api/statistics': { rows: 'groups', file: 'thong-ke' },
  '/api/statistics/items': { rows: 'items', file: 'danh-sach-chi-tiet' },
  '/api/reminders': { rows: 'reminders', file: 'nhac-nho-bang-van-ban' },
  '/api/obstacles': { rows: 'items', file: 'kho-khan-vuong-mac' },
  '/api/extensions': { rows: 'items', file: 'gia-han' },
  '/api/audit': { rows: 'items', file: 'nhat-ky', json: ['data', 'before', 'after'] },
  '/api/scores': { rows: 'agencies', file: 'cham-diem', json: ['criteria', 'lost'] },
  '/api/directory/agencies': { rows: 'items', file: 'danh-muc-co-quan' },
  '/api/users': { rows: 'items', file: 'tai-khoan' },
  '/api/letters': { rows: 'items', file: 'cong-van-don-doc' },
};

/** Rows fetched per call of the route's handler, and the most one export may hold. */
const CSV_PAGE_SIZE = 5_000;
export const CSV_MAX_ROWS = 200_000;

/** Vietnamese column titles by field path; a path not listed is its own title. */
const LABELS: Record<string, string> = {
  id: 'Mã số',
  assignmentId: 'Mã việc',
  code: 'Mã',
  name: 'Tên',
  agency: 'Mã cơ quan',
  agencyName: 'Cơ quan',
  'agency.id': 'Mã số cơ quan',
  'agency.code': 'Mã cơ quan',
  'agency.name': 'Cơ quan',
  plan: 'Kế hoạch',
  'plan.id': 'Mã số kế hoạch',
  'plan.number': 'Kế hoạch',
  number: 'Số, ký hiệu',
  title: 'Trích yếu',
  task: 'Nhiệm vụ',
  'task.ref': 'Nhiệm vụ',
  'task.content': 'Nội dung',
  content: 'Nội dung',
  role: 'Vai trò',
  occurrence: 'Lần',
  periodLabel: 'Kỳ',
  originalDueOn: 'Thời hạn ban đầu',
  dueOn: 'Thời hạn',
  currentDueOn: 'Thời hạn hiện tại',
  doneOn: 'Ngày hoàn thành',
  cancelledOn: 'Ngày hủy',
  state: 'Trạng thái',
  daysOverdue: 'Số ngày quá hạn',
  remindedOn: 'Ngày tính nhắc nhở',
  year: 'Năm',
  reportedOn: 'Ngày phản ánh',
  description: 'Nội dung khó khăn, vướng mắc',
  proposal: 'Đề xuất',
  status: 'Tình trạng',
  response: 'Trả lời',
  respondedOn: 'Ngày trả lời',
  respondedBy: 'Người trả lời',
  requestedOn: 'Ngày đề nghị',
  requestedDueOn: 'Thời hạn đề nghị',
  reason: 'Lý do',
  decidedOn: 'Ngày quyết định',
  decidedBy: 'Người quyết định',
  decisionNote: 'Ý kiến',
  at: 'Thời điểm',
  actor: 'Người thực hiện',
  action: 'Thao tác',
  entity: 'Đối tượng',
  entityId: 'Mã đối tượng',
  ip: 'Địa chỉ IP',
  max: 'Điểm tối đa',
  points: 'Điểm',
  rate: 'Tỷ lệ đạt',
  grade: 'Xếp loại',
  reminders: 'Số lần nhắc nhở',
  due: 'Đến hạn',
  onTime: 'Đúng hạn',
  onTimeRate: 'Tỷ lệ đúng hạn',
  ...STATE_LABELS,
  'counts.total': 'Được giao',
  'counts.done_on_time': 'Đúng hạn',
  'counts.done_late': 'Trễ hạn',
  'counts.open_on_time': 'Trong hạn',
  'counts.open_overdue': 'Quá hạn',
  'counts.ongoing': 'Thường xuyên',
  'counts.cancelled': 'Đã hủy',
  'counts.due': 'Đến hạn',
  'counts.due_on_time': 'Đến hạn và đúng hạn',
  'counts.reminders': 'Nhắc nhở',
  'counts.d0_30': 'Quá hạn đến 30 ngày',
  'counts.d31_90': 'Quá hạn 31–90 ngày',
  'counts.d91_120': 'Quá hạn 91–120 ngày',
  'counts.d120_plus': 'Quá hạn trên 120 ngày',
  aliases: 'Tên khác',
  kind: 'Loại',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  issuedOn: 'Ngày ban hành',
  submittedOn: 'Ngày gửi',
  documentNumber: 'Số văn bản',
  note: 'Ghi chú',
  username: 'Tên đăng nhập',
  displayName: 'Họ tên',
  email: 'Thư điện tử',
};

type Cell = string | number | boolean | null;

/** One row object → { path: value }, nested objects spread ('agency.code'), lists joined. */
export function flattenRow(value: unknown, json: readonly string[] = [], prefix = ''): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  const visit = (v: unknown, path: string) => {
    if (v === null || v === undefined) out[path] = null;
    else if (v instanceof Date) out[path] = v.toISOString();
    else if (Array.isArray(v))
      out[path] = v.every((x) => x === null || typeof x !== 'object')
        ? v.map((x) => String(x ?? '')).join(', ')
        : JSON.stringify(v);
    else if (typeof v === 'object')
      if (path !== '' && json.includes(path)) out[path] = JSON.stringify(v);
      else for (const [k, x] of Object.entries(v)) visit(x, path === '' ? k : `${path}.${k}`);
    else out[path] = v as Cell;
  };
  visit(value, prefix);
  return out;
}

/** One CSV field: text defused (domain/csv.ts) and quoted as RFC 4180 asks. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text =
    typeof value === 'boolean'
      ? value
        ? 'có'
        : 'không'
      : typeof value === 'number'
        ? String(value)
        : defuseCsvText(value);
  return quoteCsvField(text);
}

/** Rows → CSV text with a BOM: the columns are every field path in the order first seen. */
export function toCsv(rows: readonly unknown[], json: readonly string[] = []): string {
  const flat = rows.map((row) => flattenRow(row, json));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of flat)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const lines = [
    columns.map((c) => csvField(LABELS[c] ?? c)).join(','),
    ...flat.map((row) => columns.map((c) => csvField(row[c] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const CSV_REQUESTS = new WeakSet<FastifyRequest>();

function wantsCsv(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && query.format === 'csv') return true;
  const accept = String(request.headers.accept ?? '');
  return /(^|,)\s*text\/csv/iu.test(accept);
}

function wrap(original: RouteHandlerMethod, list: CsvList): RouteHandlerMethod {
  return async function csvOrJson(this: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (!CSV_REQUESTS.has(request))
      return (original as (...a: unknown[]) => unknown).call(this, request, reply);
    const query = request.query as Record<string, unknown>;
    const paged = typeof query.page === 'number' && typeof query.pageSize === 'number';
    if (paged) {
      query.page = 1;
      query.pageSize = CSV_PAGE_SIZE;
    }
    const rows: unknown[] = [];
    for (;;) {
      const body = (await (original as (...a: unknown[]) => unknown).call(this, request, reply)) as Record<
        string,
        unknown
      >;
      const page = body?.[list.rows];
      if (!Array.isArray(page)) throw new Error(`CSV export: ${request.url} answered no "${list.rows}" list`);
      rows.push(...page);
      if (rows.length > CSV_MAX_ROWS) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Danh sách có hơn ${CSV_MAX_ROWS.toLocaleString('vi-VN')} dòng, quá dài để xuất CSV: hãy lọc bớt.`,
          { maxRows: CSV_MAX_ROWS },
        );
      }
      const total = typeof body.total === 'number' ? body.total : rows.length;
      if (!paged || page.length < CSV_PAGE_SIZE || rows.length >= total) break;
      query.page = (query.page as number) + 1;
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${list.file}.csv"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(Buffer.from(toCsv(rows, list.json), 'utf8'));
  };
}

/**
 * The plugin (first in FEATURES, registered without encapsulation so it sees every later route):
 * wraps the handler of each CSV_LISTS route, and marks a request for CSV before validation (the
 * `format` parameter is taken out of the query, so routes need no schema change).
 */
export async function csvExports(app: ZodApp) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const list = CSV_LISTS[route.url];
    if (!list || !methods.includes('GET')) return;
    route.handler = wrap(route.handler, list);
    const previous = route.onRequest;
    const mark = async (request: FastifyRequest) => {
      if (!wantsCsv(request)) return;
      CSV_REQUESTS.add(request);
      const query = request.query as Record<string, unknown> | undefined;
      if (query && 'format' in query) delete query.format;
    };
    route.onRequest = previous ? [mark, ...(Array.isArray(previous) ? previous : [previous])] : [mark];
  });
}
// registered on the parent context (as fastify-plugin would): its onRoute hook sees the other features' routes
Object.assign(csvExports, { [Symbol.for('skip-override')]: true });
