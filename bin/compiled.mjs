// Which code a launcher runs (issue #18): the compiled dist/ when it was built from the sources as they
// are (`npm run build`; a production install has dist/ without src/), else the TypeScript sources
// through tsx (a checkout never built, or sources edited since the build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';

const sources = new URL('../src/', import.meta.url);

/** Whether any file under `dir` changed after `builtAt` (ms); a few milliseconds for src/'s files. */
function changedSince(dir, builtAt) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory() ? changedSince(path, builtAt) : statSync(path).mtimeMs > builtAt) return true;
  }
  return false;
}

/**
 * Imports `dist/<name>.js` when current, else `src/<name>.ts` through tsx; `name` is e.g. 'cli/main'.
 * Node 22.1+ keeps V8's compiled code of each module on disk between runs (a no-op where absent).
 */
export async function importCurrent(name) {
  module.enableCompileCache?.();
  const compiled = new URL(`../dist/${name}.js`, import.meta.url);
  const current =
    existsSync(compiled) && (!existsSync(sources) || !changedSince(sources, statSync(compiled).mtimeMs));
  if (current) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`${name}.ts`, sources).href);
}
