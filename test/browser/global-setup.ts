import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { ensureChromium, runIncludesBrowserTests } from './chromium.ts';

/**
 * Global setup of the browser project (vitest.config.ts), run only when one of its files is queued:
 * the browser tests need Debian's chromium (installed here when missing and the user may install
 * packages, else the exact command and a failed run, no stack trace) and the current SPA build in
 * web/dist. The unit and db projects need neither (the OCR engine is checked by test/ocr-setup.ts).
 */
export default function setup(project?: { vitest?: unknown }): void {
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
}
