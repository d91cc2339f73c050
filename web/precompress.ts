import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing ahead of time (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible asset of the build, once,
 * so the server sends the smallest form without compressing per request (@fastify/static
 * `preCompressed`, src/server/web.ts). Files under 1 KB are left alone.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dondoc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const visit = (folder: string) => {
        for (const name of readdirSync(folder)) {
          const path = join(folder, name);
          const info = statSync(path);
          if (info.isDirectory()) visit(path);
          else if (COMPRESSIBLE.test(name) && info.size >= 1024) {
            const bytes = readFileSync(path);
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
            );
            writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
          }
        }
      };
      visit(outDir);
    },
  };
}
