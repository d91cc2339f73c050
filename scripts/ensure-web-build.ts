import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the SPA (web/ → web/dist) when the build is missing or older than its sources, so that
 * `npm start` and the browser tests always serve the current app. `--force` rebuilds anyway.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'src/domain',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const index = join(ROOT, 'web/dist/index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(ROOT, source)) <= built);
}

export function ensureWebBuild({ force = false, quiet = false } = {}): void {
  if (!force && webBuildIsCurrent()) return;
  if (!quiet) console.log('dondoc: building the web app (vite build)…');
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      quiet ? 'warn' : 'info',
    ],
    // web/dist is always the production build: vitest sets NODE_ENV=test, and vite would then bundle React's
    // and antd's development code (≈ 70 KB more gzip, dev-only console warnings) into the SPA the tests serve
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild({ force: process.argv.includes('--force') });
}
