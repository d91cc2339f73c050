import { ensureOcrEngine, runIncludesOcrTests } from './ocr-engine.ts';

/**
 * Global setup of the db project, which holds the OCR tests (test/ocr-engine.ts lists them): before
 * them, Debian's tesseract (+ vie) and poppler, installed when missing and allowed, else the exact
 * command and a failed run (no stack trace). A run of other files only needs none of it.
 */
export default function setup(project?: { vitest?: unknown }): void {
  // vitest's file filters of this run (an internal field; absent, every file runs)
  const filters = (project?.vitest as { filenamePattern?: string[] } | undefined)?.filenamePattern;
  if (!runIncludesOcrTests(filters)) return;
  const engine = ensureOcrEngine();
  if (!engine.ok) {
    console.error(`\n${engine.message}\n`);
    process.exit(1);
  }
}
