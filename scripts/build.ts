import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from './ensure-web-build.ts';

/**
 * `npm run build`: what production runs (`node dist/server/main.js`, the Dockerfile, the systemd
 * unit). The TypeScript sources are compiled into a clean dist/ (tsc rewrites the `.ts` imports to
 * `.js`), the files the code reads beside itself are copied (the demo's seed plan and directory),
 * and the SPA is built into web/dist. The parsing worker compiles to dist/modules/import/parse-worker.js
 * like any module; its `.mjs` entry only serves the TypeScript sources. The server's entry,
 * dist/server/main.js, is then replaced by its bundle (scripts/bundle-server.mjs: our modules and kysely
 * in a few files, the lazy imports as chunks beside it). `--no-web` skips the SPA; `--out <dir>` and
 * `--no-check` serve the test suite's build (test/support/server-build.ts).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** Files of src/ that are neither compiled nor needed by the compiled code. */
const NOT_COPIED = [/\.ts$/, /\.mjs$/];

/** Every file under `dir` that the compiled code reads at run time (seed data and the like). */
function assetsOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return assetsOf(path);
    return NOT_COPIED.some((pattern) => pattern.test(entry.name)) ? [] : [path];
  });
}

/**
 * Compiles src/ into `outDir` (default dist/, emptied first) with the assets; returns the assets copied.
 * `typeCheck: false` emits without checking the types (tsc --noCheck): the same JavaScript (the
 * sources are isolatedModules, nothing is emitted from types), a third of the CPU — for a caller that
 * checks the types elsewhere (the test of the compiled output: CI runs `tsc --noEmit -p .` first).
 */
export function buildServer(outDir = DIST, { typeCheck = true } = {}): string[] {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      outDir,
      ...(typeCheck ? [] : ['--noCheck']),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed (exit ${tsc.status})`);
  const copied = assetsOf(SRC).map((path) => relative(SRC, path));
  for (const file of copied) {
    cpSync(join(SRC, file), join(outDir, file));
  }
  // the server's start bundled over tsc's dist/server/main.js (scripts/bundle-server.mjs, issue #18)
  const bundle = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle-server.mjs'), outDir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (bundle.status !== 0) throw new Error(`bundling the server failed (exit ${bundle.status})`);
  return copied;
}

/** The value after `flag` on the command line (`--out <dir>`), or undefined. */
function optionValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--out <dir>` another folder than dist/, `--no-check` without the type check (the test suite's build)
  const outDir = optionValue('--out');
  const copied = buildServer(outDir ?? DIST, { typeCheck: !process.argv.includes('--no-check') });
  console.log(
    `dondoc: compiled src/ into ${outDir ?? 'dist/'} and copied ${copied.length} files: ${copied.join(', ')}`,
  );
  if (!process.argv.includes('--no-web')) ensureWebBuild({ force: true });
  console.log('dondoc: built; start with: node dist/server/main.js');
}
