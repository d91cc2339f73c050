#!/usr/bin/env node
// The dondoc command. In a checkout it runs the TypeScript sources through tsx (no build step); in a
// production install (the Docker image, /opt/dondoc: dist/ without src/) the compiled dist/cli.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
let runCli;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import(sources.href));
} else {
  ({ runCli } = await import(new URL('../dist/cli/main.js', import.meta.url).href));
}
process.exitCode = await runCli(process.argv.slice(2));
