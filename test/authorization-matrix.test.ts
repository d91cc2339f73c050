import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MatrixEntry, Target } from './matrix/types.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, buildWorld, type Client, signIn, type World } from './support/http.ts';
import { type Snapshot, takeSnapshot } from './support/snapshot.ts';

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
 * Least privileged first, on the seed world as built (restored before each route) and one concrete
 * request per target: a refused call changes nothing, so each caller meets the data as built until
 * the first allowed write (after which a write may answer 409, which counts as allowed, not as a
 * denial).
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
  // the world is built once, every caller signed in once; each route starts from a restored copy of
  // it (the sessions included), not from a world built again
  let world: World;
  let snapshot: Snapshot;
  const clients = new Map<string | null, Client>();
  beforeAll(async () => {
    world = await buildWorld(t);
    for (const { username } of CALLERS) {
      if (!clients.has(username))
        clients.set(username, username ? await signIn(world.app, username) : anonymous(world.app));
    }
    snapshot = await takeSnapshot(t.db);
    t.rowsRestoredBeforeEach?.(true);
  });
  afterAll(async () => {
    await world?.app.close();
    await snapshot?.drop();
  });

  it('has an entry for every route the app registers, and none for a route it does not', () => {
    const routes = world.app.routeTable.map((r) => `${r.method} ${r.url}`);
    const covered = new Set(entries.map((e) => `${e.method} ${e.url}`));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const entry of entries) {
    it(`${entry.method} ${entry.url}`, async () => {
      const failures: string[] = [];
      await snapshot.restore();
      // one concrete request per target, built once: later callers meet what earlier ones left
      const requests = new Map<Target, Awaited<ReturnType<MatrixEntry['request']>>>();
      for (const { caller, username, target } of CALLERS) {
        const client = clients.get(username) as Client;
        const request =
          (entry.fresh ? undefined : requests.get(target)) ??
          (await entry.request({ world, db: t.db }, target));
        requests.set(target, request);
        // each caller from its own address, as people at their own desks: the sign-in throttle counts
        // failures per typed name and address, and the callers are signed in once, not between routes
        const reply = await client.request({
          method: entry.method,
          ...request,
          remoteAddress: address(caller),
        });
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
      expect(failures).toEqual([]);
    });
  }
});

/** a documentation address (TEST-NET-1) per caller */
function address(caller: (typeof CALLERS)[number]['caller']): string {
  return `192.0.2.${CALLERS.findIndex((c) => c.caller === caller) + 1}`;
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
