/**
 * Writes the sample report to the Chairman (docs/domain-rules.md §8) — the seed plan, first quarter of 2021,
 * as of 15/02/2021, no result received — to docs/samples/bao-cao-mau.pdf through the project's PDF path
 * (the same blocks as the .docx), and PNGs of its pages at 80 dpi with poppler's pdftoppm, to look at it
 * as the Chairman would: bao-cao-mau-pdf-1/2 (sections I–III), -ky (closing and signature), -phu-luc-1
 * (agencies) and -phu-luc-2 (overdue tasks).
 *   node --import tsx scripts/render-sample-report.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { createLocalFileStore } from '../src/modules/files/local-file-store.ts';
import { exportReport } from '../src/modules/reports/reports.service.ts';
import { systemContext } from '../src/modules/service-context.ts';

const DIR = 'docs/samples';
const NAME = 'bao-cao-mau';
const PAGES: Record<string, number> = {
  'pdf-1': 1,
  'pdf-2': 2,
  'pdf-ky': 3,
  'pdf-phu-luc-1': 4,
  'pdf-phu-luc-2': 6,
};

const work = mkdtempSync(join(tmpdir(), 'dondoc-sample-report-'));
const database = await openDatabase({ kind: 'pglite', dataDir: join(work, 'db') });
try {
  await migrateToLatest(database.db as never);
  const files = createLocalFileStore(join(work, 'files'));
  const { authorityId } = await loadDemo(database.db, { files });
  const ctx = systemContext({ db: database.db, files, authorityId, name: 'cli' });
  const pdf = join(DIR, `${NAME}.pdf`);
  const report = await exportReport(ctx, {
    from: '2021-01-01',
    to: '2021-03-31',
    asOf: '2021-02-15',
    format: 'pdf',
  });
  writeFileSync(pdf, report.content);
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(work, 'page')], { stdio: 'inherit' });
  for (const [suffix, page] of Object.entries(PAGES)) {
    copyFileSync(join(work, `page-${String(page).padStart(2, '0')}.png`), join(DIR, `${NAME}-${suffix}.png`));
  }
  console.log(`wrote ${pdf} and ${Object.keys(PAGES).length} pages as ${join(DIR, NAME)}-*.png`);
} finally {
  await database.close();
  rmSync(work, { recursive: true, force: true });
}
