/**
 * Writes the sample reminder letter to docs/samples/cong-van-don-doc-mau.docx and, when LibreOffice
 * and poppler are installed, its PDF and PNGs of pages 1–2 (60 dpi) — to look at it as the recipient would.
 *   node --import tsx scripts/render-sample-letter.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReminderLetter } from '../src/modules/letters/reminder-letter.ts';
import { sampleReminderLetter } from '../src/modules/letters/sample-letter.ts';

const DIR = 'docs/samples';
const NAME = 'cong-van-don-doc-mau';

mkdirSync(DIR, { recursive: true });
const docx = join(DIR, `${NAME}.docx`);
writeFileSync(docx, await renderReminderLetter(sampleReminderLetter()));
console.log(`wrote ${docx}`);

execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', DIR, docx], { stdio: 'inherit' });
execFileSync(
  'pdftoppm',
  ['-png', '-r', '60', '-f', '1', '-l', '2', join(DIR, `${NAME}.pdf`), join(DIR, NAME)],
  {
    stdio: 'inherit',
  },
);
console.log(`wrote ${join(DIR, `${NAME}.pdf`)} and ${join(DIR, NAME)}-{1,2}.png`);
