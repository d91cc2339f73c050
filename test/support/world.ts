import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { TestDatabase } from './databases.ts';
import { buildWorld, type Client, signIn, type World } from './http.ts';
import { type Snapshot, takeSnapshot } from './snapshot.ts';

/** The seed world of a describe block, and its users signed in for the running test. */
export type SeedWorld<Names extends string> = { readonly world: World } & { readonly [N in Names]: Client };

/**
 * The seed world of buildWorld, built once for the describe block that calls this and put back
 * before each of its tests (test/support/snapshot.ts): every test meets the world exactly as built,
 * at the cost of a restore instead of a new demo, users and app. Call it inside the describe, before
 * the block's own beforeEach. `signedIn` names the users to sign in before each test, by the name the
 * tests use for them (`{ office: 'vanphong' }` → `seed.office`); `seed.world` is the world (one app
 * for the block). Read them in a test or a hook, not while the describe is being collected.
 */
export function useSeedWorld<const Names extends string = never>(
  t: TestDatabase,
  options: Parameters<typeof buildWorld>[1] & { signedIn?: Record<Names, string> } = {},
): SeedWorld<Names> {
  const { signedIn = {} as Record<Names, string>, ...buildOptions } = options;
  let world: World | undefined;
  let snapshot: Snapshot | undefined;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    world = await buildWorld(t, buildOptions);
    snapshot = await takeSnapshot(t.db);
    t.rowsRestoredBeforeEach?.(true);
  });
  beforeEach(async () => {
    await snapshot?.restore();
    clients.clear();
    for (const [name, username] of Object.entries<string>(signedIn))
      clients.set(name, await signIn(built().app, username));
  });
  afterAll(async () => {
    t.rowsRestoredBeforeEach?.(false);
    await world?.app.close();
    await snapshot?.drop();
  });
  function built(): World {
    if (!world) throw new Error('the seed world is not built yet (use it in a test or a hook)');
    return world;
  }
  const seed = {};
  Object.defineProperty(seed, 'world', { get: built });
  for (const name of Object.keys(signedIn))
    Object.defineProperty(seed, name, {
      get: () => {
        const client = clients.get(name);
        if (!client) throw new Error(`${name} is not signed in yet (use it in a test or a hook)`);
        return client;
      },
    });
  return seed as SeedWorld<Names>;
}

/**
 * A world of the test's own, for tests that need an app configured otherwise than the seed's: the
 * returned `open(options)` builds it (buildWorld), and it is closed after the test.
 */
export function useOwnWorld(t: TestDatabase) {
  let world: World | undefined;
  afterEach(async () => world?.app.close());
  return async (options: Parameters<typeof buildWorld>[1] = {}) => {
    world = await buildWorld(t, options);
    return world;
  };
}
