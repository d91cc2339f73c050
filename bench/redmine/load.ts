/**
 * Loads the benchmark's data shape into Redmine's own database (`redmine_bench`, made by install.sh),
 * deterministically from a seed, in bulk through SQL (the REST API would take hours for 100k issues):
 *
 *   node --import tsx bench/redmine/load.ts --issues 10000 [--seed 9] [--as-of 2025-06-30]
 *
 * Mapping of dondoc's shape (issue #9) onto Redmine:
 * - agencies → users: 26 provincial agencies (login = lower-case code, e.g. `stp`) and 104 communes
 *   (`xa001`…), each with an API key (tokens) so the list can also be asked as the agency itself;
 * - plans → projects (`kh-0001`…), issued on days spread over the 4½ years before the as-of date,
 *   about 50 tasks each; issue tracking on, tracker "Feature";
 * - a task's agency cell expands like a group cell: one agency (60 %), 2–5 agencies (25 %), every
 *   provincial agency (10 %) or every commune (5 %); one task in ten recurs quarterly (4 deadlines) or
 *   monthly (12); every (task, agency, deadline) is one issue with start and due dates;
 * - each agency of a plan is a project member with the assignable role "Developer";
 * - results: due before the as-of date → 90 % closed (three quarters on time, the rest late),
 *   10 % still open (overdue); due later → 30 % closed early, 70 % open ("New" or "In Progress");
 * - one more project, `bench-create`, with every agency as member, receives the issues that
 *   measure.ts creates, so the measured lists do not change during a run.
 *
 * The load replaces whatever a previous load wrote (projects, issues, members, agency users);
 * the admin, the settings and Redmine's default data stay. Stop Redmine first (stop.sh) or restart
 * it after loading. The database is REDMINE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/redmine_bench).
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/redmine_bench';
const TRACKER = 'Feature';
const ROLE = 'Developer';
const BATCH = 5000;

interface Agency {
  login: string;
  firstname: string;
  lastname: string;
  provincial: boolean;
}

interface IssueRow {
  project: number; // index into plans
  subject: string;
  agency: number; // index into agencies
  start: string;
  due: string;
  closedOn: string | null; // 'YYYY-MM-DD HH:MM:SS' (UTC, as Rails stores it) or null
  status: 'new' | 'progress' | 'closed';
  created: string;
}

interface Plan {
  identifier: string;
  name: string;
  issued: string;
  agencies: Set<number>;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCIAL: [string, string][] = [
  ['VP', 'Văn phòng UBND tỉnh'],
  ['STP', 'Sở Tư pháp'],
  ['SNV', 'Sở Nội vụ'],
  ['STC', 'Sở Tài chính'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['SCT', 'Sở Công Thương'],
  ['SXD', 'Sở Xây dựng'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['SNNPTNT', 'Sở Nông nghiệp và PTNT'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SLDTBXH', 'Sở Lao động - TB và XH'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['TTR', 'Thanh tra tỉnh'],
  ['BDT', 'Ban Dân tộc'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế'],
  ['CAT', 'Công an tỉnh'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh'],
  ['CTHUE', 'Cục Thuế tỉnh'],
  ['KBNN', 'Kho bạc Nhà nước tỉnh'],
  ['BHXH', 'Bảo hiểm xã hội tỉnh'],
  ['DPTTH', 'Đài Phát thanh - Truyền hình'],
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công'],
];
const COMMUNES = 104;
const COMMUNE_NAMES = [
  'An',
  'Bình',
  'Phú',
  'Tân',
  'Hòa',
  'Long',
  'Phước',
  'Thạnh',
  'Mỹ',
  'Vĩnh',
  'Đông',
  'Tây',
];
const COMMUNE_SUFFIX = ['Lộc', 'Thọ', 'Hưng', 'Thuận', 'Lợi', 'Điền', 'Hiệp', 'Thành', 'Trung'];
const VERBS = [
  'Xây dựng',
  'Triển khai',
  'Rà soát',
  'Tổ chức',
  'Báo cáo',
  'Hoàn thiện',
  'Đánh giá',
  'Tuyên truyền',
];
const OBJECTS = [
  'kế hoạch cải cách hành chính',
  'thủ tục hành chính trực tuyến toàn trình',
  'chỉ số hài lòng của người dân',
  'cơ sở dữ liệu chuyên ngành',
  'hệ thống quản lý văn bản',
  'quy chế phối hợp',
  'chuyển đổi số',
  'kiểm soát thủ tục hành chính',
  'bộ phận một cửa',
  'văn bản quy phạm pháp luật',
];

export function agencies(): Agency[] {
  const out: Agency[] = PROVINCIAL.map(([code, name]) => ({
    login: code.toLowerCase(),
    firstname: name.slice(0, 30),
    lastname: `(${code})`,
    provincial: true,
  }));
  for (let i = 1; i <= COMMUNES; i++) {
    const n = String(i).padStart(3, '0');
    const name = `${COMMUNE_NAMES[i % COMMUNE_NAMES.length]} ${COMMUNE_SUFFIX[i % COMMUNE_SUFFIX.length]}`;
    out.push({
      login: `xa${n}`,
      firstname: `UBND xã ${name}`.slice(0, 30),
      lastname: `(XA${n})`,
      provincial: false,
    });
  }
  return out;
}

/** Calendar-day arithmetic on 'YYYY-MM-DD' strings, in UTC so that no local zone shifts a day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' strings order like the days they name. */
function clampDay(day: string, from: string, to: string): string {
  if (day.localeCompare(from) < 0) return from;
  if (day.localeCompare(to) > 0) return to;
  return day;
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28))).toISOString().slice(0, 10);
}

/** Generates exactly `count` issues over as many plans as needed. Pure and deterministic. */
export function generate(count: number, seed: number, asOf: string) {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const all = agencies();
  const provincial = all.flatMap((a, i) => (a.provincial ? [i] : []));
  const communes = all.flatMap((a, i) => (a.provincial ? [] : [i]));
  const span = 4 * 365 + 182; // plans issued over the 4½ years before the as-of date
  const plans: Plan[] = [];
  const issues: IssueRow[] = [];
  const clock = (day: string) =>
    `${day} ${String(int(1, 10)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`;

  while (issues.length < count) {
    const p = plans.length;
    const issued = addDays(asOf, -span + Math.floor((span * issues.length) / count) + int(0, 20));
    const plan: Plan = {
      identifier: `kh-${String(p + 1).padStart(4, '0')}`,
      name: `Kế hoạch số ${p + 1}/KH-UBND ngày ${issued}`,
      issued: issued > asOf ? asOf : issued,
      agencies: new Set(),
    };
    plans.push(plan);
    for (let t = 1; t <= 50 && issues.length < count; t++) {
      const roll = random();
      let cell: number[];
      if (roll < 0.6) cell = [pick(all.map((_, i) => i))];
      else if (roll < 0.85) {
        const k = int(2, 5);
        const s = new Set<number>();
        while (s.size < k) s.add(int(0, all.length - 1));
        cell = [...s];
      } else if (roll < 0.95) cell = provincial;
      else cell = communes;
      const recurRoll = random();
      const firstDue = addDays(plan.issued, int(15, 365));
      const dues =
        recurRoll < 0.05
          ? Array.from({ length: 12 }, (_, k) => addMonths(firstDue, k))
          : recurRoll < 0.1
            ? Array.from({ length: 4 }, (_, k) => addMonths(firstDue, 3 * k))
            : [firstDue];
      const subject = `${t}. ${pick(VERBS)} ${pick(OBJECTS)}`;
      for (const due of dues) {
        for (const agency of cell) {
          if (issues.length >= count) break;
          plan.agencies.add(agency);
          const r = random();
          let status: IssueRow['status'];
          let closedOn: string | null = null;
          if (due < asOf) {
            if (r < 0.9) {
              status = 'closed';
              const late = random() < 0.25;
              const day = late ? addDays(due, int(1, 60)) : addDays(due, -int(0, 14));
              closedOn = clock(clampDay(day, plan.issued, asOf));
            } else status = random() < 0.5 ? 'new' : 'progress';
          } else if (r < 0.3) {
            status = 'closed';
            const day = addDays(asOf, -int(0, 30));
            closedOn = clock(clampDay(day, plan.issued, asOf));
          } else status = random() < 0.5 ? 'new' : 'progress';
          issues.push({
            project: p,
            subject,
            agency,
            start: plan.issued,
            due,
            closedOn,
            status,
            created: `${plan.issued} 02:00:00`,
          });
        }
      }
    }
  }
  return { agencies: all, plans, issues };
}

export function apiKeyFor(login: string, seed: number): string {
  return createHash('sha1').update(`dondoc-bench-${seed}-${login}`).digest('hex');
}

async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: [name: string, type: string][],
  rows: unknown[][],
  returning?: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    const sql = `insert into ${table} (${columns.map(([n]) => n).join(', ')})
      select * from unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')})
      ${returning ? `returning ${returning}` : ''}`;
    const result = await client.query(sql, arrays);
    if (returning) for (const row of result.rows) ids.push(Number(row[returning]));
  }
  return ids;
}

async function one(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query(sql, params);
  const value = rows[0] ? Object.values(rows[0])[0] : undefined;
  if (value === undefined || value === null) throw new Error(`no row for: ${sql}`);
  return Number(value);
}

export async function load(url: string, count: number, seed: number, asOf: string) {
  const data = generate(count, seed, asOf);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('begin');
    const tracker = await one(client, 'select id from trackers where name = $1', [TRACKER]);
    const role = await one(client, 'select id from roles where name = $1 and assignable', [ROLE]);
    const priority = await one(
      client,
      "select id from enumerations where type = 'IssuePriority' and is_default",
    );
    const admin = await one(client, "select id from users where login = 'admin'");
    const statusOf = {
      new: await one(client, "select id from issue_statuses where name = 'New'"),
      progress: await one(client, "select id from issue_statuses where name = 'In Progress'"),
      closed: await one(client, "select id from issue_statuses where name = 'Closed'"),
    };

    // Replace a previous load: everything project-, issue- and agency-shaped.
    await client.query(`truncate issues, journals, journal_details, watchers, issue_relations, members,
      member_roles, enabled_modules, projects_trackers, projects restart identity`);
    await client.query(
      "delete from tokens where user_id in (select id from users where type = 'User' and login <> 'admin')",
    );
    await client.query(
      "delete from email_addresses where user_id in (select id from users where type = 'User' and login <> 'admin')",
    );
    await client.query("delete from users where type = 'User' and login <> 'admin'");

    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const userIds = await insertRows(
      client,
      'users',
      [
        ['login', 'varchar'],
        ['firstname', 'varchar'],
        ['lastname', 'varchar'],
        ['hashed_password', 'varchar'],
        ['salt', 'varchar'],
        ['admin', 'boolean'],
        ['status', 'int'],
        ['language', 'varchar'],
        ['type', 'varchar'],
        ['mail_notification', 'varchar'],
        ['created_on', 'timestamp'],
        ['updated_on', 'timestamp'],
      ],
      data.agencies.map((a) => [
        a.login,
        a.firstname,
        a.lastname,
        '',
        '',
        false,
        1,
        'vi',
        'User',
        'none',
        now,
        now,
      ]),
      'id',
    );
    await insertRows(
      client,
      'email_addresses',
      [
        ['user_id', 'int'],
        ['address', 'varchar'],
        ['is_default', 'boolean'],
        ['notify', 'boolean'],
        ['created_on', 'timestamp'],
        ['updated_on', 'timestamp'],
      ],
      data.agencies.map((a, i) => [userIds[i], `${a.login}@bench.invalid`, true, false, now, now]),
    );
    await insertRows(
      client,
      'tokens',
      [
        ['user_id', 'int'],
        ['action', 'varchar'],
        ['value', 'varchar'],
        ['created_on', 'timestamp'],
        ['updated_on', 'timestamp'],
      ],
      data.agencies.map((a, i) => [userIds[i], 'api', apiKeyFor(a.login, seed), now, now]),
    );

    // Projects are a nested set ordered by name: roots get lft/rgt in that order.
    const projects = [
      ...data.plans.map((p) => ({ identifier: p.identifier, name: p.name, created: `${p.issued} 01:00:00` })),
      { identifier: 'bench-create', name: 'Nhiệm vụ giao mới (benchmark)', created: now },
    ];
    const order = projects
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
    const lft = new Array<number>(projects.length);
    order.forEach(({ i }, rank) => {
      lft[i] = 2 * rank + 1;
    });
    const projectIds = await insertRows(
      client,
      'projects',
      [
        ['name', 'varchar'],
        ['identifier', 'varchar'],
        ['description', 'text'],
        ['is_public', 'boolean'],
        ['status', 'int'],
        ['lft', 'int'],
        ['rgt', 'int'],
        ['created_on', 'timestamp'],
        ['updated_on', 'timestamp'],
      ],
      projects.map((p, i) => [
        p.name,
        p.identifier,
        '',
        false,
        1,
        lft[i],
        (lft[i] ?? 0) + 1,
        p.created,
        p.created,
      ]),
      'id',
    );
    const moduleNames = ['issue_tracking'];
    await insertRows(
      client,
      'enabled_modules',
      [
        ['project_id', 'int'],
        ['name', 'varchar'],
      ],
      projectIds.flatMap((id) => moduleNames.map((m) => [id, m])),
    );
    await insertRows(
      client,
      'projects_trackers',
      [
        ['project_id', 'int'],
        ['tracker_id', 'int'],
      ],
      projectIds.map((id) => [id, tracker]),
    );

    const memberships: [number, number][] = data.plans.flatMap((p, i) =>
      [...p.agencies]
        .sort((a, b) => a - b)
        .map((a) => [projectIds[i] as number, userIds[a] as number] as [number, number]),
    );
    const createProject = projectIds[projectIds.length - 1] as number;
    for (const u of userIds) memberships.push([createProject, u]);
    const memberIds = await insertRows(
      client,
      'members',
      [
        ['project_id', 'int'],
        ['user_id', 'int'],
        ['created_on', 'timestamp'],
        ['mail_notification', 'boolean'],
      ],
      memberships.map(([p, u]) => [p, u, now, false]),
      'id',
    );
    await insertRows(
      client,
      'member_roles',
      [
        ['member_id', 'int'],
        ['role_id', 'int'],
      ],
      memberIds.map((m) => [m, role]),
    );

    await insertRows(
      client,
      'issues',
      [
        ['tracker_id', 'int'],
        ['project_id', 'int'],
        ['subject', 'varchar'],
        ['description', 'text'],
        ['due_date', 'date'],
        ['status_id', 'int'],
        ['assigned_to_id', 'int'],
        ['priority_id', 'int'],
        ['author_id', 'int'],
        ['created_on', 'timestamp'],
        ['updated_on', 'timestamp'],
        ['start_date', 'date'],
        ['done_ratio', 'int'],
        ['closed_on', 'timestamp'],
      ],
      data.issues.map((r) => [
        tracker,
        projectIds[r.project],
        r.subject,
        '',
        r.due,
        statusOf[r.status],
        userIds[r.agency],
        priority,
        admin,
        r.created,
        r.closedOn ?? r.created,
        r.start,
        r.status === 'closed' ? 100 : 0,
        r.closedOn,
      ]),
    );
    // Every issue is the root of its own one-node tree.
    await client.query('update issues set root_id = id, lft = 1, rgt = 2');
    await client.query('commit');
    await client.query('vacuum analyze');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const closed = data.issues.filter((r) => r.status === 'closed').length;
  return {
    issues: data.issues.length,
    closed,
    open: data.issues.length - closed,
    overdueOpen: data.issues.filter((r) => r.status !== 'closed' && r.due < asOf).length,
    plans: data.plans.length,
    agencies: data.agencies.length,
    seed,
    asOf,
    seconds: Math.round(seconds * 10) / 10,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      issues: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '9' },
      'as-of': { type: 'string', default: '2025-06-30' },
      database: { type: 'string', default: process.env.REDMINE_DATABASE_URL ?? DEFAULT_DATABASE_URL },
    },
  });
  const count = Number(values.issues);
  const seed = Number(values.seed);
  const asOf = values['as-of'];
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000)
    throw new Error(`--issues: ${values.issues}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: ${values.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of: ${asOf} (YYYY-MM-DD)`);
  const summary = await load(values.database, count, seed, asOf);
  console.log(JSON.stringify(summary, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
