import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { type BackendName, createScratchDatabase } from './databases.ts';

/**
 * Where a CLI suite runs `dondoc`: a fresh data folder (PGlite) or a scratch PostgreSQL database,
 * given to the CLI through its environment, as a user would.
 */
export async function cliWorkspace(
  backend: BackendName,
  prefix: string,
): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  if (backend === 'postgres') {
    const scratch = await createScratchDatabase();
    return { env: { DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), `dondoc-${prefix}-`));
  return {
    env: { DONDOC_DATA_DIR: join(dir, 'data') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs one `dondoc` command in-process; returns its exit code and what it printed. */
export async function runCaptured(env: NodeJS.ProcessEnv, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
