import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { ensureOcrEngine, runIncludesOcrTests } from '../ocr-engine.ts';
import { ensureChromium, runIncludesBrowserTests } from './chromium.ts';

/**
 * Before any suite: the browser tests need Debian's chromium (installed here when missing and the
 * user may install packages, else the exact command and a failed run, no stack trace) and the
 * current SPA build in web/dist; the OCR tests need Debian's tesseract (+ vie) and poppler, installed
 * the same way (test/ocr-engine.ts). A run of other files only (`vitest run test/cli.test.ts`) needs
 * none of them.
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
  if (runIncludesOcrTests(filters)) {
    const engine = ensureOcrEngine();
    if (!engine.ok) {
      console.error(`\n${engine.message}\n`);
      process.exit(1);
    }
  }
  ensureWebBuild({ quiet: true });
}
