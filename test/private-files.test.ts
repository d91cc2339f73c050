import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** The embedded database's folder: folders 0700, files 0600 (issue #15: they were created 0666). */
const dir = mkdtempSync(join(tmpdir(), 'dondoc-private-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modes(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (path: string) => {
    const stat = lstatSync(path);
    found.set(path.slice(root.length) || '/', (stat.mode & 0o777).toString(8));
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(root);
  return found;
}

describe('the embedded database files', () => {
  it('are 0600 in 0700 folders once opened, written and closed — new ones and those of an older install', async () => {
    const data = join(dir, 'data');
    // an install from before: a world-readable folder and file
    mkdirSync(join(data, 'files'), { recursive: true });
    writeFileSync(join(data, 'files', 'old-upload'), 'x');
    chmodSync(data, 0o777);
    chmodSync(join(data, 'files'), 0o777);
    chmodSync(join(data, 'files', 'old-upload'), 0o666);

    const database = await openDatabase({ kind: 'pglite', dataDir: data });
    try {
      // while it runs, the folder already keeps everyone else out
      expect(modes(data).get('/')).toBe('700');
      expect(modes(data).get('/files/old-upload')).toBe('600');
      await migrateToLatest(database.db as never);
      await database.db
        .insertInto('authority')
        .values({ code: 'UBND-X', name: 'Ủy ban nhân dân tỉnh X' })
        .execute();
    } finally {
      await database.close();
    }
    const all = modes(data);
    expect(all.size).toBeGreaterThan(100); // PostgreSQL's cluster: base/, global/, pg_wal/ …
    const wrong = [...all].filter(([path, mode]) => {
      const isDir = lstatSync(join(data, path)).isDirectory();
      return mode !== (isDir ? '700' : '600');
    });
    expect(wrong).toEqual([]);
  });
});
