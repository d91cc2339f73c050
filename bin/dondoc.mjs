#!/usr/bin/env node
// The dondoc command: dist/cli when built from the current sources, else src/cli through tsx (compiled.mjs).
import { importCurrent } from './compiled.mjs';

const { runCli } = await importCurrent('cli/main');
process.exitCode = await runCli(process.argv.slice(2));
