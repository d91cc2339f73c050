import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { ensureChromium, runIncludesBrowserTests } from './chromium.ts';

/**
 * Global setup of the browser project (vitest.config.ts), run only when one of its files is queued:
 * the browser tests need Debian's chromium (installed here when missing and the user may install
 * packages, else the exact command and a failed run, no stack trace) and the current SPA build in
 * web/dist. The unit and db projects need neither (the OCR engine is checked by test/ocr-setup.ts).
 * After the run, it drops the seed-world databases its workers left on PostgreSQL (support.ts).
 */
export default function setup(project?: { vitest?: unknown }): (() => Promise<void>) | undefined {
  // vitest's file filters of this run (an internal field; absent, every file runs)
  const filters = (project?.vitest as { filenamePattern?: string[] } | undefined)?.filenamePattern;
  if (runIncludesBrowserTests(filters, fileURLToPath(new URL('.', import.meta.url)))) {
    const chromium = ensureChromium();
    if (!chromium.ok) {
      console.error(`\n${chromium.message}\n`);
      process.exit(1);
    }
  }
  ensureWebBuild({ quiet: true });
  const base = process.env.TEST_DATABASE_URL;
  return base ? () => dropWorldTemplates(base) : undefined;
}

/** The databases named dondoc_bworld_<this process>_<worker> (WORLD_TEMPLATE_PREFIX in support.ts). */
async function dropWorldTemplates(base: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`dondoc\\_bworld\\_${process.pid}\\_%`],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}
