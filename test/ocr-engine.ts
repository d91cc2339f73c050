import { spawnSync } from 'node:child_process';
import { type AptHost, aptGet, realAptHost } from './apt-host.ts';

/**
 * Scans are read by Debian's OCR engine (src/modules/import/readers/ocr-reader.ts): tesseract with its
 * Vietnamese data, and poppler's pdftoppm. The OCR tests use it for real, so on a fresh machine
 * `npm test` installs it the way .ci/run does when it may (root, or sudo without a password, and
 * apt-get); otherwise it says exactly what to run and stops the run: an OCR test never skips.
 */
export const OCR_PACKAGES = ['tesseract-ocr', 'tesseract-ocr-vie', 'poppler-utils'];

/** Test files that read a scan (the accuracy fixtures include one). */
export const OCR_TEST_FILES = [
  'src/modules/import/readers/ocr-reader.test.ts',
  'test/import-fixtures.test.ts',
];

export interface OcrHost extends AptHost {
  /** a command's standard output, or null when it cannot run or fails */
  output(command: string, args: string[]): string | null;
}

export type OcrCheck = { ok: true; installed: boolean } | { ok: false; message: string };

/** What of the engine is missing ('' when nothing). */
function missingPart(host: OcrHost): string {
  if (!host.hasCommand('pdftoppm')) return 'pdftoppm (poppler-utils)';
  const langs = host.output('tesseract', ['--list-langs']);
  if (langs === null) return 'tesseract (tesseract-ocr)';
  return /^vie$/mu.test(langs) ? '' : "tesseract's Vietnamese data (tesseract-ocr-vie)";
}

export function ensureOcrEngine(host: OcrHost = realHost()): OcrCheck {
  const missing = missingPart(host);
  if (missing === '') return { ok: true, installed: false };
  const apt = aptGet(host);
  if (apt) {
    console.error(`dondoc: the OCR tests need ${missing}: installing Debian's ${OCR_PACKAGES.join(' ')}…`);
    apt(['update', '-qq']); // a stale index only fails the install below, which says so
    if (apt(['install', '-y', '-qq', ...OCR_PACKAGES]) && missingPart(host) === '')
      return { ok: true, installed: true };
  }
  const prefix = host.isRoot ? '' : 'sudo ';
  return {
    ok: false,
    message:
      `dondoc: the OCR tests (scans) need ${missing}, which is missing.\n` +
      'Install the OCR engine, then run npm test again:\n\n' +
      `    ${prefix}apt-get update && ${prefix}apt-get install -y ${OCR_PACKAGES.join(' ')}\n`,
  };
}

/** Whether this run includes a test that reads a scan: vitest's file filters (none: every file). */
export function runIncludesOcrTests(filters: readonly string[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return OCR_TEST_FILES.some((file) =>
    filters.some((filter) => file.includes(filter) || filter.includes(file)),
  );
}

function realHost(): OcrHost {
  return {
    ...realAptHost(),
    output: (command, args) => {
      const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      // tesseract 4 printed --list-langs on stderr
      return result.status === 0 ? `${result.stdout}\n${result.stderr}` : null;
    },
  };
}
