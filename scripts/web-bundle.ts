import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What the browser downloads before the first page shows: the entry chunk of web/dist and every
 * chunk it imports statically (lazy pages excluded), measured gzip-compressed from the Vite manifest.
 */
const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
  name?: string;
  src?: string;
}

export interface BundleReport {
  initialJsGzip: number;
  initialJsRaw: number;
  initialCssGzip: number;
  initialFiles: string[];
  lazyChunks: { name: string; gzip: number }[];
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
const raw = (file: string) => readFileSync(join(DIST, file)).length;

export function measureBundle(dist = DIST): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('no entry in the Vite manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) visit(child);
  };
  visit(entry[0]);
  const initial = [...seen].map((key) => manifest[key] as ManifestChunk);
  const js = initial.map((chunk) => chunk.file);
  const css = [...new Set(initial.flatMap((chunk) => chunk.css ?? []))];
  const lazyChunks = Object.values(manifest)
    .filter((chunk) => chunk.isDynamicEntry)
    .map((chunk) => ({ name: chunk.src ?? chunk.file, gzip: gz(chunk.file) }))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initialJsGzip: js.reduce((sum, file) => sum + gz(file), 0),
    initialJsRaw: js.reduce((sum, file) => sum + raw(file), 0),
    initialCssGzip: css.reduce((sum, file) => sum + gz(file), 0),
    initialFiles: [...js, ...css],
    lazyChunks,
  };
}

export const INITIAL_JS_BUDGET_GZIP = 350 * 1024;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ensureWebBuild } = await import('./ensure-web-build.ts');
  const { writeBenchSection } = await import('../bench/doc-section.ts');
  ensureWebBuild({ force: true, quiet: true });
  const report = measureBundle();
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const section = `## Web app bundle (issue #6)

Measured by \`npm run bench:web\` (scripts/web-bundle.ts) on ${new Date().toISOString().slice(0, 10)} from the Vite
manifest: the entry chunk and every chunk it imports statically, gzip-compressed (level 6). Budget: initial
JavaScript ≤ 350 KB gzip (a test, test/web-bundle.test.ts, holds the build to it).

| what | gzip KB |
|---|---:|
| initial JavaScript (${report.initialFiles.filter((f) => f.endsWith('.js')).length} files, ${kb(report.initialJsRaw)} KB raw) | ${kb(report.initialJsGzip)} |
| initial CSS | ${kb(report.initialCssGzip)} |
${report.lazyChunks
  .slice(0, 12)
  .map((chunk) => `| lazy: ${chunk.name.replace(/^src\//, '')} | ${kb(chunk.gzip)} |`)
  .join('\n')}
`;
  writeBenchSection('web-bundle', section);
  console.log(section);
}
