/**
 * What the server's start and `dondoc status` load (issue #18 goal 4): the static import closure of
 * the modules src/server/main.ts imports at start, and of src/cli/main.ts with the status command's
 * module, holds none of the heavy packages that only some requests use — the .docx, .xlsx and PDF
 * writers and readers, the mailer, the S3 client, the archive code. Those are imported with `import()`
 * where they are used (a dynamic import is not an edge here). A static import of one of them, from any
 * module these reach, fails the test with the chain of files that leads to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAVY = /^(?:docx|exceljs|pdfkit|pdfjs-dist|nodemailer|@aws-sdk\/|jszip|tar-stream|mammoth)/u;

/** `import … from '…'`, `export … from '…'`, `import '…'`; `import type` loads nothing and is skipped. */
const STATIC =
  /^[ \t]*(?:import(?!\s+type\b)|export(?!\s+type\b))\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]/gmu;

function staticImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(STATIC)].map((m) => (m[1] ?? m[2]) as string);
}

/** The first chain of static imports from `entries` to a heavy package, or null. */
function chainToHeavy(entries: string[]): string[] | null {
  const from = new Map<string, string | null>(entries.map((e) => [e, null]));
  const queue = [...entries];
  const chain = (file: string, last: string) => {
    const files = [last];
    for (let at: string | null | undefined = file; at; at = from.get(at)) files.unshift(relative(ROOT, at));
    return files;
  };
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const specifier of staticImports(file)) {
      if (HEAVY.test(specifier)) return chain(file, specifier);
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (!existsSync(target) || from.has(target)) continue;
      from.set(target, file);
      queue.push(target);
    }
  }
  return null;
}

/** The modules main.ts imports at start (its top-level `import('…')`s and static imports). */
function serverStartModules(): string[] {
  const main = resolve(ROOT, 'src/server/main.ts');
  const dynamic = [...readFileSync(main, 'utf8').matchAll(/\bimport\(\s*'([^']+)'\s*\)/gu)].map((m) =>
    resolve(dirname(main), m[1] as string),
  );
  return [main, ...dynamic];
}

describe('what a start loads (issue #18)', () => {
  it('the server: no docx, spreadsheet, PDF, mail, S3 or archive package before a request needs one', () => {
    const modules = serverStartModules();
    expect(modules.map((m) => relative(ROOT, m))).toContain('src/server/app.ts');
    expect(chainToHeavy(modules)).toBeNull();
  });

  it('`dondoc status`: none of them either', () => {
    const cli = ['src/cli/main.ts', 'src/cli/commands.ts'].map((f) => resolve(ROOT, f));
    expect(chainToHeavy(cli)).toBeNull();
  });

  it('finds a heavy package behind a chain of static imports, not behind import() or import type', () => {
    // the report's .docx writer is one: reached statically from its own module
    expect(chainToHeavy([resolve(ROOT, 'src/modules/reports/report-docx.ts')])).toEqual([
      'src/modules/reports/report-docx.ts',
      'docx',
    ]);
    // reminder-letter.ts has `import type { Paragraph } from 'docx'` and a static import of docx-style.ts
    expect(chainToHeavy([resolve(ROOT, 'src/modules/letters/reminder-letter.ts')])).toEqual([
      'src/modules/letters/reminder-letter.ts',
      'src/modules/letters/docx-style.ts',
      'docx',
    ]);
    // letter-render.ts loads the renderers with import(): nothing static
    expect(chainToHeavy([resolve(ROOT, 'src/modules/letters/letter-render.ts')])).toBeNull();
  });
});
