#!/usr/bin/env node
// The dondoc command. It runs the compiled dist/cli when that was built from the sources as they are
// (`npm run build`; a production install — the Docker image, /opt/dondoc — has dist/ without src/), else
// the TypeScript sources through tsx (a checkout never built, or sources edited since the build): the
// compiled call skips loading tsx and compiling each module on the way (issue #18, docs/benchmarks.md).
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+: V8's compiled code of each module kept on disk between calls (a no-op where absent)
module.enableCompileCache?.();

const sources = new URL('../src/', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

/** Whether any file under `dir` changed after `builtAt` (ms); a few milliseconds for src/'s files. */
function changedSince(dir, builtAt) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory() ? changedSince(path, builtAt) : statSync(path).mtimeMs > builtAt) return true;
  }
  return false;
}

const useCompiled =
  existsSync(compiled) && (!existsSync(sources) || !changedSince(sources, statSync(compiled).mtimeMs));
let runCli;
if (useCompiled) {
  ({ runCli } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import(new URL('cli/main.ts', sources).href));
}
process.exitCode = await runCli(process.argv.slice(2));
