/**
 * A large, deterministic data set for scale benchmarks: one authority with N agencies (the Office plus
 * provincial departments and districts), plans of 100 tasks each, every task led by K agencies, and
 * accepted results for part of them (on time or late) — written with bulk inserts, no per-row
 * service calls. The same seed gives the same rows. Default: 1,000 agencies × 50,000 lead assignments.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { addDays } from '../src/domain/dates.ts';

export interface GenerateOptions {
  seed?: number;
  agencies?: number;
  assignments?: number;
  /** lead agencies per task */
  perTask?: number;
  code?: string;
}

export interface Generated {
  authorityId: number;
  agencies: number;
  plans: number;
  tasks: number;
  assignments: number;
  results: number;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHUNK = 2_000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function generateBenchData(db: Kysely<DB>, options: GenerateOptions = {}): Promise<Generated> {
  const random = prng(options.seed ?? 2021);
  const agencyCount = options.agencies ?? 1_000;
  const total = options.assignments ?? 50_000;
  const perTask = options.perTask ?? 10;
  const taskCount = Math.ceil(total / perTask);
  const planCount = Math.ceil(taskCount / 100);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

  const { id: authorityId } = await db
    .insertInto('authority')
    .values({ code: options.code ?? 'BENCH', name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', place: 'Thử Nghiệm' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agencyRows = Array.from({ length: agencyCount }, (_, i) => ({
    authority_id: authorityId,
    code: i === 0 ? 'VP' : `CQ${String(i).padStart(4, '0')}`,
    name: i === 0 ? 'Văn phòng UBND tỉnh' : `${i % 3 === 0 ? 'UBND huyện' : 'Sở'} Thử nghiệm số ${i}`,
    kind: (i % 3 === 0 && i > 0 ? 'district' : 'province') as 'district' | 'province',
    parent_id: null,
    valid_from: null,
    valid_to: null,
    is_monitor: i === 0,
  }));
  const agencyIds: number[] = [];
  await insertChunks(agencyRows, async (chunk) => {
    const ids = await db.insertInto('agency').values(chunk).returning('id').execute();
    agencyIds.push(...ids.map((r) => r.id));
  });

  const planIds: number[] = [];
  for (let p = 0; p < planCount; p++) {
    const { id } = await db
      .insertInto('plan')
      .values({
        authority_id: authorityId,
        doc_type: 'KH',
        number: `${p + 1}/KH-UBND`,
        issued_on: '2021-01-04',
        title: `Kế hoạch thử nghiệm số ${p + 1} về cải cách hành chính năm 2021`,
        ends_on: null,
        cancelled_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    planIds.push(id);
  }

  const taskRows = Array.from({ length: taskCount }, (_, i) => {
    const due = addDays('2021-01-15', Math.floor(random() * 350));
    return {
      authority_id: authorityId,
      plan_id: planIds[Math.floor(i / 100)] as number,
      section_id: null,
      no: String((i % 100) + 1),
      ref: String((i % 100) + 1),
      content: `Nhiệm vụ thử nghiệm số ${i + 1}: xây dựng, triển khai và báo cáo kết quả thực hiện`,
      lead_text: '',
      support_text: '',
      deadline_text: `Trước ngày ${due.slice(8, 10)}/${due.slice(5, 7)}/2021`,
      deadline_kind: 'once' as const,
      due_on: due,
      recurrence: JSON.stringify(null),
      note: '',
      position: i % 100,
      cancelled_on: null,
    };
  });
  const tasks: { id: number; due: string }[] = [];
  await insertChunks(taskRows, async (chunk) => {
    const ids = await db.insertInto('task').values(chunk).returning(['id', 'due_on']).execute();
    tasks.push(...ids.map((r) => ({ id: r.id, due: r.due_on as string })));
  });

  const assignmentRows: {
    authority_id: number;
    task_id: number;
    agency_id: number;
    role: 'lead';
    occurrence: number;
    period_label: null;
    opens_on: string;
    original_due_on: string;
    current_due_on: string;
    cancelled_on: null;
  }[] = [];
  for (const task of tasks) {
    const chosen = new Set<number>();
    while (chosen.size < perTask && assignmentRows.length + chosen.size < total) chosen.add(pick(agencyIds));
    for (const agencyId of chosen) {
      assignmentRows.push({
        authority_id: authorityId,
        task_id: task.id,
        agency_id: agencyId,
        role: 'lead',
        occurrence: 1,
        period_label: null,
        opens_on: '2021-01-04',
        original_due_on: task.due,
        current_due_on: task.due,
        cancelled_on: null,
      });
    }
  }
  const assignments: { id: number; due: string }[] = [];
  await insertChunks(assignmentRows, async (chunk) => {
    const ids = await db.insertInto('assignment').values(chunk).returning(['id', 'current_due_on']).execute();
    assignments.push(...ids.map((r) => ({ id: r.id, due: r.current_due_on as string })));
  });

  // 60 % answered: four in five on time (up to 10 days early), the rest up to 40 days late
  const resultRows = assignments
    .filter(() => random() < 0.6)
    .map((a) => {
      const submitted =
        random() < 0.8
          ? addDays(a.due, -Math.floor(random() * 10))
          : addDays(a.due, 1 + Math.floor(random() * 40));
      return {
        authority_id: authorityId,
        assignment_id: a.id,
        submitted_on: submitted,
        document_number: null,
        status: 'accepted' as const,
        decided_on: submitted,
        decided_by: 'bench',
        return_reason: null,
      };
    });
  await insertChunks(resultRows, (chunk) => db.insertInto('result_submission').values(chunk).execute());
  return {
    authorityId,
    agencies: agencyIds.length,
    plans: planIds.length,
    tasks: tasks.length,
    assignments: assignments.length,
    results: resultRows.length,
  };
}
