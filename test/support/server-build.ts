import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

/**
 * The server as `npm run build` makes it (scripts/build.ts without its type check: tsc's emit and the
 * esbuild bundle of the server's start), for the suites that start the server or the CLI as a child
 * process: each start of the bundle costs ≈ 1 CPU-s, against ≈ 3.7 under tsx, which compiles ≈ 300
 * modules at every start. Built from the same sources, once per run, by the db project's global setup,
 * in the background (while the database templates are made), into .tmp/server-build/<hash>/ — a hash of
 * src/, bin/ and of what the build reads: a rerun on unchanged sources builds nothing. The folder has
 * an installation's layout (dist/, bin/, package.json, node_modules); test files wait for it with
 * serverBuild().
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(ROOT, '.tmp/server-build');

/** The files that start the built server or CLI; a run of other files builds nothing. */
const FILES_USING_THE_BUILD = [
  'test/cli.test.ts',
  'test/crash.test.ts',
  'test/compiled-build.test.ts',
  'test/observability.test.ts',
  'test/outbox.test.ts',
];

/** What the build's output depends on, besides src/. */
const BUILD_INPUTS = [
  'scripts/build.ts',
  'scripts/bundle-server.mjs',
  'tsconfig.build.json',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

declare module 'vitest' {
  export interface ProvidedContext {
    /** the folder the build is (being) made in, null when this run's files need none */
    serverBuild: string | null;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** sha256 of the sources, bin/ and build inputs, paths and contents (≈ 30 ms for src/). */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'bin'))];
  for (const file of [...inputs, ...BUILD_INPUTS.map((f) => join(ROOT, f))]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether this run's files (vitest's filters; none: every file) include one that uses the build. */
function runUsesTheBuild(filters: readonly string[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return FILES_USING_THE_BUILD.some((file) =>
    filters.some((filter) => file.includes(filter) || filter.includes(file)),
  );
}

/**
 * The build's folder with an installation's layout around dist/ (node_modules linked, not copied):
 * bin/ without src/ beside it runs the compiled code (bin/compiled.mjs).
 */
function completeLayout(folder: string): void {
  cpSync(join(ROOT, 'package.json'), join(folder, 'package.json'));
  cpSync(join(ROOT, 'bin'), join(folder, 'bin'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
}

/** Keeps the newest builds of this checkout (other sources, other branches), removes older ones. */
function removeOldBuilds(keep: number): void {
  const builds = readdirSync(CACHE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name))
    .map((entry) => ({ path: join(CACHE, entry.name), at: statSync(join(CACHE, entry.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(keep)) rmSync(old.path, { recursive: true, force: true });
}

/**
 * Global setup of the db project: starts the build when this run needs it and it is not cached, and
 * provides its folder; does not wait for it (test files do, in serverBuild()).
 */
export default function setup(project: TestProject): () => void {
  // vitest's file filters of this run (an internal field, as test/ocr-setup.ts reads it)
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!runUsesTheBuild(filters)) {
    project.provide('serverBuild', null);
    return () => {};
  }
  const folder = join(CACHE, sourcesHash());
  project.provide('serverBuild', folder);
  if (existsSync(join(folder, 'dist/server/main.js'))) {
    // a build in use is the newest: removeOldBuilds keeps the newest by modification time
    utimesSync(folder, new Date(), new Date());
    return () => {};
  }
  mkdirSync(CACHE, { recursive: true });
  rmSync(`${folder}.failed`, { force: true });
  const building = `${folder}.${process.pid}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--no-web', '--no-check', '--out', join(building, 'dist')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  child.on('exit', (code, signal) => {
    if (code !== 0) {
      writeFileSync(`${folder}.failed`, `the build exited with ${code ?? signal}:\n${output}`);
      rmSync(building, { recursive: true, force: true });
      return;
    }
    completeLayout(building);
    // the rename is what serverBuild() waits for: a folder is there whole or not at all
    if (existsSync(folder)) rmSync(building, { recursive: true, force: true });
    else renameSync(building, folder);
    removeOldBuilds(3);
  });
  return () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      rmSync(building, { recursive: true, force: true });
    }
  };
}

/**
 * The folder of this run's build (dist/server/main.js, dist/cli/main.js …), waited for: the global
 * setup started it; no clock of its own, the caller's hook or test timeout bounds the wait.
 */
export async function serverBuild(): Promise<string> {
  const folder = inject('serverBuild');
  if (!folder) throw new Error('no server build in this run: add the file to FILES_USING_THE_BUILD');
  for (;;) {
    if (existsSync(join(folder, 'dist/server/main.js'))) return folder;
    if (existsSync(`${folder}.failed`)) throw new Error(readFileSync(`${folder}.failed`, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
  }
}
