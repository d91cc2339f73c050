/**
 * The HTTP load of one scenario, in its own process so that the load generator does not share the
 * server's event loop: autocannon (node_modules/autocannon, programmatic API) against the URL given,
 * every response time recorded (p50/p95/p99 by nearest rank), 2xx per second over the run.
 *   echo '<json spec>' | node --import tsx bench/scale/cannon.ts   → prints one JSON line
 * Modes: `get` (one fixed request), `create` (POST JSON with `__N__` in the body replaced by a
 * counter, so each plan number is new), `submit-accept` (per assignment id of `ids`: POST the result,
 * then POST /results/<id from the answer>/accept; one pair = one unit of work).
 */
import { createRequire } from 'node:module';

export interface CannonSpec {
  mode: 'get' | 'create' | 'submit-accept';
  base: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  ids?: number[];
  connections: number;
  seconds: number;
}

export interface CannonResult {
  connections: number;
  seconds: number;
  responses: number;
  ok: number;
  failed: number;
  failedStatuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** 2xx responses per second (for submit-accept: accepted pairs per second) */
  perSecond: number;
  unit: 'request' | 'pair';
  exhausted?: boolean;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  stop(): void;
};

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function runCannon(spec: CannonSpec): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let counter = 0;
    let exhausted = false;
    const failedStatuses: Record<string, number> = {};
    let ok = 0;
    const base = { headers: spec.headers, method: 'POST' };
    let requests: Record<string, unknown>[] | undefined;
    if (spec.mode === 'create') {
      const stamp = Date.now().toString(36);
      requests = [
        {
          ...base,
          path: spec.path,
          setupRequest: (req: Record<string, unknown>) => {
            counter += 1;
            return { ...req, body: (spec.body ?? '').replaceAll('__N__', `${stamp}-${counter}`) };
          },
        },
      ];
    } else if (spec.mode === 'submit-accept') {
      const ids = spec.ids ?? [];
      requests = [
        {
          ...base,
          setupRequest: (req: Record<string, unknown>) => {
            const id = ids[counter++];
            if (id === undefined) {
              exhausted = true;
              instance.stop();
              return null;
            }
            return {
              ...req,
              path: `/api/assignments/${id}/results`,
              body: JSON.stringify({
                documentNumber: `${id}/BC-BENCH`,
                note: 'Báo cáo kết quả',
                accept: false,
              }),
            };
          },
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            context.resultId = status === 201 ? (JSON.parse(body) as { id: number }).id : null;
          },
        },
        {
          ...base,
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => ({
            ...req,
            path: `/api/results/${context.resultId ?? 0}/accept`,
            body: '{}',
          }),
        },
      ];
    }
    const instance = autocannon(
      {
        url: `${spec.base}${spec.path}`,
        method: spec.mode === 'get' ? 'GET' : 'POST',
        headers: spec.headers,
        connections: spec.connections,
        duration: spec.seconds,
        timeout: 120,
        ...(requests ? { requests } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const pair = spec.mode === 'submit-accept';
        resolve({
          connections: spec.connections,
          seconds: result.duration,
          responses: times.length,
          ok,
          failed: times.length - ok + result.errors,
          failedStatuses,
          p50: round(percentile(times, 0.5)),
          p95: round(percentile(times, 0.95)),
          p99: round(percentile(times, 0.99)),
          max: round(times[times.length - 1] ?? Number.NaN),
          perSecond: round((pair ? ok / 2 : ok) / result.duration),
          unit: pair ? 'pair' : 'request',
          ...(exhausted ? { exhausted } : {}),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 200 && status < 300) ok += 1;
      else failedStatuses[status] = (failedStatuses[status] ?? 0) + 1;
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (c: Buffer) => chunks.push(c));
  process.stdin.on('end', () => {
    const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CannonSpec;
    runCannon(spec).then(
      (result) => console.log(JSON.stringify(result)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
