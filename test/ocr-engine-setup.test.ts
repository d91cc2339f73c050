import { describe, expect, it } from 'vitest';
import { ensureOcrEngine, type OcrHost, runIncludesOcrTests } from './ocr-engine.ts';

/** `npm test` on a fresh machine: the OCR engine is installed from Debian, or the run stops with the command. */
function host(
  state: { tesseract: boolean; vie: boolean; pdftoppm: boolean },
  overrides: Partial<OcrHost> = {},
) {
  const commands: string[] = [];
  const fake: OcrHost = {
    isRoot: true,
    hasCommand: (name) => (name === 'pdftoppm' ? state.pdftoppm : true),
    run: (command, args) => {
      commands.push([command, ...args].join(' '));
      if (args.includes('install')) Object.assign(state, { tesseract: true, vie: true, pdftoppm: true });
      return true;
    },
    output: () =>
      state.tesseract ? `List of available languages (2):\neng\n${state.vie ? 'vie\n' : ''}` : null,
    ...overrides,
  };
  return { fake, commands };
}

describe('the OCR tests’ engine', () => {
  it('is used as it is when tesseract, its Vietnamese data and pdftoppm are there', () => {
    const { fake, commands } = host({ tesseract: true, vie: true, pdftoppm: true });
    expect(ensureOcrEngine(fake)).toEqual({ ok: true, installed: false });
    expect(commands).toEqual([]);
  });

  it('the Vietnamese data missing, as root: the three Debian packages installed as .ci/run does', () => {
    const { fake, commands } = host({ tesseract: true, vie: false, pdftoppm: true });
    expect(ensureOcrEngine(fake)).toEqual({ ok: true, installed: true });
    expect(commands).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq tesseract-ocr tesseract-ocr-vie poppler-utils',
    ]);
  });

  it('missing, and no way to install: the exact command, and the run stops', () => {
    const { fake } = host(
      { tesseract: false, vie: false, pdftoppm: true },
      { isRoot: false, hasCommand: (name) => name !== 'sudo' },
    );
    const check = ensureOcrEngine(fake);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toContain('tesseract (tesseract-ocr)');
      expect(check.message).toContain(
        'sudo apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils',
      );
    }
  });

  it('is needed by a run of every file, or of a file that reads a scan', () => {
    expect(runIncludesOcrTests(undefined)).toBe(true);
    expect(runIncludesOcrTests(['ocr-reader'])).toBe(true);
    expect(runIncludesOcrTests(['test/import-fixtures.test.ts'])).toBe(true);
    expect(runIncludesOcrTests(['test/cli.test.ts'])).toBe(false);
  });
});
