import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TestDatabase } from './databases.ts';
import { buildWorld, type World } from './http.ts';
import { type Snapshot, takeSnapshot } from './snapshot.ts';

/**
 * The seed world of buildWorld, built once for the describe block that calls this and put back
 * before each of its tests (test/support/snapshot.ts): every test meets the world exactly as built,
 * at the cost of a restore instead of a new demo, users and app. Call it inside the describe, before
 * the block's own beforeEach; `seed()` in a test or hook returns the world (one app for the block).
 */
export function useSeedWorld(t: TestDatabase, options: Parameters<typeof buildWorld>[1] = {}): () => World {
  let world: World | undefined;
  let snapshot: Snapshot | undefined;
  beforeAll(async () => {
    world = await buildWorld(t, options);
    snapshot = await takeSnapshot(t.db);
    t.rowsRestoredBeforeEach?.(true);
  });
  beforeEach(async () => {
    await snapshot?.restore();
  });
  afterAll(async () => {
    t.rowsRestoredBeforeEach?.(false);
    await world?.app.close();
    await snapshot?.drop();
  });
  return () => {
    if (!world) throw new Error('the seed world is not built yet (use it in a test or a hook)');
    return world;
  };
}
