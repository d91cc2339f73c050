/**
 * CPU time from /proc for the benches that compare servers or statements (side-by-side.ts, plan-cost.ts): of one
 * process, and of the PostgreSQL backends serving one database. CPU per response depends much less on
 * what else a shared machine runs than req/s and latencies do.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** CPU seconds (user + system) of one process from /proc; 0 once it has ended. */
export function procCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return 0;
  }
}

/** One database's client backends: CPU seconds per pid, and how many run a statement now. */
export async function backends(client: pg.Client): Promise<{ cpu: Map<number, number>; active: number }> {
  const { rows } = await client.query<{ pid: number; state: string | null }>(
    `select pid, state from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
  );
  return {
    cpu: new Map(rows.map((r) => [r.pid, procCpu(r.pid)])),
    active: rows.filter((r) => r.state === 'active').length,
  };
}

/** CPU the backends used between two readings; a backend that started meanwhile counts whole. */
export function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0);
  return sum;
}
