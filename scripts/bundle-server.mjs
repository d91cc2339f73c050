// The server's start as a few files instead of ≈ 600 module loads (issue #18 goal 4): esbuild bundles
// src/server/main.ts with our modules and kysely (pure ESM, 263 files) into <dist>/server/main.js, and the
// CLI's src/cli/main.ts into <dist>/cli/main.js (a command's start is mostly module loading: `dondoc
// --help` 0.45–0.50 → 0.17–0.20 CPU-s, docs/benchmarks.md); what they and the modules import with `import()` stays lazy,
// as chunks beside the server's (shared by both entries). The other packages stay
// in node_modules (native code, WASM and data files, their own worker files, one zod for fastify's
// type provider and us). Run by scripts/build.ts after tsc has emitted <dist> (the CLI, the parsing
// worker and the files modules read beside themselves stay there):
//   node scripts/bundle-server.mjs <dist>
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
/** where the bundled files are: one level below <dist>, as their twins (server/, cli/) */
const outdir = join(dist, 'server');

/** Packages bundled: pure ESM, imported only by our code. */
const BUNDLED = new Set(['kysely']);

/**
 * A module that finds files beside itself (`new URL('./seed/…', import.meta.url)`: the demo's seed, the
 * reference directories, the parsing worker, web/dist, package.json) reads them beside its compiled twin
 * in <dist>, which tsc emitted with the files copied next to it: `import.meta.url` becomes that twin's URL.
 */
const besideTwin = {
  name: 'import-meta-url-of-twin',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!path.startsWith(SRC) || !source.includes('import.meta.url')) return undefined;
      const twin = relative(outdir, join(dist, relative(SRC, path))).replace(/\.ts$/, '.js');
      const url = `new URL(${JSON.stringify(twin.split('\\').join('/'))}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Every bare specifier but the bundled packages is left to node_modules. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path, external: true };
    });
  },
};

await build({
  entryPoints: { 'server/main': join(SRC, 'server/main.ts'), 'cli/main': join(SRC, 'cli/main.ts') },
  outdir: dist,
  // chunks beside server/main.js: every bundled file is one level below <dist>, as the twins' URLs assume
  chunkNames: 'server/bundle-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  allowOverwrite: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [besideTwin, externalPackages],
});
