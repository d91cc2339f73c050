#!/usr/bin/env node
// The dondoc command: dist/cli when built from the current sources, else src/cli through tsx (compiled.mjs).
import v8 from 'node:v8';
import { importCurrent } from './compiled.mjs';

// PGlite's WebAssembly (9 MB) compiled by V8's baseline compiler only: a command lives seconds, and
// optimising PostgreSQL's hot functions in the background cost more CPU than it gave back (`dondoc status`
// on the embedded database 1.7 → 1.0 CPU-s, a 300-task import the same; docs/benchmarks.md, issue #18).
// Set before any module is compiled; the server keeps V8's default tiering.
v8.setFlagsFromString('--liftoff-only');

const { runCli } = await importCurrent('cli/main');
process.exitCode = await runCli(process.argv.slice(2));
