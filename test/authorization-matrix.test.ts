import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MatrixEntry, Target } from './matrix/types.ts';
import { describeOnFastestDatabase, truncateAll } from './support/databases.ts';
import { anonymous, buildWorld, type Client, signIn, type World } from './support/http.ts';

/**
 * Every route × caller: admin, office, leader, an agency on its own and on another agency's data,
 * the public, and another authority's office. Fails on any leak, and on any route without an entry.
 */
const matrixDir = new URL('./matrix/', import.meta.url);
const entries: MatrixEntry[] = [];
for (const file of readdirSync(matrixDir)
  .filter((f) => f.endsWith('.matrix.ts'))
  .sort()) {
  const module = (await import(new URL(file, matrixDir).href)) as { entries: MatrixEntry[] };
  entries.push(...module.entries);
}

const DENIED = new Set([401, 403, 404]);
type Caller = 'admin' | 'office' | 'leader' | 'agencyOwn' | 'agencyOther' | 'public';
/**
 * Least privileged first, on one seed world per route and one concrete request per target: a refused
 * call changes nothing, so each caller meets the data as built until the first allowed write (after
 * which a write may answer 409, which counts as allowed, not as a denial).
 */
const CALLERS: { caller: Caller | 'otherAuthority'; username: string | null; target: Target }[] = [
  { caller: 'public', username: null, target: 'own' },
  { caller: 'otherAuthority', username: 'bd.vanphong', target: 'own' },
  { caller: 'agencyOther', username: 'stp', target: 'other' },
  { caller: 'agencyOwn', username: 'stp', target: 'own' },
  { caller: 'leader', username: 'lanhdao', target: 'own' },
  { caller: 'office', username: 'vanphong', target: 'own' },
  { caller: 'admin', username: 'quantri', target: 'own' },
];

/** Access rules do not depend on the database: the matrix runs on PostgreSQL when there is one. */
describeOnFastestDatabase('authorisation matrix', (t) => {
  let routes: string[] = [];
  beforeAll(async () => {
    const world = await buildWorld(t);
    routes = world.app.routeTable.map((r) => `${r.method} ${r.url}`);
    await world.app.close();
  });
  afterAll(async () => truncateAll(t.db));

  it('has an entry for every route the app registers, and none for a route it does not', () => {
    const covered = new Set(entries.map((e) => `${e.method} ${e.url}`));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const entry of entries) {
    it(`${entry.method} ${entry.url}`, async () => {
      const failures: string[] = [];
      await truncateAll(t.db);
      const world: World = await buildWorld(t);
      // one concrete request per target, built once: later callers meet what earlier ones left
      const requests = new Map<Target, Awaited<ReturnType<MatrixEntry['request']>>>();
      try {
        for (const { caller, username, target } of CALLERS) {
          const client: Client = username ? await signIn(world.app, username) : anonymous(world.app);
          const request =
            (entry.fresh ? undefined : requests.get(target)) ??
            (await entry.request({ world, db: t.db }, target));
          requests.set(target, request);
          const reply = await client.request({ method: entry.method, ...request });
          const status = reply.statusCode;
          if (status >= 500) failures.push(`${caller}: ${status} ${reply.body.slice(0, 200)}`);
          if (caller === 'otherAuthority') {
            if (entry.crossAuthority === 'list') {
              if (status < 400 && entry.leaks?.(safeJson(reply.body)))
                failures.push(`${caller}: leaked UBND-TN data`);
            } else if (!DENIED.has(status)) {
              failures.push(`${caller}: expected a denial, got ${status}`);
            }
          } else {
            const allowed = !DENIED.has(status) && status < 500;
            if (allowed !== entry.allow[caller]) {
              const expected = entry.allow[caller] ? 'allowed' : 'denied';
              failures.push(`${caller}: expected ${expected}, got ${status} ${reply.body.slice(0, 160)}`);
            }
          }
        }
      } finally {
        await world.app.close();
      }
      expect(failures).toEqual([]);
    });
  }
});

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
