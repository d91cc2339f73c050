/**
 * A realistic authority for the scale benchmarks (issue #9), deterministic from a seed:
 * - the directory: 26 provincial agencies (the Office and the departments) and 104 communes (xã), with
 *   the groups "Các sở, ban, ngành tỉnh" and "UBND các xã" whose cells expand to their members —
 *   registered by `createAuthorityFromDirectory`, the app's own path;
 * - plans of 50 tasks in three sections, issued over the 4½ years before the as-of date (2021-01 →
 *   2025-06), registered by `createPlan` (the service behind POST /api/plans): every task's agency
 *   cell is written as a clerk writes it and expanded by the app — one agency (60 %), 2–5 agencies
 *   (25 %), the provincial group (10 %), the communes' group (5 %); a quarter of the tasks name 1–2
 *   supporting agencies; one task in ten recurs quarterly ("Hằng quý") or monthly ("Hằng tháng, trước
 *   ngày 20"), which the app turns into occurrences up to the end of the issue year;
 * - extensions and results, written with bulk SQL (the app has no bulk path for them; the rows are
 *   those approveExtension and submitResult write, without their audit rows): 3 % of the lead
 *   assignments got an approved extension of 30 days; of the lead assignments due by the as-of date
 *   90 % have an accepted result (¾ on time, ¼ late), 10 % none (overdue); of those due later 30 %
 *   were answered early and 1 % of these wait for review (pending).
 * The same data shape as bench/redmine/load.ts (the Redmine side), so the two lists compare.
 * Stops adding plans once `assignments` (lead + support) is reached, so a scale holds that many
 * within one plan (~800 assignments).
 */

import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { addDays, daysBetween, type LocalDate, maxDate, minDate } from '../../src/domain/dates.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/access.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.service.ts';
import {
  createAuthorityFromDirectory,
  type DirectoryFile,
} from '../../src/modules/directory/directory.service.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import type { PlanInput, TaskInput } from '../../src/shared/schemas/plan.ts';
import { prng } from '../generate.ts';
import { benchContext } from './bench-context.ts';

export const SCALE_AS_OF: LocalDate = '2025-06-30';
export const SCALE_FIRST_DAY: LocalDate = '2021-01-04';
export const SCALE_PASSWORD = DEMO_PASSWORD;

export const PROVINCIAL: readonly (readonly [string, string])[] = [
  ['VP', 'Văn phòng UBND tỉnh'],
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SXD', 'Sở Xây dựng'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo'],
  ['TTT', 'Thanh tra tỉnh'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế tỉnh'],
  ['CAT', 'Công an tỉnh'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh'],
  ['DPTTH', 'Đài Phát thanh và Truyền hình tỉnh'],
  ['BHXH', 'Bảo hiểm xã hội tỉnh'],
  ['CTHUE', 'Thuế tỉnh'],
  ['KBNN', 'Kho bạc Nhà nước khu vực'],
  ['NHNN', 'Ngân hàng Nhà nước chi nhánh tỉnh'],
  ['QLTT', 'Chi cục Quản lý thị trường'],
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh'],
  ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng tỉnh'],
  ['TTXTDT', 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch'],
  ['VPDDBQH', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh'],
];

const COMMUNE_FIRST = ['Tân', 'Phước', 'Long', 'An', 'Hòa', 'Bình', 'Thạnh', 'Mỹ', 'Phú', 'Thành', 'Vĩnh'];
const COMMUNE_SECOND = ['Hưng', 'Thuận', 'Lợi', 'Đông', 'Tây', 'Ninh', 'Hiệp', 'Phong', 'Lộc', 'Điền'];

/** 104 commune names: "Tân Hưng", "Tân Thuận", … (distinct, deterministic). */
export function communeNames(): string[] {
  const names: string[] = [];
  for (const a of COMMUNE_FIRST) for (const b of COMMUNE_SECOND) names.push(`${a} ${b}`);
  return names.slice(0, 104);
}

export const GROUP_PROVINCE = 'Các sở, ban, ngành tỉnh';
export const GROUP_COMMUNES = 'UBND các xã';

export function scaleDirectory(code: string): DirectoryFile {
  const communes = communeNames().map((name, i) => ({
    code: `XA${String(i + 1).padStart(3, '0')}`,
    name: `UBND xã ${name}`,
    kind: 'commune' as const,
  }));
  return {
    authority: { code, name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', short: 'UBND tỉnh', place: 'Thử Nghiệm' },
    agencies: [...PROVINCIAL.map(([c, name]) => ({ code: c, name, kind: 'province' as const })), ...communes],
    groups: [
      {
        name: GROUP_PROVINCE,
        aliases: ['Các sở, ban, ngành', 'Các sở, ngành tỉnh'],
        members: PROVINCIAL.map(([c]) => c),
      },
      {
        name: GROUP_COMMUNES,
        aliases: ['Ủy ban nhân dân các xã', 'UBND các xã, phường'],
        members: communes.map((c) => c.code),
      },
    ],
    monitor: 'VP',
  };
}

const VERBS = ['Xây dựng', 'Triển khai', 'Rà soát', 'Tổ chức', 'Kiểm tra', 'Hoàn thiện', 'Tuyên truyền về'];
const OBJECTS = [
  'kế hoạch cải cách hành chính',
  'quy trình giải quyết thủ tục hành chính trên môi trường điện tử',
  'chuyển đổi số trong cơ quan nhà nước',
  'chỉ số hài lòng của người dân, doanh nghiệp',
  'văn bản quy phạm pháp luật thuộc lĩnh vực quản lý',
  'hồ sơ công việc điện tử',
  'dịch vụ công trực tuyến toàn trình',
  'sắp xếp tổ chức bộ máy',
];
const SECTIONS = [
  { code: 'I', title: 'CẢI CÁCH THỂ CHẾ' },
  { code: 'II', title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH' },
  { code: 'III', title: 'CHUYỂN ĐỔI SỐ' },
];

const ddmmyyyy = (d: LocalDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * One plan as a clerk would register it (50 tasks, three sections), from the generator's PRNG.
 * `issuedOn` is the plan's date; `number` must be unique in the authority.
 */
export function planInput(random: () => number, number: string, issuedOn: LocalDate, tasks = 50): PlanInput {
  const communes = communeNames();
  const pickProvincial = (n: number, not?: string) => {
    const chosen = new Set<string>();
    while (chosen.size < n) {
      const [, name] = PROVINCIAL[1 + Math.floor(random() * (PROVINCIAL.length - 1))] as [string, string];
      if (name !== not) chosen.add(name);
    }
    return [...chosen];
  };
  const rows: TaskInput[] = [];
  for (let i = 0; i < tasks; i++) {
    const r = random();
    let leadText: string;
    if (r < 0.6) {
      leadText =
        random() < 0.8
          ? (pickProvincial(1)[0] as string)
          : `UBND xã ${communes[Math.floor(random() * communes.length)]}`;
    } else if (r < 0.85) leadText = pickProvincial(2 + Math.floor(random() * 4)).join(', ');
    else if (r < 0.95) leadText = GROUP_PROVINCE;
    else leadText = GROUP_COMMUNES;
    const supportText =
      random() < 0.25 ? pickProvincial(1 + Math.floor(random() * 2), leadText).join(', ') : '';
    const d = random();
    const deadlineText =
      d < 0.05
        ? 'Hằng quý'
        : d < 0.1
          ? 'Hằng tháng, trước ngày 20'
          : `Trước ngày ${ddmmyyyy(addDays(issuedOn, 15 + Math.floor(random() * 350)))}`;
    const section = SECTIONS[Math.min(2, Math.floor((i * 3) / tasks))] as (typeof SECTIONS)[number];
    rows.push({
      sectionCode: section.code,
      no: String(i + 1),
      content: `${VERBS[Math.floor(random() * VERBS.length)]} ${OBJECTS[Math.floor(random() * OBJECTS.length)]} (nhiệm vụ ${i + 1} của kế hoạch ${number})`,
      leadText,
      supportText,
      deadlineText,
    });
  }
  return {
    docType: 'KH',
    number,
    issuedOn,
    place: 'Thử Nghiệm',
    title: `Kế hoạch ${number} thực hiện công tác cải cách hành chính và chuyển đổi số`,
    signer: 'Nguyễn Văn A',
    sections: SECTIONS,
    tasks: rows,
  };
}

export interface ScaleOptions {
  seed?: number;
  /** lead + support assignments to reach (the last plan may pass it by < 1 plan) */
  assignments: number;
  code?: string;
  asOf?: LocalDate;
  /** called after each plan with the running total */
  progress?: (assignments: number, plans: number) => void;
}

export interface ScaleData {
  authorityId: number;
  code: string;
  asOf: LocalDate;
  agencies: number;
  plans: number;
  tasks: number;
  leadAssignments: number;
  supportAssignments: number;
  unresolvedCells: number;
  extensions: number;
  results: number;
  pendingResults: number;
  /** STP's lead assignments split among its 3 units (one child per unit) */
  subAssignments: number;
  users: number;
  /** milliseconds per phase */
  timings: { directory: number; plans: number; extensions: number; results: number; users: number };
}

const CHUNK = 2_000;

export async function generateScaleData(db: Kysely<DB>, options: ScaleOptions): Promise<ScaleData> {
  const random = prng(options.seed ?? 9);
  const code = options.code ?? 'BENCH';
  const asOf = options.asOf ?? SCALE_AS_OF;
  const timings = { directory: 0, plans: 0, extensions: 0, results: 0, users: 0 };
  let t = performance.now();
  const authorityId = await createAuthorityFromDirectory({ db, actor: SYSTEM_ACTOR }, scaleDirectory(code));
  timings.directory = performance.now() - t;

  t = performance.now();
  const span = Math.max(1, daysBetween(SCALE_FIRST_DAY, addDays(asOf, -30)));
  const expectedPlans = Math.max(1, Math.round(options.assignments / 800));
  let lead = 0;
  let support = 0;
  let tasks = 0;
  let unresolvedCells = 0;
  let plans = 0;
  while (lead + support < options.assignments) {
    const issuedOn = addDays(SCALE_FIRST_DAY, Math.min(span, Math.floor((plans * span) / expectedPlans)));
    const number = `${plans + 1}/KH-UBND`;
    const created = await createPlan(benchContext(db, authorityId), planInput(random, number, issuedOn));
    plans += 1;
    tasks += created.tasks;
    lead += created.leadAssignments;
    support += created.supportAssignments;
    unresolvedCells += created.unresolved.reduce((n, u) => n + u.refs.length, 0);
    options.progress?.(lead + support, plans);
  }
  timings.plans = performance.now() - t;

  // extensions (approved, +30 days) on 3 % of the lead assignments with a due date
  t = performance.now();
  const leads: { id: number; opens: LocalDate; due: LocalDate }[] = [];
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('assignment')
      .select(['id', 'opens_on', 'current_due_on'])
      .where('authority_id', '=', authorityId)
      .where('role', '=', 'lead')
      .where('current_due_on', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(50_000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows)
      leads.push({ id: r.id, opens: r.opens_on as LocalDate, due: r.current_due_on as LocalDate });
    after = (rows[rows.length - 1] as { id: number }).id;
  }
  const extended: { id: number; due: LocalDate; requested: LocalDate }[] = [];
  for (const a of leads) {
    const requested = maxDate(a.opens, addDays(a.due, -5));
    if (random() < 0.03 && requested <= asOf) {
      const due = addDays(a.due, 30);
      extended.push({ id: a.id, due, requested });
      a.due = due;
    }
  }
  for (let i = 0; i < extended.length; i += CHUNK) {
    const chunk = extended.slice(i, i + CHUNK);
    await db
      .insertInto('extension_request')
      .values(
        chunk.map((e) => ({
          authority_id: authorityId,
          assignment_id: e.id,
          requested_on: e.requested,
          requested_due_on: e.due,
          reason: 'Cần thêm thời gian lấy ý kiến các cơ quan liên quan',
          status: 'approved' as const,
          decided_on: e.requested,
          decided_by: 'bench',
          decision_note: null,
        })),
      )
      .execute();
    const ids = chunk.map((e) => e.id);
    const dues = chunk.map((e) => e.due);
    await sql`update assignment set current_due_on = v.due, version = version + 1
      from unnest(${ids}::int[], ${dues}::date[]) as v(id, due) where assignment.id = v.id`.execute(db);
  }
  timings.extensions = performance.now() - t;

  // results
  t = performance.now();
  let pending = 0;
  const results: { id: number; on: LocalDate; status: 'accepted' | 'pending' }[] = [];
  for (const a of leads) {
    if (a.opens > asOf) continue;
    if (a.due <= asOf) {
      if (random() >= 0.9) continue; // no result: overdue
      let on =
        random() < 0.75
          ? maxDate(a.opens, addDays(a.due, -Math.floor(random() * 10)))
          : addDays(a.due, 1 + Math.floor(random() * 40));
      if (on > asOf) on = asOf;
      results.push({ id: a.id, on, status: 'accepted' });
    } else if (random() < 0.3) {
      const latest = minDate(a.due, asOf);
      const on = maxDate(a.opens, addDays(latest, -Math.floor(random() * 20)));
      const status = random() < 0.01 ? 'pending' : 'accepted';
      if (status === 'pending') pending += 1;
      results.push({ id: a.id, on: minDate(on, asOf), status });
    }
  }
  for (let i = 0; i < results.length; i += CHUNK) {
    await db
      .insertInto('result_submission')
      .values(
        results.slice(i, i + CHUNK).map((r) => ({
          authority_id: authorityId,
          assignment_id: r.id,
          submitted_on: r.on,
          document_number: `${(r.id % 900) + 100}/BC`,
          status: r.status,
          decided_on: r.status === 'accepted' ? r.on : null,
          decided_by: r.status === 'accepted' ? 'bench' : null,
          return_reason: null,
        })),
      )
      .execute();
  }
  timings.results = performance.now() - t;

  // STP's own units (phòng), as an agency adds them on the web, and half of its lead assignments split
  // among them (the rows subassign writes): its users' scope then names 4 agencies (issue #18)
  const subAssignments = await addUnitsOf(db, authorityId, 'STP', 3);

  t = performance.now();
  const users = await createScaleUsers(db, authorityId, code === 'BENCH' ? '' : `${code.toLowerCase()}.`);
  timings.users = performance.now() - t;
  await sql`analyze`.execute(db);
  return {
    authorityId,
    code,
    asOf,
    agencies: PROVINCIAL.length + 104,
    plans,
    tasks,
    leadAssignments: lead,
    supportAssignments: support,
    unresolvedCells,
    extensions: extended.length,
    results: results.length,
    pendingResults: pending,
    subAssignments,
    users,
    timings,
  };
}

/**
 * `units` units under the agency `code` and, for every other one of its lead assignments (by id), one
 * sub-assignment per unit with the parent's due date: the rows `subassign` writes, in one statement.
 */
async function addUnitsOf(db: Kysely<DB>, authorityId: number, code: string, units: number): Promise<number> {
  const parent = await db
    .selectFrom('agency')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agency')
    .values(
      Array.from({ length: units }, (_, i) => ({
        authority_id: authorityId,
        code: `${code}-P${i + 1}`,
        name: `Phòng ${i + 1}`,
        kind: 'unit' as const,
        parent_id: parent.id,
      })),
    )
    .execute();
  const inserted = await sql`insert into assignment (authority_id, task_id, agency_id, role, occurrence,
      period_label, opens_on, original_due_on, current_due_on, parent_assignment_id)
    select a.authority_id, a.task_id, u.id, 'lead', a.occurrence, a.period_label, a.opens_on,
      a.current_due_on, a.current_due_on, a.id
    from assignment a cross join agency u
    where a.authority_id = ${authorityId} and a.agency_id = ${parent.id} and a.role = 'lead'
      and a.parent_assignment_id is null and a.id % 2 = 0 and u.parent_id = ${parent.id}`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

let passwordHash: string | null = null;

/**
 * Accounts as the demo has them: `<prefix>vanphong` (office), `<prefix>lanhdao` (leader) and one per
 * agency by its code in lower case (`stp`, `xa001` …), password DEMO_PASSWORD (hashed once).
 */
export async function createScaleUsers(db: Kysely<DB>, authorityId: number, prefix: string): Promise<number> {
  passwordHash ??= await hashPassword(SCALE_PASSWORD);
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('authority_id', '=', authorityId)
    .execute();
  const base = { authority_id: authorityId, password_hash: passwordHash };
  const rows = [
    {
      ...base,
      username: `${prefix}vanphong`,
      display_name: 'Văn phòng',
      role: 'office' as const,
      agency_id: null,
    },
    {
      ...base,
      username: `${prefix}lanhdao`,
      display_name: 'Lãnh đạo',
      role: 'leader' as const,
      agency_id: null,
    },
    ...agencies.map((a) => ({
      ...base,
      username: `${prefix}${a.code.toLowerCase()}`,
      display_name: `Đầu mối ${a.name}`,
      role: 'agency' as const,
      agency_id: a.id,
    })),
  ];
  await db.insertInto('app_user').values(rows).execute();
  return rows.length;
}
